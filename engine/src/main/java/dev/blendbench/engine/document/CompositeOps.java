package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * OpenRaster {@code composite-op} names and our blend modes.
 *
 * <p>Written: the OpenRaster / SVG Compositing name ({@code svg:...}) where one exists, else
 * Krita's ({@code krita:...}), which Krita reads back; our own {@code blendbench:mode} attribute
 * is written beside it, so that a round trip keeps modes that share a name (normal and
 * source-over). Read: every {@code svg:} name of the OpenRaster spec and SVG Compositing 1.2,
 * and the names Krita writes (including older spellings).
 */
final class CompositeOps {
    private CompositeOps() {}

    private static final Map<BlendMode, String> WRITE = new EnumMap<>(BlendMode.class);
    private static final Map<String, BlendMode> READ = new HashMap<>();

    private static void both(BlendMode m, String op) {
        WRITE.putIfAbsent(m, op);
        READ.put(op, m);
    }

    private static void alias(String op, BlendMode m) {
        READ.put(op, m);
    }

    static {
        both(BlendMode.SOURCE_OVER, "svg:src-over");
        both(BlendMode.NORMAL, "svg:src-over");
        READ.put("svg:src-over", BlendMode.SOURCE_OVER);
        both(BlendMode.CLEAR, "svg:clear");
        both(BlendMode.COPY, "svg:src");
        both(BlendMode.DESTINATION, "svg:dst");
        both(BlendMode.DESTINATION_OVER, "svg:dst-over");
        both(BlendMode.SOURCE_IN, "svg:src-in");
        both(BlendMode.DESTINATION_IN, "svg:dst-in");
        both(BlendMode.SOURCE_OUT, "svg:src-out");
        both(BlendMode.DESTINATION_OUT, "svg:dst-out");
        both(BlendMode.SOURCE_ATOP, "svg:src-atop");
        both(BlendMode.DESTINATION_ATOP, "svg:dst-atop");
        both(BlendMode.XOR, "svg:xor");
        both(BlendMode.LIGHTER, "svg:plus");
        both(BlendMode.MULTIPLY, "svg:multiply");
        both(BlendMode.SCREEN, "svg:screen");
        both(BlendMode.OVERLAY, "svg:overlay");
        both(BlendMode.DARKEN, "svg:darken");
        both(BlendMode.LIGHTEN, "svg:lighten");
        both(BlendMode.COLOR_DODGE, "svg:color-dodge");
        both(BlendMode.COLOR_BURN, "svg:color-burn");
        both(BlendMode.HARD_LIGHT, "svg:hard-light");
        both(BlendMode.SOFT_LIGHT, "svg:soft-light");
        both(BlendMode.DIFFERENCE, "svg:difference");
        both(BlendMode.EXCLUSION, "svg:exclusion");
        both(BlendMode.HUE, "svg:hue");
        both(BlendMode.SATURATION, "svg:saturation");
        both(BlendMode.COLOR, "svg:color");
        both(BlendMode.LUMINOSITY, "svg:luminosity");
        both(BlendMode.LINEAR_BURN, "krita:linear_burn");
        both(BlendMode.LINEAR_DODGE, "krita:linear_dodge");
        both(BlendMode.VIVID_LIGHT, "krita:vivid_light");
        both(BlendMode.LINEAR_LIGHT, "krita:linear light");
        both(BlendMode.PIN_LIGHT, "krita:pin_light");
        both(BlendMode.HARD_MIX, "krita:hard_mix_photoshop");
        both(BlendMode.SUBTRACT, "krita:subtract");
        both(BlendMode.DIVIDE, "krita:divide");
        both(BlendMode.DARKER_COLOR, "krita:darker color");
        both(BlendMode.LIGHTER_COLOR, "krita:lighter color");
        // Krita's own ids and older spellings
        alias("krita:normal", BlendMode.SOURCE_OVER);
        alias("krita:multiply", BlendMode.MULTIPLY);
        alias("krita:screen", BlendMode.SCREEN);
        alias("krita:overlay", BlendMode.OVERLAY);
        alias("krita:darken", BlendMode.DARKEN);
        alias("krita:lighten", BlendMode.LIGHTEN);
        alias("krita:dodge", BlendMode.COLOR_DODGE);
        alias("krita:burn", BlendMode.COLOR_BURN);
        alias("krita:hard_light", BlendMode.HARD_LIGHT);
        alias("krita:soft_light_svg", BlendMode.SOFT_LIGHT);
        alias("krita:diff", BlendMode.DIFFERENCE);
        alias("krita:exclusion", BlendMode.EXCLUSION);
        alias("krita:hue", BlendMode.HUE);
        alias("krita:saturation", BlendMode.SATURATION);
        alias("krita:color", BlendMode.COLOR);
        alias("krita:luminize", BlendMode.LUMINOSITY);
        alias("krita:add", BlendMode.LINEAR_DODGE);
        alias("krita:linear_light", BlendMode.LINEAR_LIGHT);
        alias("krita:hard mix", BlendMode.HARD_MIX);
        alias("krita:vivid_light_hdr", BlendMode.VIVID_LIGHT);
        alias("svg:add", BlendMode.LINEAR_DODGE);
    }

    /** The composite-op to write for a mode. */
    static String nameOf(BlendMode m) {
        return WRITE.get(m);
    }

    /** The mode for a composite-op, or null if we have none. */
    static BlendMode modeOf(String op) {
        return READ.get(op.trim());
    }
}

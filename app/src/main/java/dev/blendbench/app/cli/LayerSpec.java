package dev.blendbench.app.cli;

import dev.blendbench.engine.blend.BlendMode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One {@code LAYER} argument: {@code PATH[:mode=NAME][:opacity=F][:x=N][:y=N]}.
 *
 * <p>Options are read from the end of the argument, so a path may itself contain ':' as long as
 * no part after such a colon looks like a known {@code key=value}.
 */
public record LayerSpec(Path path, BlendMode mode, float opacity, int x, int y) {
    public static LayerSpec parse(String arg) {
        if (arg == null || arg.isBlank()) {
            throw new BadInputException("empty layer argument");
        }
        String rest = arg;
        BlendMode mode = BlendMode.SOURCE_OVER;
        float opacity = 1f;
        int x = 0, y = 0;
        boolean seenMode = false, seenOpacity = false, seenX = false, seenY = false;
        while (true) {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) break;
            String opt = rest.substring(colon + 1);
            int eq = opt.indexOf('=');
            if (eq < 0) break;
            String key = opt.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = opt.substring(eq + 1);
            switch (key) {
                case "mode" -> {
                    if (seenMode) throw dup(arg, key);
                    seenMode = true;
                    try {
                        mode = BlendMode.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("layer '" + arg + "': " + e.getMessage());
                    }
                }
                case "opacity" -> {
                    if (seenOpacity) throw dup(arg, key);
                    seenOpacity = true;
                    opacity = parseOpacity(arg, value);
                }
                case "x" -> {
                    if (seenX) throw dup(arg, key);
                    seenX = true;
                    x = parseInt(arg, key, value);
                }
                case "y" -> {
                    if (seenY) throw dup(arg, key);
                    seenY = true;
                    y = parseInt(arg, key, value);
                }
                default -> throw new BadInputException("layer '" + arg + "': unknown option '" + key
                        + "' (expected mode, opacity, x or y)");
            }
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            throw new BadInputException("layer '" + arg + "': no file path");
        }
        return new LayerSpec(Path.of(rest), mode, opacity, x, y);
    }

    private static BadInputException dup(String arg, String key) {
        return new BadInputException("layer '" + arg + "': option '" + key + "' given twice");
    }

    private static float parseOpacity(String arg, String v) {
        float f;
        try {
            f = Float.parseFloat(v);
        } catch (NumberFormatException e) {
            throw new BadInputException("layer '" + arg + "': opacity '" + v + "' is not a number");
        }
        if (!(f >= 0f && f <= 1f)) {
            throw new BadInputException("layer '" + arg + "': opacity must be between 0 and 1, got " + v);
        }
        return f;
    }

    private static int parseInt(String arg, String key, String v) {
        try {
            int i = Integer.parseInt(v.trim());
            if (Math.abs(i) > 1_000_000) {
                throw new BadInputException("layer '" + arg + "': " + key + " out of range: " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new BadInputException("layer '" + arg + "': " + key + " '" + v + "' is not a whole number");
        }
    }
}

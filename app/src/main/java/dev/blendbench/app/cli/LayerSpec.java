package dev.blendbench.app.cli;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.surface.Surface;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One {@code LAYER} argument:
 * {@code PATH[:mode=NAME][:opacity=F][:x=N][:y=N][:scale=S][:rotate=DEG][:filter=NAME][:clip=true]}; x and y
 * may be fractional; {@code clip=true} clips the layer to the one below it (Photoshop's clipping
 * mask: it shows only where that one has pixels).
 *
 * <p>Options are read from the end of the argument, so a path may itself contain ':' as long as
 * no part after such a colon looks like a known {@code key=value}.
 */
public record LayerSpec(Path path, BlendMode mode, float opacity, double x, double y, double scale, double rotate,
                        Filter filter, boolean clip) {
    /** True when the layer needs resampling: fractional position, scale or rotation. */
    public boolean isTransformed() {
        return scale != 1 || rotate % 360 != 0 || x != Math.rint(x) || y != Math.rint(y);
    }

    /** The layer these options describe, over {@code src}. */
    public Layer toLayer(String name, Surface src) {
        if (!isTransformed()) {
            return new Layer(name, src, (int) x, (int) y, mode, opacity, true);
        }
        Transform t = Transform.place(src.width(), src.height(), x, y, scale, rotate);
        try {
            return new Layer(name, src, 0, 0, mode, opacity, true).withTransform(t, filter);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("layer '" + path + "': " + e.getMessage());
        }
    }

    public static LayerSpec parse(String arg) {
        if (arg == null || arg.isBlank()) {
            throw new BadInputException("empty layer argument");
        }
        String rest = arg;
        BlendMode mode = BlendMode.SOURCE_OVER;
        float opacity = 1f;
        double x = 0, y = 0, scale = 1, rotate = 0;
        Filter filter = Filter.BILINEAR;
        boolean seenMode = false, seenOpacity = false, seenX = false, seenY = false;
        boolean seenScale = false, seenRotate = false, seenFilter = false, seenClip = false, clip = false;
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
                        String near = Cli.didYouMean(value.toLowerCase(Locale.ROOT),
                                java.util.Arrays.stream(BlendMode.values()).map(BlendMode::cssName).toList());
                        throw new BadInputException("layer '" + arg + "': " + (near.isEmpty() ? e.getMessage()
                                : "unknown blend mode '" + value + "'" + near));
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
                    x = parseNumber(arg, key, value, 1_000_000);
                }
                case "y" -> {
                    if (seenY) throw dup(arg, key);
                    seenY = true;
                    y = parseNumber(arg, key, value, 1_000_000);
                }
                case "scale" -> {
                    if (seenScale) throw dup(arg, key);
                    seenScale = true;
                    scale = parseNumber(arg, key, value, 10_000);
                    if (!(scale > 0)) {
                        throw new BadInputException("layer '" + arg + "': scale must be a positive number, got " + value);
                    }
                    if (scale < 1.0 / 10_000) {
                        throw new BadInputException("layer '" + arg + "': scale out of range (at least 0.0001): " + value);
                    }
                }
                case "rotate" -> {
                    if (seenRotate) throw dup(arg, key);
                    seenRotate = true;
                    rotate = parseNumber(arg, key, value, 1_000_000);
                }
                case "filter" -> {
                    if (seenFilter) throw dup(arg, key);
                    seenFilter = true;
                    try {
                        filter = Filter.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException("layer '" + arg + "': " + Cli.unknownFilter(value, e));
                    }
                }
                case "clip" -> {
                    if (seenClip) throw dup(arg, key);
                    seenClip = true;
                    String v = value.toLowerCase(Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new BadInputException("layer '" + arg + "': clip must be true or false, got '" + value + "'");
                    }
                    clip = v.equals("true");
                }
                default -> {
                    String near = Cli.didYouMean(key, List.of("mode", "opacity", "x", "y", "scale", "rotate", "filter", "clip"));
                    throw new BadInputException("layer '" + arg + "': unknown option '" + key + "'"
                            + (near.isEmpty() ? " (expected mode, opacity, x, y, scale, rotate, filter or clip)" : near));
                }
            }
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            throw new BadInputException("layer '" + arg + "': no file path");
        }
        Path path;
        try {
            path = Path.of(rest);
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadInputException("layer '" + arg.replaceAll("\\p{Cntrl}", "?") + "': not a valid file name (" + e.getReason() + ")");
        }
        return new LayerSpec(path, mode, opacity, x, y, scale, rotate, filter, clip);
    }

    private static BadInputException dup(String arg, String key) {
        return new BadInputException("layer '" + arg + "': option '" + key + "' given twice");
    }

    /** A fraction 0..1, or a percentage 0%..100% (as image editors show it). */
    private static float parseOpacity(String arg, String v) {
        boolean percent = v.endsWith("%");
        float f;
        try {
            f = Float.parseFloat(percent ? v.substring(0, v.length() - 1) : v);
        } catch (NumberFormatException e) {
            throw new BadInputException("layer '" + arg + "': opacity '" + v + "' is not a number (give 0..1 or 0%..100%)");
        }
        if (percent) f /= 100f;
        if (!(f >= 0f && f <= 1f)) {
            throw new BadInputException("layer '" + arg + "': opacity must be between 0 and 1 (or 0% and 100%), got " + v);
        }
        return f;
    }

    private static double parseNumber(String arg, String key, String v, double limit) {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException("layer '" + arg + "': " + key + " '" + v + "' is not a number");
        }
        if (!Double.isFinite(d)) {
            throw new BadInputException("layer '" + arg + "': " + key + " must be a finite number, got " + v);
        }
        if (Math.abs(d) > limit) {
            throw new BadInputException("layer '" + arg + "': " + key + " out of range (at most " + (long) limit + "): " + v);
        }
        return d;
    }
}

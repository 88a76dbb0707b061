package dev.blendbench.engine.demo;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.util.List;

/**
 * The bundled demo scene, computed from formulas so that it is the same on every machine. The
 * PNGs in {@code assets/demo/} are these surfaces written out (a test keeps them in step).
 *
 * <ul>
 *   <li>{@link #background}: opaque 1920×1080, a colour gradient with soft diagonal bands.</li>
 *   <li>{@link #overlay}: semi-transparent 1920×1080 with soft-edged discs, a fully opaque
 *       panel, a 50 % band and large fully transparent areas.</li>
 * </ul>
 */
public final class DemoScene {
    private DemoScene() {}

    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    public static Surface background() {
        Surface s = Surface.allocate(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            double v = y / (double) (HEIGHT - 1);
            for (int x = 0; x < WIDTH; x++) {
                double u = x / (double) (WIDTH - 1);
                double band = 0.5 + 0.5 * Math.sin((x + y) * 2 * Math.PI / 240.0);
                int r = clamp(30 + 150 * u + 40 * band);
                int g = clamp(60 + 120 * v + 20 * band);
                int b = clamp(160 - 100 * u + 80 * v * band);
                s.setPixel(x, y, Argb.pack(255, r, g, b));
            }
        }
        return s;
    }

    public static Surface overlay() {
        Surface s = Surface.allocate(WIDTH, HEIGHT);
        double[][] discs = {{480, 400, 260}, {1100, 640, 330}, {1560, 300, 200}, {300, 880, 150}};
        int[][] colours = {{255, 200, 40}, {40, 220, 255}, {255, 60, 140}, {120, 255, 90}};
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                // straight-alpha colour accumulated source-over, then premultiplied once
                double a = 0, r = 0, g = 0, b = 0;
                if (y >= 960 && y < 1020) { // a 50 % band across the bottom
                    a = 0.5; r = 250; g = 250; b = 250;
                }
                for (int i = 0; i < discs.length; i++) {
                    double d = Math.hypot(x - discs[i][0], y - discs[i][1]);
                    double edge = smoothstep(discs[i][2], discs[i][2] - 60, d); // 60 px soft edge
                    if (edge > 0) {
                        double na = edge + a * (1 - edge);
                        r = (colours[i][0] * edge + r * a * (1 - edge)) / na;
                        g = (colours[i][1] * edge + g * a * (1 - edge)) / na;
                        b = (colours[i][2] * edge + b * a * (1 - edge)) / na;
                        a = na;
                    }
                }
                if (x >= 1400 && x < 1800 && y >= 620 && y < 900) { // fully opaque panel
                    a = 1; r = 30; g = 30; b = 40;
                }
                int alpha = clamp(a * 255);
                s.setPixel(x, y, alpha == 0 ? 0 : Argb.premultiply(Argb.pack(alpha, clamp(r), clamp(g), clamp(b))));
            }
        }
        return s;
    }

    /** Background, the overlay in source-over, and the overlay again in multiply, shifted. */
    public static Scene scene() {
        Surface bg = background();
        Surface ov = overlay();
        return new Scene(WIDTH, HEIGHT, 0, List.of(
                Layer.of("background", bg),
                Layer.of("overlay", ov),
                new Layer("shadow (multiply)", ov, 40, 40, BlendMode.MULTIPLY, 0.6f, true)));
    }

    private static double smoothstep(double e0, double e1, double x) {
        double t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}

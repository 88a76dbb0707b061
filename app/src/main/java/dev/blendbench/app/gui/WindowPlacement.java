package dev.blendbench.app.gui;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Where the workbench window was and how big, kept in the user's preferences so that the next
 * start opens it there. A stored placement is fitted to the screens there are now: a screen
 * unplugged since, or a stored value that is garbage, gives the default size centred on the
 * primary screen rather than a window off-screen.
 *
 * @param x, y          top-left corner (NaN: centre it)
 * @param width, height size
 * @param maximized     whether it was maximised (its size then is the size to restore to)
 */
record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    static final WindowPlacement DEFAULT = new WindowPlacement(Double.NaN, Double.NaN, 1400, 860, false);
    static final double MIN_WIDTH = 640, MIN_HEIGHT = 400;

    /** As stored: {@code x,y,width,height,maximized}. */
    String encode() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
    }

    /** A stored placement, or {@link #DEFAULT} for anything that is not one. */
    static WindowPlacement decode(String s) {
        if (s == null) return DEFAULT;
        String[] f = s.split(",", -1);
        if (f.length != 5 || !(f[4].equals("true") || f[4].equals("false"))) return DEFAULT;
        try {
            double x = Double.parseDouble(f[0]), y = Double.parseDouble(f[1]), w = Double.parseDouble(f[2]), h = Double.parseDouble(f[3]);
            if (!Double.isFinite(w) || !Double.isFinite(h) || w <= 0 || h <= 0) return DEFAULT;
            return new WindowPlacement(x, y, w, h, Boolean.parseBoolean(f[4]));
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }

    /**
     * This placement on {@code screens} (visual bounds, the primary first): the size no larger than
     * the screen it lands on and no smaller than the minimum; the title bar on a screen, else centred
     * on the primary screen.
     */
    WindowPlacement fitTo(List<Rectangle2D> screens) {
        if (screens.isEmpty()) return this;
        Rectangle2D home = screens.get(0);
        Rectangle2D on = null;
        if (Double.isFinite(x) && Double.isFinite(y)) {
            // the top strip of the window (its title bar) must be grabbable on some screen
            for (Rectangle2D s : screens) {
                if (s.intersects(x + 40, y, Math.max(1, width - 80), 30)) {
                    on = s;
                    break;
                }
            }
        }
        Rectangle2D screen = on != null ? on : home;
        double w = Math.max(Math.min(MIN_WIDTH, screen.getWidth()), Math.min(width, screen.getWidth()));
        double h = Math.max(Math.min(MIN_HEIGHT, screen.getHeight()), Math.min(height, screen.getHeight()));
        if (on == null) {
            return new WindowPlacement(home.getMinX() + (home.getWidth() - w) / 2, home.getMinY() + (home.getHeight() - h) / 2, w, h, maximized);
        }
        double nx = Math.min(Math.max(x, screen.getMinX()), screen.getMaxX() - w);
        double ny = Math.min(Math.max(y, screen.getMinY()), screen.getMaxY() - h);
        return new WindowPlacement(nx, ny, w, h, maximized);
    }

    /** The stage's placement now (a maximised stage keeps the size it had before, which JavaFX does not tell: this one's). */
    static WindowPlacement of(Stage stage, WindowPlacement restored) {
        if (stage.isMaximized()) return new WindowPlacement(restored.x, restored.y, restored.width, restored.height, true);
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    void applyTo(Stage stage) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(maximized);
    }
}

package dev.blendbench.engine.document;

import dev.blendbench.engine.surface.Argb;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A Photoshop vector mask ({@code vmsk} / {@code vsms} block: Adobe's "Path resource format"):
 * its subpaths of Bézier knots, in fractions of the document's height and width, and how they
 * combine, rasterized with antialiasing into an 8-bit mask of the canvas. Subpaths combine as
 * Photoshop's path operations do: each subpath (with the ones merged into it) is a shape; the first
 * applies to an empty canvas (to a full one where it subtracts or intersects, or where the initial
 * fill rule says the fill starts with all pixels), each next one adds, subtracts, intersects with
 * or excludes from what came before.
 */
final class PsdVectorMask {
    /** One subpath: closed or open, its path operation, and its knots (6 numbers each: preceding, anchor, leaving; y then x). */
    record Subpath(boolean closed, int operation, double[] knots) {}

    private final boolean inverted, disabled, initialFill;
    private final List<Subpath> subpaths;

    private PsdVectorMask(boolean inverted, boolean disabled, boolean initialFill, List<Subpath> subpaths) {
        this.inverted = inverted;
        this.disabled = disabled;
        this.initialFill = initialFill;
        this.subpaths = subpaths;
    }

    /** Whether Photoshop draws the layer as if it had no vector mask. */
    boolean disabled() { return disabled; }

    List<Subpath> subpaths() { return subpaths; }

    /** Parses a {@code vmsk}/{@code vsms} block's data. */
    static PsdVectorMask parse(byte[] block) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(block);
        if (in.remaining() < 8) throw new EOFException("a vector mask block of " + block.length + " bytes");
        int version = in.getInt(), flags = in.getInt();
        if (version != 3) throw new IOException("a vector mask of version " + version);
        boolean initialFill = false;
        List<Subpath> subpaths = new ArrayList<>();
        while (in.remaining() >= 26) {
            int selector = in.getShort() & 0xFFFF;
            switch (selector) {
                case 0, 3 -> { // a subpath's length record: its knots follow
                    int knots = in.getShort() & 0xFFFF;
                    int operation = in.getShort();
                    in.position(in.position() + 20);
                    if ((long) knots * 26 > in.remaining()) {
                        throw new EOFException("a subpath of " + knots + " knots runs past its block");
                    }
                    double[] k = new double[6 * knots];
                    for (int i = 0; i < knots; i++) {
                        int type = in.getShort() & 0xFFFF;
                        if (type != 1 && type != 2 && type != 4 && type != 5) {
                            throw new IOException("a subpath's knot " + i + " is a record of type " + type);
                        }
                        for (int j = 0; j < 6; j++) k[6 * i + j] = in.getInt() / (double) (1 << 24);
                    }
                    subpaths.add(new Subpath(selector == 0, operation, k));
                }
                case 8 -> { // initial fill rule
                    initialFill = (in.getShort() & 0xFFFF) == 1;
                    in.position(in.position() + 22);
                }
                case 6, 7 -> in.position(in.position() + 24); // fill rule, clipboard
                default -> throw new IOException("a path record of unknown type " + selector);
            }
        }
        return new PsdVectorMask((flags & 1) != 0, (flags & 4) != 0, initialFill, List.copyOf(subpaths));
    }

    /**
     * The canvas rectangle outside which the mask hides everything, for a {@code w} × {@code h}
     * document: the bounds of its subpaths (with their control points), or the whole canvas where
     * the mask starts full (inverted, filled initially, or first subtracting or intersecting).
     * Empty where it hides all.
     */
    java.awt.Rectangle extent(int w, int h) {
        java.awt.Rectangle canvas = new java.awt.Rectangle(0, 0, w, h);
        if (inverted || initialFill || subpaths.isEmpty()) return inverted || initialFill ? canvas : new java.awt.Rectangle();
        int op = subpaths.getFirst().operation();
        if (op == 2 || op == 3) return canvas;
        Rectangle r = bounds(subpaths, w, h).intersection(canvas);
        return r.isEmpty() ? new Rectangle() : r;
    }

    /**
     * The mask of a {@code w} × {@code h} document over the region {@code width} × {@code height}
     * at ({@code left}, {@code top}): one byte per pixel, row by row, 255 where the layer shows.
     * Each shape is drawn and combined over its own bounds only, and outside a rectangle the
     * mask is known to be empty ({@code live}) nothing is touched; the work stays proportional to
     * the shapes' areas, and a mask whose shapes together cover the region more than 64 times over
     * is refused (a hostile file can list hundreds of thousands of subpaths in a few megabytes).
     *
     * @throws IOException where the mask is too complex to draw
     */
    byte[] rasterize(int w, int h, int left, int top, int width, int height) throws IOException {
        byte[] mask = new byte[width * height];
        Rectangle all = new Rectangle(0, 0, width, height), live = new Rectangle(); // outside live, the mask is 0
        if (initialFill && subpaths.isEmpty()) {
            java.util.Arrays.fill(mask, (byte) 255);
            live = all;
        }
        long work = 0, allowed = 64L * mask.length + (1 << 20);
        boolean first = true;
        for (int i = 0; i < subpaths.size(); ) {
            int j = i + 1;
            while (j < subpaths.size() && subpaths.get(j).operation() == -1) j++; // merged into the shape
            List<Subpath> shape = subpaths.subList(i, j);
            int op = subpaths.get(i).operation();
            if (first && (op == 2 || op == 3)) { // subtracting or intersecting first: from a full canvas
                java.util.Arrays.fill(mask, (byte) 255);
                live = all;
            }
            Rectangle r = bounds(shape, w, h);
            r.translate(-left, -top);
            r = r.intersection(all);
            if (r.isEmpty()) r = new Rectangle();
            work += (long) r.width * r.height + 1;
            if (work > allowed) {
                throw new IOException("a vector mask of " + subpaths.size() + " subpaths is too complex to draw");
            }
            byte[] plane = r.isEmpty() ? new byte[0] : shape(shape, w, h, left + r.x, top + r.y, r.width, r.height);
            if (op == 3) { // intersect: nothing survives outside the shape
                clearOutside(mask, width, live, r);
                live = live.intersection(r);
                if (live.isEmpty()) live = new Rectangle();
            }
            Rectangle touched = op == 2 || op == 3 ? live.intersection(r) : r;
            for (int y = touched.y; y < touched.y + touched.height; y++) {
                for (int x = touched.x; x < touched.x + touched.width; x++) {
                    int p = y * width + x, m = mask[p] & 0xFF, sv = plane[(y - r.y) * r.width + (x - r.x)] & 0xFF;
                    mask[p] = (byte) switch (op) {
                        case 0 -> m + sv - 2 * Argb.mulDiv255(m, sv); // exclude
                        case 2 -> Math.max(0, m - sv); // subtract
                        case 3 -> Argb.mulDiv255(m, sv); // intersect
                        default -> m + sv - Argb.mulDiv255(m, sv); // combine
                    };
                }
            }
            if (op != 2 && op != 3) live = live.isEmpty() ? r : live.union(r);
            first = false;
            i = j;
        }
        if (inverted) {
            for (int p = 0; p < mask.length; p++) mask[p] = (byte) (255 - (mask[p] & 0xFF));
        }
        return mask;
    }

    /** Zeroes the part of {@code live} outside {@code keep}. */
    private static void clearOutside(byte[] mask, int width, Rectangle live, Rectangle keep) {
        for (int y = live.y; y < live.y + live.height; y++) {
            int from = y * width;
            if (y < keep.y || y >= keep.y + keep.height || keep.isEmpty()) {
                java.util.Arrays.fill(mask, from + live.x, from + live.x + live.width, (byte) 0);
            } else {
                int l = Math.min(Math.max(keep.x, live.x), live.x + live.width);
                int rr = Math.max(Math.min(keep.x + keep.width, live.x + live.width), l);
                java.util.Arrays.fill(mask, from + live.x, from + l, (byte) 0);
                java.util.Arrays.fill(mask, from + rr, from + live.x + live.width, (byte) 0);
            }
        }
    }

    /** A shape's bounds on the canvas, control points included (a Bézier stays within them; may be empty). */
    private static Rectangle bounds(List<Subpath> shape, int w, int h) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Subpath s : shape) {
            double[] k = s.knots();
            if (k.length < 12) continue; // fewer than two knots: draws nothing
            for (int i = 0; i < k.length; i += 2) {
                y0 = Math.min(y0, k[i] * h);
                y1 = Math.max(y1, k[i] * h);
                x0 = Math.min(x0, k[i + 1] * w);
                x1 = Math.max(x1, k[i + 1] * w);
            }
        }
        if (x0 > x1) return new Rectangle();
        // clamped first: a hostile knot lies up to 128 documents away
        int l = (int) Math.floor(Math.max(-1, Math.min(w + 1, x0))), t = (int) Math.floor(Math.max(-1, Math.min(h + 1, y0)));
        int r = (int) Math.ceil(Math.max(-1, Math.min(w + 1, x1))), b = (int) Math.ceil(Math.max(-1, Math.min(h + 1, y1)));
        return new Rectangle(l, t, r - l, b - t);
    }

    /** The subpaths filled (non-zero winding each, open ones closed), antialiased, as one shape, over the region. */
    private static byte[] shape(List<Subpath> paths, int w, int h, int left, int top, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.translate(-left, -top);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            for (Subpath s : paths) {
                double[] k = s.knots();
                int n = k.length / 6;
                if (n < 2) continue;
                Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
                p.moveTo(k[3] * w, k[2] * h);
                for (int i = 1; i <= (s.closed() ? n : n - 1); i++) {
                    int a = 6 * (i - 1), b = 6 * (i % n);
                    p.curveTo(k[a + 5] * w, k[a + 4] * h, k[b + 1] * w, k[b] * h, k[b + 3] * w, k[b + 2] * h);
                }
                p.closePath();
                g.fill(p);
            }
        } finally {
            g.dispose();
        }
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

}

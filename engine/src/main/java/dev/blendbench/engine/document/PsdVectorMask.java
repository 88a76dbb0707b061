package dev.blendbench.engine.document;

import java.awt.Color;
import java.awt.Graphics2D;
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
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Subpath s : subpaths) {
            double[] k = s.knots();
            for (int i = 0; i < k.length; i += 2) {
                y0 = Math.min(y0, k[i] * h);
                y1 = Math.max(y1, k[i] * h);
                x0 = Math.min(x0, k[i + 1] * w);
                x1 = Math.max(x1, k[i + 1] * w);
            }
        }
        if (x0 > x1) return new java.awt.Rectangle();
        int left = (int) Math.floor(Math.max(-1, x0)), top = (int) Math.floor(Math.max(-1, y0));
        int right = (int) Math.ceil(Math.min(w + 1, x1)), bottom = (int) Math.ceil(Math.min(h + 1, y1));
        return canvas.intersection(new java.awt.Rectangle(left, top, Math.max(0, right - left), Math.max(0, bottom - top)));
    }

    /**
     * The mask of a {@code w} × {@code h} document over the region {@code width} × {@code height}
     * at ({@code left}, {@code top}): one byte per pixel, row by row, 255 where the layer shows.
     */
    byte[] rasterize(int w, int h, int left, int top, int width, int height) {
        byte[] mask = new byte[width * height];
        if (initialFill && subpaths.isEmpty()) java.util.Arrays.fill(mask, (byte) 255);
        boolean first = true;
        for (int i = 0; i < subpaths.size(); ) {
            int j = i + 1;
            while (j < subpaths.size() && subpaths.get(j).operation() == -1) j++; // merged into the shape
            byte[] plane = shape(subpaths.subList(i, j), w, h, left, top, width, height);
            int op = subpaths.get(i).operation();
            boolean invertFirst = first && (op == 2 || op == 3);
            for (int p = 0; p < mask.length; p++) {
                int m = mask[p] & 0xFF, s = plane[p] & 0xFF;
                if (invertFirst) m = 255 - m;
                int v = switch (op) {
                    case 0 -> m + s - 2 * div255(m * s); // exclude
                    case 2 -> Math.max(0, m - s); // subtract
                    case 3 -> div255(m * s); // intersect
                    default -> m + s - div255(m * s); // combine
                };
                mask[p] = (byte) v;
            }
            first = false;
            i = j;
        }
        if (inverted) {
            for (int p = 0; p < mask.length; p++) mask[p] = (byte) (255 - (mask[p] & 0xFF));
        }
        return mask;
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

    private static int div255(int x) {
        x += 128;
        return (x + (x >>> 8)) >>> 8;
    }
}

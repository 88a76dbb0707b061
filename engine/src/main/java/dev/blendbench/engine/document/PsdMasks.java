package dev.blendbench.engine.document;

import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.stream.ImageInputStream;

/**
 * A Photoshop layer's pixel mask: its channel decoded (raw, PackBits, ZIP with or without
 * prediction; 8, 16 or 32 bits a sample) and applied to the layer's premultiplied pixels, as
 * Photoshop draws a masked layer: each pixel's alpha and colours scaled by the mask's value there,
 * the mask's default value outside its rectangle. A density below 100 % lets that share of the
 * layer through where the mask hides it. Feathering (a blur of the mask) is not applied.
 *
 * <p>Every length is checked before it is used: a channel that claims more samples than its
 * rectangle holds, a row count that runs past the channel, PackBits that overrun a row, or a
 * ZIP stream that inflates to more or fewer bytes than the rectangle needs end in an
 * {@link IOException}.
 */
final class PsdMasks {
    private PsdMasks() {}

    /**
     * The mask's values, one byte per pixel of its rectangle, row by row; null for an empty
     * rectangle (the default value everywhere).
     *
     * @param maxPixels  the most pixels a mask may have (as a layer may)
     */
    static byte[] decode(ImageInputStream in, PsdLayerRecords.PixelMask m, boolean psb, int depth, long maxPixels)
            throws IOException {
        int w = m.width(), h = m.height();
        if (w <= 0 || h <= 0) return null;
        if ((long) w * h > maxPixels) {
            throw new IOException("a layer mask of " + w + "x" + h + " is over the pixel limit");
        }
        int bytes = switch (depth) {
            case 8 -> 1;
            case 16 -> 2;
            case 32 -> 4;
            default -> throw new IOException("a layer mask at " + depth + " bits a sample");
        };
        if ((long) w * h * bytes > Integer.MAX_VALUE - 16) {
            throw new IOException("a layer mask of " + w + "x" + h + " is too large to decode");
        }
        int rowBytes = w * bytes;
        byte[] raw = new byte[rowBytes * h];
        in.seek(m.dataOffset());
        int compression = in.readUnsignedShort();
        long payload = m.dataLength() - 2;
        switch (compression) {
            case 0 -> {
                if (payload < raw.length) throw new EOFException("a raw layer mask shorter than its rectangle");
                in.readFully(raw);
            }
            case 1 -> packBits(in, raw, rowBytes, h, psb, payload);
            case 2, 3 -> {
                inflate(in, raw, payload);
                if (compression == 3) unpredict(raw, w, h, bytes);
            }
            default -> throw new IOException("a layer mask with unknown compression " + compression);
        }
        return toEightBits(raw, w * h, bytes);
    }

    /** A stored mask value as it acts: inverted where the mask is, and only {@code density} of it hiding. */
    static int effective(int v, PsdLayerRecords.PixelMask m) {
        if (m.inverted()) v = 255 - v;
        return 255 - Argb.mulDiv255(m.density(), 255 - v);
    }

    /**
     * The mask as a layer's live {@link LayerMask} (enabled unless the file disables it), its values
     * as they act ({@link #effective}); {@code values} as {@link #decode} gives them, for a layer
     * whose top-left corner is at ({@code left}, {@code top}).
     */
    static LayerMask live(PsdLayerRecords.PixelMask m, byte[] values, int left, int top) {
        int w = values == null ? 0 : m.width(), h = values == null ? 0 : m.height();
        byte[] v = new byte[w * h];
        for (int i = 0; i < v.length; i++) v[i] = (byte) effective(values[i] & 0xFF, m);
        return new LayerMask(v, m.left() - left, m.top() - top, w, h, effective(m.defaultValue(), m), !m.disabled());
    }

    /**
     * Scales the pixels of {@code layer}, whose top-left corner is at ({@code left}, {@code top})
     * on the canvas, by the mask's value at each of them.
     */
    static void apply(Surface layer, int left, int top, PsdLayerRecords.PixelMask m, byte[] values) {
        int[] px = layer.array();
        int mw = m.width();
        for (int y = 0; y < layer.height(); y++) {
            int cy = top + y;
            boolean rowIn = values != null && cy >= m.top() && cy < m.bottom();
            for (int x = 0; x < layer.width(); x++) {
                int cx = left + x;
                int v = effective(rowIn && cx >= m.left() && cx < m.right()
                        ? values[(cy - m.top()) * mw + (cx - m.left())] & 0xFF : m.defaultValue(), m);
                if (v == 255) continue;
                int i = layer.index(x, y), p = px[i];
                px[i] = Argb.mulDiv255(p >>> 24, v) << 24 | Argb.mulDiv255(p >>> 16 & 0xFF, v) << 16
                        | Argb.mulDiv255(p >>> 8 & 0xFF, v) << 8 | Argb.mulDiv255(p & 0xFF, v);
            }
        }
        layer.markModified();
    }


    /** Photoshop's RLE: a byte count per row (2 bytes, 4 in a PSB), then each row in PackBits. */
    private static void packBits(ImageInputStream in, byte[] out, int rowBytes, int rows, boolean psb, long payload)
            throws IOException {
        long countBytes = (long) rows * (psb ? 4 : 2);
        if (countBytes > payload) throw new EOFException("a layer mask's row counts run past its channel");
        long[] counts = new long[rows];
        long total = countBytes, longest = 0;
        for (int r = 0; r < rows; r++) {
            counts[r] = psb ? in.readUnsignedInt() : in.readUnsignedShort();
            total += counts[r];
            longest = Math.max(longest, counts[r]);
        }
        if (total > payload) throw new EOFException("a layer mask's rows run past its channel");
        // PackBits never needs more than a header byte per 128 bytes beyond the row itself
        if (longest > 2L * rowBytes + 16) throw new IOException("a layer mask's row is longer than PackBits writes");
        byte[] row = new byte[(int) longest];
        for (int r = 0; r < rows; r++) {
            int n = (int) counts[r];
            in.readFully(row, 0, n);
            int o = r * rowBytes, end = o + rowBytes, i = 0;
            while (i < n) {
                int b = row[i++];
                if (b >= 0) { // b + 1 literal bytes
                    if (i + b + 1 > n || o + b + 1 > end) throw new IOException("a layer mask's row overruns");
                    System.arraycopy(row, i, out, o, b + 1);
                    i += b + 1;
                    o += b + 1;
                } else if (b != -128) { // the next byte 1 − b times
                    if (i >= n || o + 1 - b > end) throw new IOException("a layer mask's row overruns");
                    java.util.Arrays.fill(out, o, o + 1 - b, row[i++]);
                    o += 1 - b;
                }
            }
            if (o != end) throw new IOException("a layer mask's row is short");
        }
    }

    private static void inflate(ImageInputStream in, byte[] out, long payload) throws IOException {
        Inflater inflater = new Inflater();
        try {
            byte[] buf = new byte[64 * 1024];
            int done = 0;
            long left = payload;
            while (done < out.length) {
                if (inflater.needsInput()) {
                    if (left <= 0) throw new EOFException("a layer mask's ZIP data ends early");
                    int n = (int) Math.min(buf.length, left);
                    in.readFully(buf, 0, n);
                    left -= n;
                    inflater.setInput(buf, 0, n);
                }
                int n = inflater.inflate(out, done, out.length - done);
                done += n;
                if (n == 0 && (inflater.finished() || inflater.needsDictionary())) {
                    throw new EOFException("a layer mask's ZIP data ends early");
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("a layer mask's ZIP data is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * Undoes ZIP-with-prediction: each sample stored as its difference from the one to its left
     * (16-bit samples as 16-bit differences; 32-bit rows as four planes of bytes, high bytes first,
     * byte differences across the whole row).
     */
    private static void unpredict(byte[] raw, int w, int h, int bytes) {
        int rowBytes = w * bytes;
        for (int r = 0; r < h; r++) {
            int o = r * rowBytes;
            switch (bytes) {
                case 1, 4 -> {
                    for (int i = 1; i < rowBytes; i++) raw[o + i] += raw[o + i - 1];
                    if (bytes == 4) {
                        byte[] planes = java.util.Arrays.copyOfRange(raw, o, o + rowBytes);
                        for (int x = 0; x < w; x++) {
                            for (int b = 0; b < 4; b++) raw[o + 4 * x + b] = planes[b * w + x];
                        }
                    }
                }
                default -> {
                    int prev = 0;
                    for (int x = 0; x < w; x++) {
                        int i = o + 2 * x;
                        prev = (prev + ((raw[i] & 0xFF) << 8 | raw[i + 1] & 0xFF)) & 0xFFFF;
                        raw[i] = (byte) (prev >>> 8);
                        raw[i + 1] = (byte) prev;
                    }
                }
            }
        }
    }

    private static byte[] toEightBits(byte[] raw, int n, int bytes) {
        if (bytes == 1) return raw;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int v;
            if (bytes == 2) {
                v = ((raw[2 * i] & 0xFF) << 8 | raw[2 * i + 1] & 0xFF) * 255 + 32767;
                v /= 65535;
            } else {
                int bits = (raw[4 * i] & 0xFF) << 24 | (raw[4 * i + 1] & 0xFF) << 16 | (raw[4 * i + 2] & 0xFF) << 8 | raw[4 * i + 3] & 0xFF;
                float f = Float.intBitsToFloat(bits);
                v = f >= 1f ? 255 : f > 0f ? Math.round(f * 255f) : 0; // NaN: 0
            }
            out[i] = (byte) v;
        }
        return out;
    }
}

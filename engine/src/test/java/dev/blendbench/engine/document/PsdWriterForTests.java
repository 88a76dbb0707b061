package dev.blendbench.engine.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes minimal RGB Photoshop files (8 or 16 bits a channel, colour channels uncompressed) with the
 * layer features real files carry (pixel masks in every compression, adjustment layers, effects),
 * following Adobe's file format specification. Only for tests: no program we can install writes
 * such layers in batch.
 */
final class PsdWriterForTests {
    private PsdWriterForTests() {}

    /**
     * A pixel mask: its rectangle on the canvas, its value outside it, flags (bit 1 disabled, bit 2
     * inverted; bit 4, the parameters, is set here when density or feather are given), and its
     * values (0..255, row by row, scaled to the file's depth) stored with {@code compression}: 0 raw,
     * 1 PackBits, 2 ZIP, 3 ZIP with prediction.
     */
    record M(int left, int top, int w, int h, int defaultValue, int flags, int density, double feather,
             int compression, int[] values) {
        static M of(int left, int top, int w, int h, int defaultValue, int compression, int[] values) {
            return new M(left, top, w, h, defaultValue, 0, 255, 0, compression, values);
        }
    }

    /**
     * One layer: an opaque colour over its rectangle, plus the extras. {@code mask}: an all-white
     * mask over the layer's rectangle where {@code pixelMask} is null. {@code section}: 0 for a
     * pixel layer, 1 for a group's own record (above its layers), 3 for the divider below them;
     * {@code sectionKey} the group's blend mode in its section block.
     */
    record L(String name, int left, int top, int w, int h, int rgb, String blendKey, boolean mask, String extraKey,
             M pixelMask, int opacity, boolean hidden, int section, String sectionKey, boolean clipped,
             List<byte[]> blocks, int[] ranges) {
        L(String name, int left, int top, int w, int h, int rgb, String blendKey, boolean mask, String extraKey) {
            this(name, left, top, w, h, rgb, blendKey, mask, extraKey, null);
        }

        L(String name, int left, int top, int w, int h, int rgb, String blendKey, boolean mask, String extraKey, M pixelMask) {
            this(name, left, top, w, h, rgb, blendKey, mask, extraKey, pixelMask, 255, false, 0, null, false, List.of(), null);
        }

        /** The divider below a group's layers. */
        static L groupEnd() {
            return new L("</Layer group>", 0, 0, 0, 0, 0, "norm", false, null, null, 255, false, 3, "norm", false, List.of(), null);
        }

        /** A group's own record, above its layers. */
        static L group(String name, String key, int opacity, boolean hidden, M mask) {
            return new L(name, 0, 0, 0, 0, 0, key, false, null, mask, opacity, hidden, 1, key, false, List.of(), null);
        }

        L withOpacity(int o) {
            return new L(name, left, top, w, h, rgb, blendKey, mask, extraKey, pixelMask, o, hidden, section, sectionKey, clipped, blocks, ranges);
        }

        /** This layer clipped to the layer below. */
        L clip() {
            return new L(name, left, top, w, h, rgb, blendKey, mask, extraKey, pixelMask, opacity, hidden, section, sectionKey, true, blocks, ranges);
        }

        /** This layer with blending ranges ("Blend If"): 32-bit values, two (source, destination) per channel. */
        L withRanges(int... r) {
            return new L(name, left, top, w, h, rgb, blendKey, mask, extraKey, pixelMask, opacity, hidden, section, sectionKey,
                    clipped, blocks, r);
        }

        /** This layer with a tagged block ({@code key}, then {@code data}) added to its extra data. */
        L with(String key, byte[] data) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(key.getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
            b.writeBytes(data);
            List<byte[]> more = new java.util.ArrayList<>(blocks);
            more.add(b.toByteArray());
            return new L(name, left, top, w, h, rgb, blendKey, mask, extraKey, pixelMask, opacity, hidden, section, sectionKey,
                    clipped, more, ranges);
        }

        M maskOrNull() {
            if (pixelMask != null) return pixelMask;
            if (!mask) return null;
            int[] white = new int[w * h];
            java.util.Arrays.fill(white, 255);
            return M.of(left, top, w, h, 255, 0, white);
        }
    }

    static byte[] write(int width, int height, List<L> layers) throws IOException {
        return write(width, height, 8, layers);
    }

    static byte[] write(int width, int height, int depth, List<L> layers) throws IOException {
        return write(width, height, depth, false, layers);
    }

    /**
     * @param depth  8, 16 or 32 (float samples) bits a channel
     * @param psb    a large-document file: version 2, wider lengths and PackBits row counts
     */
    static byte[] write(int width, int height, int depth, boolean psb, List<L> layers) throws IOException {
        int bytes = depth / 8;
        ByteArrayOutputStream layerInfo = new ByteArrayOutputStream();
        DataOutputStream li = new DataOutputStream(layerInfo);
        li.writeShort(layers.size());
        List<byte[]> maskData = new java.util.ArrayList<>();
        for (L l : layers) {
            M m = l.maskOrNull();
            maskData.add(m == null ? null : maskChannel(m, bytes, psb));
            li.writeInt(l.top());
            li.writeInt(l.left());
            li.writeInt(l.top() + l.h());
            li.writeInt(l.left() + l.w());
            int[] ids = m != null ? new int[] {-1, 0, 1, 2, -2} : new int[] {-1, 0, 1, 2};
            li.writeShort(ids.length);
            for (int id : ids) {
                li.writeShort(id);
                long length = id == -2 ? maskData.getLast().length : 2 + (long) l.w() * l.h() * bytes;
                if (psb) li.writeLong(length);
                else li.writeInt((int) length);
            }
            li.writeBytes("8BIM");
            li.writeBytes(l.blendKey());
            li.writeByte(l.opacity());
            li.writeByte(l.clipped() ? 1 : 0); // clipping: 1, clipped to the layer below
            li.writeByte(8 | (l.hidden() ? 2 : 0)); // bit 1: hidden
            li.writeByte(0);
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            DataOutputStream ex = new DataOutputStream(extra);
            if (m != null) {
                boolean params = m.density() != 255 || m.feather() != 0;
                ByteArrayOutputStream block = new ByteArrayOutputStream();
                DataOutputStream b = new DataOutputStream(block);
                b.writeInt(m.top());
                b.writeInt(m.left());
                b.writeInt(m.top() + m.h());
                b.writeInt(m.left() + m.w());
                b.writeByte(m.defaultValue());
                b.writeByte(m.flags() | (params ? 16 : 0));
                if (params) {
                    b.writeByte((m.density() != 255 ? 1 : 0) | (m.feather() != 0 ? 2 : 0));
                    if (m.density() != 255) b.writeByte(m.density());
                    if (m.feather() != 0) b.writeDouble(m.feather());
                }
                while (block.size() < 20) b.writeByte(0);
                ex.writeInt(block.size());
                ex.write(block.toByteArray());
            } else {
                ex.writeInt(0);
            }
            if (l.ranges() == null) {
                ex.writeInt(0); // no blending ranges
            } else {
                ex.writeInt(4 * l.ranges().length);
                for (int r : l.ranges()) ex.writeInt(r);
            }
            byte[] name = l.name().getBytes(StandardCharsets.ISO_8859_1);
            ex.writeByte(name.length);
            ex.write(name);
            for (int p = (name.length + 1) % 4; p != 0 && p < 4; p++) ex.writeByte(0);
            if (l.extraKey() != null) {
                ex.writeBytes("8BIM");
                ex.writeBytes(l.extraKey());
                ex.writeInt(4);
                ex.writeInt(0);
            }
            for (byte[] block : l.blocks()) ex.write(block);
            if (l.section() != 0) {
                ex.writeBytes("8BIM");
                ex.writeBytes("lsct");
                ex.writeInt(12);
                ex.writeInt(l.section());
                ex.writeBytes("8BIM");
                ex.writeBytes(l.sectionKey());
            }
            li.writeInt(extra.size());
            li.write(extra.toByteArray());
        }
        for (int k = 0; k < layers.size(); k++) { // channel image data, raw but for masks
            L l = layers.get(k);
            for (int id = -1; id <= 2; id++) {
                li.writeShort(0);
                int v = switch (id) {
                    case 0 -> (l.rgb() >> 16) & 0xFF;
                    case 1 -> (l.rgb() >> 8) & 0xFF;
                    case 2 -> l.rgb() & 0xFF;
                    default -> 255;
                };
                for (int i = 0; i < l.w() * l.h(); i++) sample(li, v, bytes);
            }
            if (maskData.get(k) != null) li.write(maskData.get(k));
        }
        if (layerInfo.size() % 2 != 0) li.writeByte(0);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("8BPS");
        out.writeShort(psb ? 2 : 1);
        out.write(new byte[6]);
        out.writeShort(3);
        out.writeInt(height);
        out.writeInt(width);
        out.writeShort(depth);
        out.writeShort(3); // RGB
        out.writeInt(0); // colour mode data
        out.writeInt(0); // image resources
        if (psb) {
            out.writeLong(8 + layerInfo.size() + 4);
            out.writeLong(layerInfo.size());
        } else {
            out.writeInt(4 + layerInfo.size() + 4);
            out.writeInt(layerInfo.size());
        }
        out.write(layerInfo.toByteArray());
        out.writeInt(0); // global layer mask info
        out.writeShort(0); // merged image, raw
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < width * height; i++) sample(out, 128, bytes);
        }
        return file.toByteArray();
    }

    private static void sample(DataOutputStream out, int v, int bytes) throws IOException {
        switch (bytes) {
            case 4 -> out.writeFloat(v / 255f);
            case 2 -> out.writeShort(v * 257);
            default -> out.writeByte(v);
        }
    }

    /** The mask's channel of a PSD: compression code, then its samples. */
    static byte[] maskChannel(M m, int bytes) throws IOException {
        return maskChannel(m, bytes, false);
    }

    static byte[] maskChannel(M m, int bytes, boolean psb) throws IOException {
        int rowBytes = m.w() * bytes;
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        DataOutputStream so = new DataOutputStream(samples);
        for (int i = 0; i < m.w() * m.h(); i++) sample(so, m.values()[i], bytes);
        byte[] raw = samples.toByteArray();
        ByteArrayOutputStream ch = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(ch);
        out.writeShort(m.compression());
        switch (m.compression()) {
            case 0 -> out.write(raw);
            case 1 -> {
                byte[][] rows = new byte[m.h()][];
                for (int r = 0; r < m.h(); r++) {
                    rows[r] = packBits(java.util.Arrays.copyOfRange(raw, r * rowBytes, (r + 1) * rowBytes));
                    if (psb) out.writeInt(rows[r].length);
                    else out.writeShort(rows[r].length);
                }
                for (byte[] row : rows) out.write(row);
            }
            case 2, 3 -> {
                if (m.compression() == 3) predict(raw, m.w(), m.h(), bytes);
                Deflater d = new Deflater();
                d.setInput(raw);
                d.finish();
                byte[] buf = new byte[raw.length * 2 + 64];
                int n = d.deflate(buf);
                d.end();
                out.write(buf, 0, n);
            }
            default -> throw new IllegalArgumentException("compression " + m.compression());
        }
        return ch.toByteArray();
    }

    /** PackBits, as the exporter writes it. */
    static byte[] packBits(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PsdExport.packBits(in, out);
        return out.toByteArray();
    }

    private static void predict(byte[] raw, int w, int h, int bytes) {
        int rowBytes = w * bytes;
        for (int r = 0; r < h; r++) {
            int o = r * rowBytes;
            if (bytes == 4) { // four planes of bytes, high bytes first, then byte differences
                byte[] planes = new byte[rowBytes];
                for (int x = 0; x < w; x++) {
                    for (int b = 0; b < 4; b++) planes[b * w + x] = raw[o + 4 * x + b];
                }
                System.arraycopy(planes, 0, raw, o, rowBytes);
            }
            if (bytes != 2) {
                for (int i = rowBytes - 1; i > 0; i--) raw[o + i] -= raw[o + i - 1];
            } else {
                for (int x = w - 1; x > 0; x--) {
                    int i = o + 2 * x, j = i - 2;
                    int d = (((raw[i] & 0xFF) << 8 | raw[i + 1] & 0xFF) - ((raw[j] & 0xFF) << 8 | raw[j + 1] & 0xFF)) & 0xFFFF;
                    raw[i] = (byte) (d >> 8);
                    raw[i + 1] = (byte) d;
                }
            }
        }
    }

    /**
     * A vector mask block ({@code vmsk}): version 3, {@code flags} (1 inverted, 4 disabled), the
     * initial fill rule, then each polygon (x, y pairs in pixels of a {@code w} × {@code h}
     * document) as a closed subpath with straight edges and its path operation (-1 merged into
     * the one before, 0 exclude, 1 combine, 2 subtract, 3 intersect).
     */
    static byte[] vectorMask(int flags, boolean initialFill, int w, int h, int[] operations, double[]... polygons) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 26 * 2 + polygons.length * 26
                + java.util.Arrays.stream(polygons).mapToInt(p -> p.length / 2 * 26).sum());
        b.putInt(3).putInt(flags);
        b.putShort((short) 6).put(new byte[24]); // path fill rule record
        b.putShort((short) 8).putShort((short) (initialFill ? 1 : 0)).put(new byte[22]);
        for (int k = 0; k < polygons.length; k++) {
            double[] p = polygons[k];
            b.putShort((short) 0).putShort((short) (p.length / 2)).putShort((short) operations[k]).put(new byte[20]);
            for (int i = 0; i < p.length; i += 2) {
                b.putShort((short) 2);
                int y = (int) Math.round(p[i + 1] / h * (1 << 24)), x = (int) Math.round(p[i] / w * (1 << 24));
                for (int j = 0; j < 3; j++) b.putInt(y).putInt(x);
            }
        }
        return b.array();
    }

    /** A solid colour fill block ({@code SoCo}): version 16, a descriptor with 'Clr ' of {@code classId} and its numbers. */
    static byte[] solidColour(String classId, String[] keys, double[] values) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(o);
        try {
            d.writeInt(16);
            d.writeInt(1); // name: one NUL
            d.writeChar(0);
            d.writeInt(0);
            d.writeBytes("null");
            d.writeInt(1);
            d.writeInt(0);
            d.writeBytes("Clr ");
            d.writeBytes("Objc");
            d.writeInt(1);
            d.writeChar(0);
            d.writeInt(0);
            d.writeBytes(classId);
            d.writeInt(keys.length);
            for (int i = 0; i < keys.length; i++) {
                d.writeInt(0);
                d.writeBytes(keys[i]);
                d.writeBytes("doub");
                d.writeDouble(values[i]);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return o.toByteArray();
    }
}

package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.io.AtomicFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a scene as a layered Photoshop document, for the programs that do not read OpenRaster:
 * 8-bit RGB with transparency, every layer with its name (also in Unicode), position, blend mode,
 * opacity and visibility, its pixels PackBits-compressed, and the composite as the file's merged
 * image (so viewers that show only that show our composite). A canvas over 30,000 pixels a side,
 * or a file named {@code .psb}, is written as a large-document file, as Photoshop requires. Transformed layers
 * are stored as their resampled pixels, as {@link OpenRaster} stores them; a background colour
 * becomes a bottom layer of that colour.
 *
 * <p>What Photoshop cannot hold is refused before anything is written — a Porter-Duff operator
 * other than source-over has no Photoshop blend mode — and what it would show otherwise is
 * returned as notes: a scene that blends in linear light (Photoshop blends 8-bit documents in
 * their gamma). The file is written atomically.
 */
public final class PsdExport {
    private PsdExport() {}

    /** Photoshop's largest side for a {@code .psd}; larger canvases need the {@code .psb} layout. */
    static final int PSD_MAX_SIDE = 30_000;

    private static final Map<BlendMode, String> KEYS = new EnumMap<>(BlendMode.class);

    static {
        for (String key : List.of("norm", "dark", "mul ", "idiv", "lbrn", "dkCl", "lite", "scrn", "div ", "lddg", "lgCl",
                "over", "sLit", "hLit", "vLit", "lLit", "pLit", "hMix", "diff", "smud", "fsub", "fdiv", "hue ", "sat ",
                "colr", "lum ")) {
            KEYS.put(PsdImport.modeOf(key), key);
        }
        KEYS.put(BlendMode.SOURCE_OVER, "norm");
    }

    /**
     * Saves {@code scene} to {@code file} atomically.
     *
     * @return what Photoshop will show differently, one line each (empty when nothing)
     * @throws DocumentException (nothing written) where a layer's mode has no Photoshop equivalent,
     *                           or the folder does not exist
     */
    public static List<String> write(Scene scene, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DocumentException(file + ": folder " + dir + " does not exist");
        }
        for (Layer l : scene.layers()) {
            if (!KEYS.containsKey(l.mode())) {
                throw new DocumentException(file + ": layer '" + OpenRaster.shorten(l.name()) + "' uses " + l.mode().cssName()
                        + ", which Photoshop has no blend mode for; save as .ora to keep it");
            }
        }
        List<String> notes = new ArrayList<>();
        if (scene.blendSpace() == BlendSpace.LINEAR) {
            notes.add("the scene blends in linear light; Photoshop blends an 8-bit document's layers in its gamma,"
                    + " so its composite of the layers will differ (the file's merged image is Blendbench's)");
        }
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean psb = n.endsWith(".psb") || scene.width() > PSD_MAX_SIDE || scene.height() > PSD_MAX_SIDE;
        AtomicFiles.write(file, out -> write(scene, out, psb));
        return notes;
    }

    /**
     * Writes the document to a stream (not closed).
     *
     * @param psb  the large-document layout (forced for a canvas over {@link #PSD_MAX_SIDE} a side)
     */
    public static void write(Scene scene, OutputStream os, boolean psb) throws IOException {
        Surface merged = Surface.allocate(scene.width(), scene.height());
        TileRenderer.singleThreaded().render(scene, merged);
        Scene baked = OpenRaster.baked(scene);
        List<Layer> layers = new ArrayList<>(baked.layers());
        if (scene.background() != 0) {
            Surface bg = Surface.allocate(scene.width(), scene.height());
            bg.fill(scene.background());
            layers.addFirst(new Layer("Background colour", bg, 0, 0, BlendMode.NORMAL, 1f, true));
        }
        psb |= scene.width() > PSD_MAX_SIDE || scene.height() > PSD_MAX_SIDE;
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os, 1 << 16));
        out.writeBytes("8BPS");
        out.writeShort(psb ? 2 : 1);
        out.write(new byte[6]);
        out.writeShort(4); // R, G, B and the merged image's transparency
        out.writeInt(scene.height());
        out.writeInt(scene.width());
        out.writeShort(8);
        out.writeShort(3); // RGB
        out.writeInt(0); // colour mode data
        out.writeInt(0); // image resources

        byte[] layerInfo = layerInfo(layers, psb);
        long section = (psb ? 8 : 4) + layerInfo.length + 4; // layer info, global layer mask info
        if (psb) {
            out.writeLong(section);
            out.writeLong(layerInfo.length);
        } else {
            out.writeInt((int) section);
            out.writeInt(layerInfo.length);
        }
        out.write(layerInfo);
        out.writeInt(0); // global layer mask info

        // the merged image: every channel's row counts, then every channel's rows
        Channels m = channels(merged, psb);
        out.writeShort(1);
        for (int c = 0; c < 4; c++) out.write(m.counts()[c]);
        for (int c = 0; c < 4; c++) out.write(m.rows()[c]);
        out.flush();
    }

    private static byte[] layerInfo(List<Layer> layers, boolean psb) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(records);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        r.writeShort(-layers.size()); // negative: the merged image's first alpha channel is its transparency
        for (Layer l : layers) {
            Surface px = l.source();
            int w = px.width(), h = px.height();
            r.writeInt(l.y());
            r.writeInt(l.x());
            r.writeInt(l.y() + h);
            r.writeInt(l.x() + w);
            r.writeShort(4);
            Channels ch = channels(px, psb);
            for (int c : new int[] {3, 0, 1, 2}) { // transparency (-1) first, as Photoshop writes
                r.writeShort(c == 3 ? -1 : c);
                long length = 2 + ch.counts()[c].length + ch.rows()[c].length;
                if (psb) r.writeLong(length);
                else r.writeInt((int) length);
                data.write(new byte[] {0, 1}); // PackBits
                data.write(ch.counts()[c]);
                data.write(ch.rows()[c]);
            }
            r.writeBytes("8BIM");
            r.writeBytes(KEYS.get(l.mode()));
            r.writeByte(Math.round(l.opacity() * 255));
            r.writeByte(0); // clipping: base
            r.writeByte(8 | (l.visible() ? 0 : 2)); // bit 1: hidden; bit 3: bit 4 is meaningful
            r.writeByte(0);
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            DataOutputStream x = new DataOutputStream(extra);
            x.writeInt(0); // no mask
            x.writeInt(0); // no blending ranges
            byte[] name = pascalName(l.name());
            x.writeByte(name.length);
            x.write(name);
            for (int p = (name.length + 1) % 4; p != 0 && p < 4; p++) x.writeByte(0);
            x.writeBytes("8BIMluni");
            int chars = l.name().length();
            int len = 4 + 2 * chars;
            x.writeInt(len + (len % 4 == 0 ? 0 : 4 - len % 4));
            x.writeInt(chars);
            x.writeChars(l.name());
            for (int p = len; p % 4 != 0; p++) x.writeByte(0);
            r.writeInt(extra.size());
            r.write(extra.toByteArray());
        }
        records.write(data.toByteArray());
        int pad = psb ? 4 : 2;
        while (records.size() % pad != 0) records.write(0);
        return records.toByteArray();
    }

    /** A name as the Pascal string of a layer record: ISO-8859-1 (others as '?'), at most 255 bytes. */
    private static byte[] pascalName(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        return b.length <= 255 ? b : java.util.Arrays.copyOf(b, 255);
    }

    /** Each channel (R, G, B, A, straight) PackBits-compressed: its row byte counts and its rows. */
    private record Channels(byte[][] counts, byte[][] rows) {}

    private static Channels channels(Surface s, boolean psb) throws IOException {
        int w = s.width(), h = s.height();
        byte[][] counts = new byte[4][], rows = new byte[4][];
        ByteArrayOutputStream[] c = new ByteArrayOutputStream[4], d = new ByteArrayOutputStream[4];
        for (int k = 0; k < 4; k++) {
            c[k] = new ByteArrayOutputStream(h * (psb ? 4 : 2));
            d[k] = new ByteArrayOutputStream();
        }
        byte[][] row = new byte[4][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = Argb.unpremultiply(s.getPixel(x, y));
                row[0][x] = (byte) (p >>> 16);
                row[1][x] = (byte) (p >>> 8);
                row[2][x] = (byte) p;
                row[3][x] = (byte) (p >>> 24);
            }
            for (int k = 0; k < 4; k++) {
                int before = d[k].size();
                packBits(row[k], d[k]);
                int n = d[k].size() - before;
                if (psb) c[k].write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                else c[k].write(new byte[] {(byte) (n >>> 8), (byte) n});
            }
        }
        for (int k = 0; k < 4; k++) {
            counts[k] = c[k].toByteArray();
            rows[k] = d[k].toByteArray();
        }
        return new Channels(counts, rows);
    }

    /** PackBits: runs of 3 or more equal bytes as one repeat, the rest as literals, 128 at most each. */
    static void packBits(byte[] in, ByteArrayOutputStream out) {
        int i = 0;
        while (i < in.length) {
            int run = 1;
            while (i + run < in.length && run < 128 && in[i + run] == in[i]) run++;
            if (run >= 3) {
                out.write(1 - run);
                out.write(in[i]);
                i += run;
                continue;
            }
            int start = i;
            while (i < in.length && i - start < 128
                    && !(i + 2 < in.length && in[i] == in[i + 1] && in[i] == in[i + 2])) {
                i++;
            }
            out.write(i - start - 1);
            out.write(in, start, i - start);
        }
    }
}

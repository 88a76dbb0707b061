package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.io.AtomicFiles;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Rect;
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
 * image (so viewers that show only that show our composite), its colours matted with white as
 * Photoshop's are. A canvas over 30,000 pixels a side, or a file named {@code .psb}, is written as
 * a large-document file, as Photoshop requires. Transformed layers are stored as their resampled
 * pixels (a Photoshop pixel layer holds no transform; an {@link OpenRaster} file keeps it beside
 * the same pixels); a background colour
 * becomes a bottom layer of that colour. A group layer is written as a Photoshop group (its blend
 * mode, opacity and visibility on the group; a last {@code destination-in} layer over the whole
 * group, as the import makes of a group's masks, as the group's layer mask), which Photoshop
 * composites as we do: on its own, then blended as one layer. A group Photoshop could not hold as
 * such (a Porter-Duff operator inside it, a background, layers beyond its canvas) is written as
 * its composited pixels, one layer, and named in a note. A pass-through group is written as a
 * pass-through Photoshop group of its layers, with its opacity and pixel mask, which Photoshop
 * composites as we do: each layer in its place, what they do faded by the group's opacity and mask.
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

    /** Our modes and Photoshop's keys: the import's map turned round; source-over is Photoshop's normal too. */
    private static final Map<BlendMode, String> KEYS = new EnumMap<>(BlendMode.class);

    static {
        PsdImport.MODES.forEach((key, mode) -> KEYS.put(mode, key));
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
        for (Layer l : blending(scene)) { // a pass-through group's layers blend as the document's do
            if (!KEYS.containsKey(l.mode())) {
                throw new DocumentException(file + ": layer '" + OpenRaster.shorten(l.name()) + "' uses " + l.mode().cssName()
                        + ", which Photoshop has no blend mode for; save as .ora to keep it");
            }
        }
        List<String> notes = new ArrayList<>();
        entries(scene, notes);
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
     * Writes the document to a stream (not closed). Streamed: the pixel data is compressed twice
     * (once to learn the lengths the layer records give first, once to write it), so memory stays
     * at a row a channel and the row lengths, whatever the document's size.
     *
     * @param psb  the large-document layout (forced for a canvas over {@link #PSD_MAX_SIDE} a side)
     */
    public static void write(Scene scene, OutputStream os, boolean psb) throws IOException {
        Surface merged = Surface.allocate(scene.width(), scene.height());
        TileRenderer.singleThreaded().render(scene, merged);
        List<Rec> layers = entries(scene, new ArrayList<>());
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

        // every channel's packed row lengths first: the layer records give each channel's length
        int[][][] rowLengths = new int[layers.size()][][];
        for (int i = 0; i < layers.size(); i++) rowLengths[i] = rowLengths(layers.get(i));
        byte[] records = records(layers, rowLengths, psb);
        long data = 0;
        for (int[][] layer : rowLengths) {
            for (int[] channel : layer) data += channelLength(channel, psb);
        }
        int pad = psb ? 4 : 2;
        long layerInfo = records.length + data, padding = (pad - layerInfo % pad) % pad;
        layerInfo += padding;
        long section = (psb ? 8 : 4) + layerInfo + 4; // layer info, global layer mask info
        if (!psb && section > 0xFFFF_FFFFL) {
            throw new DocumentException("the layers take more than 4 GB packed; save as .psb");
        }
        if (psb) {
            out.writeLong(section);
            out.writeLong(layerInfo);
        } else {
            out.writeInt((int) section);
            out.writeInt((int) layerInfo);
        }
        out.write(records);
        RowPacker packer = new RowPacker(Math.max(scene.width(), maxWidth(layers)));
        for (int i = 0; i < layers.size(); i++) {
            Rec rec = layers.get(i);
            for (int k = 0; k < rec.channels(); k++) {
                Surface px = rec.channelSurface(k);
                out.writeShort(1); // PackBits
                writeCounts(out, rowLengths[i][k], psb);
                for (int y = 0; px != null && y < px.height(); y++) packer.write(px, y, rec.channelOf(k), out);
            }
        }
        out.write(new byte[(int) padding]);
        out.writeInt(0); // global layer mask info

        // the merged image: every channel's row counts, then every channel's rows
        // (its colours matted with white, as Photoshop writes them: readers take the white out)
        int[][] mergedLengths = new int[4][merged.height()];
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < merged.height(); y++) mergedLengths[c][y] = packer.packMatted(merged, y, c);
        }
        out.writeShort(1);
        for (int c = 0; c < 4; c++) writeCounts(out, mergedLengths[c], psb);
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < merged.height(); y++) packer.writeMatted(merged, y, c, out);
        }
        out.flush();
    }

    /** The channels of a layer in the file's order: transparency (-1) first, as Photoshop writes, then R, G, B. */
    private static final int[] LAYER_ORDER = {3, 0, 1, 2};

    /** What a group's divider record (the bottom of its records) is named, as Photoshop names it. */
    static final String GROUP_END_NAME = "</Layer group>";

    /**
     * One layer record of the file: pixels at {@code (x, y)} on the canvas, or a group's bounds —
     * its end ({@code section} 3, below its layers) or its folder ({@code section} 1, above them,
     * with the group's mode, opacity, visibility and its mask, null for none, at {@code (maskX, maskY)};
     * mode null for a pass-through group).
     */
    private record Rec(String name, Surface pixels, int x, int y, BlendMode mode, float opacity, boolean visible,
                       int section, Surface mask, int maskX, int maskY, boolean clipped, int maskDefault, boolean maskDisabled) {

        Rec(String name, Surface pixels, int x, int y, BlendMode mode, float opacity, boolean visible, int section, Surface mask,
            int maskX, int maskY, boolean clipped) {
            this(name, pixels, x, y, mode, opacity, visible, section, mask, maskX, maskY, clipped, 0, false);
        }

        Rec(String name, Surface pixels, int x, int y, BlendMode mode, float opacity, boolean visible, int section, Surface mask,
            int maskX, int maskY) {
            this(name, pixels, x, y, mode, opacity, visible, section, mask, maskX, maskY, false);
        }

        /** A pixel layer, with its pixel mask (as the layer mask, disabled where it is) where it has one. */
        static Rec of(Layer l, int dx, int dy) {
            return of(l, dx, dy, false);
        }

        static Rec of(Layer l, int dx, int dy, boolean clipped) {
            LayerMask m = l.mask();
            if (m == null) {
                return new Rec(l.name(), l.source(), dx + l.x(), dy + l.y(), l.mode(), l.opacity(), l.visible(), 0, null, 0, 0, clipped);
            }
            return new Rec(l.name(), l.source(), dx + l.x(), dy + l.y(), l.mode(), l.opacity(), l.visible(), 0, maskSurface(m),
                    dx + l.x() + m.x(), dy + l.y() + m.y(), clipped, m.outside(), !m.enabled());
        }

        /**
         * The folder record of group layer {@code l} (placed at {@code (gx, gy)} on the canvas) in
         * {@code mode} (null: pass-through, key {@code pass}), with its opacity and visibility, and
         * its pixel mask, if any, as the group's layer mask.
         */
        static Rec folder(Layer l, BlendMode mode, int gx, int gy) {
            LayerMask m = l.mask();
            if (m == null) return new Rec(l.name(), null, 0, 0, mode, l.opacity(), l.visible(), PsdLayerRecords.GROUP_OPEN, null, 0, 0);
            return new Rec(l.name(), null, 0, 0, mode, l.opacity(), l.visible(), PsdLayerRecords.GROUP_OPEN, maskSurface(m),
                    gx + m.x(), gy + m.y(), false, m.outside(), !m.enabled());
        }

        /** The mask's values as a surface's alpha (the channel written); an empty one as a pixel of its outside value. */
        private static Surface maskSurface(LayerMask m) {
            Surface ms = Surface.allocate(Math.max(1, m.width()), Math.max(1, m.height()));
            int[] a = ms.array();
            for (int i = 0; i < a.length; i++) a[i] = (m.values().length == 0 ? m.outside() : m.values()[i] & 0xFF) << 24;
            return ms;
        }

        /** The blend mode's key in the file: Photoshop's for the mode, or {@code pass} (pass-through). */
        String key() { return mode == null ? "pass" : KEYS.get(mode); }

        /** Transparency, R, G, B, and the mask's channel where there is one. */
        int channels() { return mask == null ? 4 : 5; }

        /** The surface channel {@code k} is read from (null: the channel is empty). */
        Surface channelSurface(int k) { return k == 4 ? mask : pixels; }

        /** Which of the surface's channels (0 R, 1 G, 2 B, 3 A) channel {@code k} is: the mask is its surface's alpha. */
        int channelOf(int k) { return k == 4 ? 3 : LAYER_ORDER[k]; }

        /** Channel {@code k}'s id in the file: −1 transparency, 0..2 R, G, B, −2 the layer mask. */
        int channelId(int k) { return k == 4 ? -2 : k == 0 ? -1 : k - 1; }
    }

    /**
     * A scene with no layer transforms (Photoshop's layers hold none): a resampled layer as its
     * resampled pixels through its mask, if it has one that is on (clipped to the canvas), which
     * renders identically. An untransformed layer keeps its mask.
     */
    static Scene baked(Scene scene) {
        if (scene.layers().stream().noneMatch(l -> l.isTransformed() || l.isGroup())) return scene;
        List<Layer> out = new java.util.ArrayList<>(scene.layers().size());
        boolean changed = false;
        for (Layer l : scene.layers()) {
            if (l.isGroup()) {
                Scene inside = baked(l.group());
                changed |= inside != l.group();
                out.add(inside == l.group() ? l : Groups.withLayers(l, inside.layers()));
                continue;
            }
            if (!l.isTransformed()) {
                out.add(l);
                continue;
            }
            changed = true;
            out.add(l.baked(scene.bounds()));
        }
        return changed ? scene.withLayers(out) : scene;
    }

    /**
     * The scene as the file's layer records, bottom first: a background colour as a bottom layer,
     * transformed layers as their resampled pixels, groups as Photoshop groups where Photoshop can
     * hold them (else as their pixels, named in {@code notes}).
     */
    private static List<Rec> entries(Scene scene, List<String> notes) {
        Scene baked = baked(scene);
        List<Rec> out = new ArrayList<>();
        if (scene.background() != 0) {
            Surface bg = Surface.allocate(scene.width(), scene.height());
            bg.fill(scene.background());
            out.add(new Rec("Background colour", bg, 0, 0, BlendMode.NORMAL, 1f, true, 0, null, 0, 0));
        }
        add(baked.layers(), 0, 0, scene, out, notes);
        return out;
    }

    private static void add(List<Layer> layers, int dx, int dy, Scene doc, List<Rec> out, List<String> notes) {
        for (Layer l : layers) {
            if (!l.isGroup()) {
                out.add(Rec.of(l, dx, dy));
                continue;
            }
            if (l.group().clipping()) {
                addClipping(l, dx, dy, doc, out, notes);
                continue;
            }
            int gx = dx + l.x(), gy = dy + l.y();
            if (l.isPassThrough()) { // its layers' modes were checked with the layers it is among
                out.add(new Rec(GROUP_END_NAME, null, 0, 0, BlendMode.NORMAL, 1f, true, PsdLayerRecords.GROUP_END, null, 0, 0));
                add(l.group().layers(), gx, gy, doc, out, notes);
                out.add(Rec.folder(l, null, gx, gy));
                continue;
            }
            String why = unkept(l, dx, dy, doc);
            if (why != null) {
                asPixels("group", l, dx, dy, why, out, notes);
                continue;
            }
            List<Layer> inside = l.group().layers();
            Layer mask = l.mask() == null ? maskOf(l) : null; // its pixel mask; or a last destination-in layer, as the import made one
            if (mask != null) inside = inside.subList(0, inside.size() - 1);
            out.add(new Rec(GROUP_END_NAME, null, 0, 0, BlendMode.NORMAL, 1f, true, PsdLayerRecords.GROUP_END, null, 0, 0));
            add(inside, gx, gy, doc, out, notes);
            out.add(l.mask() != null ? Rec.folder(l, l.mode(), gx, gy) : new Rec(l.name(), null, 0, 0, l.mode(), l.opacity(), l.visible(),
                    PsdLayerRecords.GROUP_OPEN, mask == null ? null : mask.source(), gx, gy));
        }
    }

    /**
     * The layers of {@code s} that blend with its backdrop as layers of their own: its layers with
     * its pass-through groups inlined, and those of a faded one (which stays a group) too, placed
     * on {@code s}'s canvas.
     */
    private static List<Layer> blending(Scene s) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : s.inlined().layers()) {
            if (l.isPassThrough()) {
                for (Layer c : blending(l.group())) out.add(c.withPosition(c.x() + l.x(), c.y() + l.y()));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** Group layer {@code l} written as its composited pixels, one layer, and {@code why} in a note. */
    private static void asPixels(String what, Layer l, int dx, int dy, String why, List<Rec> out, List<String> notes) {
        notes.add(what + " '" + OpenRaster.shorten(l.name()) + "' is saved as its composited pixels, one layer: " + why);
        out.add(Rec.of(l, dx, dy));
    }

    /**
     * A clipping group as Photoshop keeps one: its base, with the group's mode, opacity and
     * visibility, then each clipped layer flagged as clipped to it; where Photoshop could not hold
     * it so, its composited pixels, one layer, named in a note.
     */
    private static void addClipping(Layer l, int dx, int dy, Scene doc, List<Rec> out, List<String> notes) {
        String why = unclippable(l, dx, dy, doc);
        if (why != null) {
            asPixels("clipping group", l, dx, dy, why, out, notes);
            return;
        }
        int gx = dx + l.x(), gy = dy + l.y();
        List<Layer> in = l.group().layers();
        Layer base = in.getFirst();
        out.add(Rec.of(base.withMode(l.mode()).withOpacity(l.opacity()).withVisible(l.visible()), gx, gy));
        for (Layer c : in.subList(1, in.size())) out.add(Rec.of(c, gx, gy, true));
    }

    /** Why Photoshop could not hold the clipping group (placed at {@code (dx, dy)}) as a base and layers clipped to it; null if it can. */
    private static String unclippable(Layer group, int dx, int dy, Scene doc) {
        Scene g = group.group();
        String why = unlikeTheDocument(g, doc);
        if (why != null) return why;
        if (group.mask() != null) return "it has a mask of its own, which a Photoshop clipping group cannot";
        Layer base = g.layers().getFirst();
        if (base.isGroup() || !base.visible() || base.opacity() != 1f
                || (base.mode() != BlendMode.NORMAL && base.mode() != BlendMode.SOURCE_OVER)) {
            return "its base '" + OpenRaster.shorten(base.name()) + "' is not a visible layer in normal at 100 % (the group's mode and opacity are the base's in Photoshop)";
        }
        if (reachesBeyond(base, group, dx, dy, doc)) return "its base '" + OpenRaster.shorten(base.name()) + "' reaches beyond it";
        for (Layer l : g.layers()) {
            if (l != base && l.isGroup()) return "its layer '" + OpenRaster.shorten(l.name()) + "' is a group";
            if (!KEYS.containsKey(l.mode())) return noMode(l);
        }
        return null;
    }

    /** Why a group's scene cannot be a Photoshop group of the document's: a background, another blend space; null if neither. */
    private static String unlikeTheDocument(Scene g, Scene doc) {
        if (g.background() != 0) return "it has a background colour";
        if (g.blendSpace() != doc.blendSpace()) return "it blends in another space than the document";
        return null;
    }

    /** True if layer {@code l} of {@code group} (placed at {@code (dx, dy)}) shows on the document beyond the group's canvas, which Photoshop's groups lack. */
    private static boolean reachesBeyond(Layer l, Layer group, int dx, int dy, Scene doc) {
        Rect canvas = new Rect(dx + group.x(), dy + group.y(), group.group().width(), group.group().height());
        Rect shown = l.bounds().translate(canvas.x(), canvas.y()).intersect(doc.bounds());
        return !canvas.contains(shown) && !shown.isEmpty();
    }

    private static String noMode(Layer l) {
        return "its layer '" + OpenRaster.shorten(l.name()) + "' uses " + l.mode().cssName() + ", which Photoshop has no mode for";
    }

    /**
     * The group's mask layer, as the import makes one of a group's masks (its last layer, in
     * destination-in at full opacity, over the whole group), or null.
     */
    private static Layer maskOf(Layer group) {
        List<Layer> in = group.group().layers();
        if (in.isEmpty()) return null;
        Layer m = in.getLast();
        boolean whole = m.x() == 0 && m.y() == 0 && m.source().width() == group.group().width()
                && m.source().height() == group.group().height();
        return m.mode() == BlendMode.DESTINATION_IN && m.opacity() == 1f && m.visible() && !m.isGroup() && !m.isTransformed()
                && whole ? m : null;
    }

    /** Why Photoshop could not hold the group (placed at {@code (dx, dy)}) as a group of its layers; null if it can. */
    private static String unkept(Layer group, int dx, int dy, Scene doc) {
        Scene g = group.group();
        String why = unlikeTheDocument(g, doc);
        if (why != null) return why;
        Layer mask = maskOf(group);
        for (Layer l : blending(g)) { // a pass-through group's layers are cut to this group's canvas too
            if (l == mask) continue;
            if (!KEYS.containsKey(l.mode())) return noMode(l);
            if (reachesBeyond(l, group, dx, dy, doc)) return "its layer '" + OpenRaster.shorten(l.name()) + "' reaches beyond it";
        }
        return null;
    }

    /** The layer records (with their channels' lengths), as the layer info section starts. */
    private static byte[] records(List<Rec> layers, int[][][] rowLengths, boolean psb) throws IOException {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(records);
        r.writeShort(-layers.size()); // negative: the merged image's first alpha channel is its transparency
        for (int i = 0; i < layers.size(); i++) {
            Rec l = layers.get(i);
            Surface px = l.pixels();
            int w = px == null ? 0 : px.width(), h = px == null ? 0 : px.height();
            r.writeInt(l.y());
            r.writeInt(l.x());
            r.writeInt(l.y() + h);
            r.writeInt(l.x() + w);
            r.writeShort(l.channels());
            for (int k = 0; k < l.channels(); k++) {
                r.writeShort(l.channelId(k));
                long length = channelLength(rowLengths[i][k], psb);
                if (psb) r.writeLong(length);
                else r.writeInt((int) length);
            }
            r.writeBytes("8BIM");
            r.writeBytes(l.key());
            r.writeByte(Math.round(l.opacity() * 255));
            r.writeByte(l.clipped() ? 1 : 0); // clipping: 0 base, 1 clipped to the layer below
            r.writeByte(8 | (l.visible() ? 0 : 2)); // bit 1: hidden; bit 3: bit 4 is meaningful
            r.writeByte(0);
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            DataOutputStream x = new DataOutputStream(extra);
            if (l.mask() == null) {
                x.writeInt(0); // no mask
            } else {
                Surface m = l.mask();
                x.writeInt(20);
                x.writeInt(l.maskY());
                x.writeInt(l.maskX());
                x.writeInt(l.maskY() + m.height());
                x.writeInt(l.maskX() + m.width());
                x.writeByte(l.maskDefault()); // outside its rectangle: a group's hides (it has no pixels there)
                x.writeByte(l.maskDisabled() ? 2 : 0); // flags: bit 1 disabled; positioned relative to the layer
                x.writeShort(0);
            }
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
            if (l.section() != 0) {
                x.writeBytes("8BIMlsct");
                x.writeInt(12);
                x.writeInt(l.section());
                x.writeBytes("8BIM");
                x.writeBytes(l.key());
            }
            r.writeInt(extra.size());
            r.write(extra.toByteArray());
        }
        return records.toByteArray();
    }

    /** A channel's length in the file: its compression code, its row counts and its packed rows. */
    private static long channelLength(int[] rows, boolean psb) {
        long n = 2 + (long) rows.length * (psb ? 4 : 2);
        for (int r : rows) n += r;
        return n;
    }

    private static void writeCounts(DataOutputStream out, int[] rows, boolean psb) throws IOException {
        for (int r : rows) {
            if (psb) out.writeInt(r);
            else out.writeShort(r);
        }
    }

    /** Channel {@code c}'s (0 R, 1 G, 2 B, 3 A) packed row lengths. */
    private static int[] rowLengths(Surface s, int c) {
        int[] lengths = new int[s.height()];
        RowPacker packer = new RowPacker(s.width());
        for (int y = 0; y < s.height(); y++) lengths[y] = packer.pack(s, y, c);
        return lengths;
    }

    /** A record's channels' packed row lengths, in its channels' order (an empty channel: no rows). */
    private static int[][] rowLengths(Rec rec) {
        int[][] lengths = new int[rec.channels()][];
        for (int k = 0; k < rec.channels(); k++) {
            Surface s = rec.channelSurface(k);
            lengths[k] = s == null ? new int[0] : rowLengths(s, rec.channelOf(k));
        }
        return lengths;
    }

    private static int maxWidth(List<Rec> layers) {
        return layers.stream().mapToInt(l -> Math.max(l.pixels() == null ? 1 : l.pixels().width(),
                l.mask() == null ? 1 : l.mask().width())).max().orElse(1);
    }

    /** A name as the Pascal string of a layer record: ISO-8859-1 (others as '?'), at most 255 bytes. */
    private static byte[] pascalName(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        return b.length <= 255 ? b : java.util.Arrays.copyOf(b, 255);
    }

    /** Packs one row of one straight channel (0 R, 1 G, 2 B, 3 A) at a time, into buffers it reuses. */
    private static final class RowPacker {
        private final byte[] row;
        private final ByteArrayOutputStream packed;

        RowPacker(int width) {
            row = new byte[width];
            packed = new ByteArrayOutputStream(width + width / 128 + 2);
        }

        /** Row {@code y}'s channel {@code c} of {@code s}, packed; returns its length. */
        int pack(Surface s, int y, int c) {
            int shift = c == 3 ? 24 : 16 - 8 * c;
            for (int x = 0; x < s.width(); x++) row[x] = (byte) (Argb.unpremultiply(s.getPixel(x, y)) >>> shift);
            return packRow(s.width());
        }

        /**
         * Row {@code y}'s channel {@code c} of {@code s} as a merged image holds it, packed: a colour
         * channel matted with white ({@code C·α + 255·(1 − α)}, which for a premultiplied channel is
         * exactly {@code c + 255 − α}: white where the composite is transparent), the alpha as it is.
         * Photoshop writes its merged image so, and readers (Photoshop's own, ImageMagick,
         * TwelveMonkeys, ag-psd, psd-tools) divide the white out again.
         */
        int packMatted(Surface s, int y, int c) {
            int shift = c == 3 ? 24 : 16 - 8 * c;
            for (int x = 0; x < s.width(); x++) {
                int p = s.getPixel(x, y), a = p >>> 24;
                row[x] = (byte) (c == 3 ? a : ((p >>> shift) & 0xFF) + 255 - a);
            }
            return packRow(s.width());
        }

        /** The first {@code width} bytes of the row, PackBits-compressed into {@code packed}; returns their length. */
        private int packRow(int width) {
            packed.reset();
            packBits(row, width, packed);
            return packed.size();
        }

        void write(Surface s, int y, int c, OutputStream out) throws IOException {
            pack(s, y, c);
            packed.writeTo(out);
        }

        void writeMatted(Surface s, int y, int c, OutputStream out) throws IOException {
            packMatted(s, y, c);
            packed.writeTo(out);
        }
    }

    /** PackBits: runs of 3 or more equal bytes as one repeat, the rest as literals, 128 at most each. */
    static void packBits(byte[] in, ByteArrayOutputStream out) {
        packBits(in, in.length, out);
    }

    private static void packBits(byte[] in, int length, ByteArrayOutputStream out) {
        int i = 0;
        while (i < length) {
            int run = 1;
            while (i + run < length && run < 128 && in[i + run] == in[i]) run++;
            if (run >= 3) {
                out.write(1 - run);
                out.write(in[i]);
                i += run;
                continue;
            }
            int start = i;
            while (i < length && i - start < 128
                    && !(i + 2 < length && in[i] == in[i + 1] && in[i] == in[i + 2])) {
                i++;
            }
            out.write(i - start - 1);
            out.write(in, start, i - start);
        }
    }
}

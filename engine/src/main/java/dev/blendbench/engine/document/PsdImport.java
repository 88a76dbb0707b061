package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Photoshop ({@code .psd}, {@code .psb}) import through TwelveMonkeys' PSD reader: every pixel layer
 * with its name, offset, opacity, visibility and blend mode mapped to ours, and its pixel mask
 * ({@link PsdMasks}: TwelveMonkeys skips mask channels) kept as a live {@link LayerMask}, enabled or
 * not as the file has it; a layer that also has a vector mask in use has both applied to its
 * pixels, the vector mask rasterized ({@link PsdVectorMask}). A solid colour fill layer (a shape layer, with a vector
 * mask) is drawn from its colour ({@link PsdDescriptor}) over what its vector mask can show. Groups:
 * a pass-through group without a vector mask is a pass-through group layer at its opacity, its pixel
 * mask live ({@link Scene}: its layers render in its place, as if it were not there, what they do
 * faded by the opacity and the mask; one
 * that is clipped, or clipped to, is its layers instead, in order, hidden with it, or below full
 * opacity a group composited on its own); an empty one is left out; any other group is composited on its own ({@link Isolated}) and becomes one layer with the group's blend
 * mode, opacity and pixel mask (live; a vector mask, with the pixel mask, as a last destination-in
 * layer in the group), as OpenRaster's isolated stacks do. Clipping: a base layer and the
 * layers clipped to it become a clipping group ({@code Reading.clip}; {@link Scene#clipping()}),
 * each layer in it still a layer of its own. What a scene of ours cannot hold is
 * named in a warning: adjustment, gradient and pattern fill layers (left out), a mask's feather,
 * layer effects, Blend If ranges, a blend mode we lack, the blend modes of layers in a pass-through group that is
 * drawn on its own (one with a vector mask, or a faded or masked one that is clipped or clipped to). TwelveMonkeys' metadata does not tell masks, adjustments, effects and group
 * blend modes apart, so {@link PsdLayerRecords} reads the layer records for that.
 */
public final class PsdImport {
    private PsdImport() {}

    /** Photoshop's blend-mode keys and ours (the export writes them back). */
    static final Map<String, BlendMode> MODES = Map.ofEntries(
            Map.entry("norm", BlendMode.NORMAL), Map.entry("dark", BlendMode.DARKEN),
            Map.entry("mul ", BlendMode.MULTIPLY), Map.entry("idiv", BlendMode.COLOR_BURN),
            Map.entry("lbrn", BlendMode.LINEAR_BURN), Map.entry("dkCl", BlendMode.DARKER_COLOR),
            Map.entry("lite", BlendMode.LIGHTEN), Map.entry("scrn", BlendMode.SCREEN),
            Map.entry("div ", BlendMode.COLOR_DODGE), Map.entry("lddg", BlendMode.LINEAR_DODGE),
            Map.entry("lgCl", BlendMode.LIGHTER_COLOR), Map.entry("over", BlendMode.OVERLAY),
            Map.entry("sLit", BlendMode.SOFT_LIGHT), Map.entry("hLit", BlendMode.HARD_LIGHT),
            Map.entry("vLit", BlendMode.VIVID_LIGHT), Map.entry("lLit", BlendMode.LINEAR_LIGHT),
            Map.entry("pLit", BlendMode.PIN_LIGHT), Map.entry("hMix", BlendMode.HARD_MIX),
            Map.entry("diff", BlendMode.DIFFERENCE), Map.entry("smud", BlendMode.EXCLUSION),
            Map.entry("fsub", BlendMode.SUBTRACT), Map.entry("fdiv", BlendMode.DIVIDE),
            Map.entry("hue ", BlendMode.HUE), Map.entry("sat ", BlendMode.SATURATION),
            Map.entry("colr", BlendMode.COLOR), Map.entry("lum ", BlendMode.LUMINOSITY));

    /**
     * Our mode for a Photoshop blend key, or null. A key written backwards ({@code mron} for
     * {@code norm}) is the byte order of a little-endian layer block, as in a TIFF's Photoshop
     * layers and as ImageMagick writes some PSD layers: read as the key it reverses.
     */
    static BlendMode modeOf(String key) {
        if (key == null) return null;
        BlendMode m = MODES.get(key);
        return m != null ? m : MODES.get(new StringBuilder(key).reverse().toString());
    }

    public static LoadedScene read(Path file) throws DocumentException {
        return read(file, DocumentLimits.DEFAULT);
    }

    public static LoadedScene read(Path file, DocumentLimits limits) throws DocumentException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new DocumentException(name + ": is a folder, not a Photoshop file");
        if (!Files.isRegularFile(file)) throw new DocumentException(name + ": no such file");
        // read in place: ImageIO's default for a stream copies it to a temporary file first
        try (ImageInputStream iis = new javax.imageio.stream.FileImageInputStream(file.toFile())) {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("psd");
            if (!it.hasNext()) {
                throw new DocumentException(name + ": no PSD reader on the class path");
            }
            ImageReader reader = it.next();
            try {
                PsdLayerRecords.Records features;
                try {
                    features = PsdLayerRecords.read(iis, limits.maxLayers());
                } catch (IOException e) {
                    throw new DocumentException(name + ": not a readable Photoshop file (" + reason(e) + ")", e);
                }
                checkGroupsNest(name, features.layers());
                iis.seek(0);
                reader.setInput(iis);
                return read(reader, iis, name, limits, features);
            } finally {
                reader.dispose();
            }
        } catch (DocumentException e) {
            throw e;
        } catch (IOException | RuntimeException | AssertionError e) {
            // AssertionError: the PSD plugin throws it for data it does not expect (a compression
            // code of 32768), whether or not assertions are on
            throw new DocumentException(name + ": not a readable Photoshop file (" + reason(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new DocumentException(name + ": not enough memory to read it (raise -Xmx, or lower the file's size)", e);
        }
    }

    /**
     * The composite the file holds (its merged image, as the program that saved it flattened it),
     * read through ImageIO's PSD reader, which takes out the white Photoshop mattes it with.
     *
     * @throws DocumentException when the file cannot be read, its merged image is over the limits,
     *                           or Photoshop says it is a placeholder (saved without "Maximize
     *                           compatibility")
     */
    public static Surface readComposite(Path file, DocumentLimits limits) throws DocumentException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new DocumentException(name + ": is a folder, not a Photoshop file");
        if (!Files.isRegularFile(file)) throw new DocumentException(name + ": no such file");
        boolean real;
        try (ImageInputStream iis = new javax.imageio.stream.FileImageInputStream(file.toFile())) {
            real = PsdLayerRecords.hasRealMergedImage(iis);
        } catch (IOException e) {
            throw new DocumentException(name + ": not a readable Photoshop file (" + reason(e) + ")", e);
        }
        if (!real) {
            throw new DocumentException(name + ": holds no composite (saved without Photoshop's \"Maximize compatibility\")");
        }
        try {
            return ImageFiles.read(file, new dev.blendbench.engine.io.ImageLimits(limits.maxPixels()));
        } catch (dev.blendbench.engine.io.ImageReadException e) {
            throw new DocumentException(e.getMessage(), e);
        }
    }

    /**
     * The modes whose fill opacity Photoshop applies inside the blend rather than as a mix with the
     * backdrop (its "special eight"), so that a fill below 100 % differs from that layer opacity.
     */
    private static final java.util.Set<BlendMode> FILL_SENSITIVE = java.util.EnumSet.of(BlendMode.COLOR_BURN,
            BlendMode.LINEAR_BURN, BlendMode.COLOR_DODGE, BlendMode.LINEAR_DODGE, BlendMode.LINEAR_LIGHT,
            BlendMode.VIVID_LIGHT, BlendMode.HARD_MIX, BlendMode.DIFFERENCE);

    /** A failure's message, shortened to fit one line; its kind where it has none. */
    private static String reason(Throwable e) {
        return e.getMessage() != null ? OpenRaster.shorten(e.getMessage()) : e.getClass().getSimpleName();
    }

    /**
     * Refuses a file whose group records do not nest (a group's record with no divider below it),
     * which Photoshop does not write and TwelveMonkeys fails on without saying why.
     */
    private static void checkGroupsNest(String name, List<PsdLayerRecords.Features> layers) throws DocumentException {
        int depth = 0;
        for (PsdLayerRecords.Features f : layers) {
            if (f.section() == PsdLayerRecords.GROUP_END) {
                depth++;
            } else if (f.isGroupRecord() && --depth < 0) {
                throw new DocumentException(name + ": its layer groups do not nest (group '" + OpenRaster.shorten(f.name())
                        + "' ends where none began)");
            }
        }
    }

    private static LoadedScene read(ImageReader reader, ImageInputStream iis, String name, DocumentLimits limits,
                                    PsdLayerRecords.Records records) throws IOException {
        List<PsdLayerRecords.Features> features = records.layers();
        int w = reader.getWidth(0), h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || w > Scene.MAX_SIDE || h > Scene.MAX_SIDE || (long) w * h > limits.maxPixels()) {
            throw new DocumentException(String.format(Locale.ROOT, "%s: canvas %dx%d is invalid or over the limit of %s",
                    name, w, h, dev.blendbench.engine.io.ImageLimits.describe(limits.maxPixels())));
        }
        IIOMetadata md = reader.getImageMetadata(0);
        Node root = md.getAsTree(md.getNativeMetadataFormatName());
        List<Element> infos = new ArrayList<>();
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if ("Layers".equals(c.getNodeName())) {
                for (Node l = c.getFirstChild(); l != null; l = l.getNextSibling()) {
                    if (l instanceof Element e && "LayerInfo".equals(e.getNodeName())) infos.add(e);
                }
            }
        }
        int images = reader.getNumImages(true);
        List<String> warnings = new ArrayList<>();
        List<Layer> layers = new ArrayList<>();
        if (infos.isEmpty() || images <= 1) {
            warnings.add("the file has no layers; its flattened image is used as one layer");
            layers.add(Layer.of("image", surfaceOf(reader.read(0), records.depth())));
            return new LoadedScene(new Scene(w, h, 0, layers), warnings);
        }
        if (infos.size() > limits.maxLayers()) {
            throw new DocumentException(name + ": more than " + limits.maxLayers() + " layers");
        }
        // every layer's pixels against the caps on all of them, from the layer records, before any is decoded
        PixelBudget budget = new PixelBudget(name, limits);
        for (int i = 0; i < infos.size(); i++) {
            Element e = infos.get(i);
            if (i < features.size() && features.get(i).solidColour() != null) continue; // drawn, not decoded: taken then
            long lw = Long.parseLong(e.getAttribute("right")) - Long.parseLong(e.getAttribute("left"));
            long lh = Long.parseLong(e.getAttribute("bottom")) - Long.parseLong(e.getAttribute("top"));
            if (lw > 0 && lh > 0 && lw * lh <= limits.maxPixels()) budget.take(e.getAttribute("name"), lw, lh); // larger: refused below
        }
        Reading r = new Reading(reader, iis, name, limits, records, w, h, budget, warnings);
        // groups: a divider record opens one below its layers, the group's own record above them closes it
        Deque<List<Entry>> open = new ArrayDeque<>(); // the enclosing groups' layers so far, innermost first
        List<Entry> current = new ArrayList<>();
        for (int i = 0; i < infos.size() && i + 1 < images; i++) {
            Element e = infos.get(i);
            PsdLayerRecords.Features f = i < features.size() ? features.get(i) : null;
            int section = f != null ? f.section()
                    : "true".equals(e.getAttribute("sectionDivider")) ? PsdLayerRecords.GROUP_END
                    : "true".equals(e.getAttribute("group")) ? PsdLayerRecords.GROUP_OPEN : PsdLayerRecords.NO_SECTION;
            if (section == PsdLayerRecords.GROUP_END) {
                if (open.size() >= limits.maxDepth()) {
                    throw new DocumentException(name + ": groups nested deeper than " + limits.maxDepth());
                }
                open.push(current);
                current = new ArrayList<>();
            } else if (section != PsdLayerRecords.NO_SECTION) {
                if (!open.isEmpty()) { // without its divider, a group's record has no layers of its own: left out
                    List<Layer> children = r.clip(current);
                    current = open.pop();
                    List<Layer> group = r.group(e, f, children);
                    for (Layer l : group) current.add(new Entry(l, group.size() == 1 && clipped(e)));
                }
            } else {
                Layer l = r.layer(i, e, f);
                if (l != null) current.add(new Entry(l, clipped(e)));
            }
        }
        while (!open.isEmpty()) { // dividers without their group's record: their layers, as they are
            List<Entry> children = current;
            current = open.pop();
            current.addAll(children);
        }
        layers.addAll(r.clip(current));
        return new LoadedScene(new Scene(w, h, 0, layers), warnings);
    }

    /** A layer of a stack being read, and whether it is clipped to the layer below. */
    private record Entry(Layer layer, boolean clipped) {}

    private static boolean clipped(Element e) {
        String c = e.getAttribute("clipping");
        return !c.isEmpty() && !"base".equals(c);
    }

    /** One file's reading: what every layer and group needs, and the mask pixels declared so far. */
    private static final class Reading {
        private final ImageReader reader;
        private final ImageInputStream iis;
        private final String name;
        private final DocumentLimits limits;
        private final PsdLayerRecords.Records records;
        private final int w, h;
        private final PixelBudget budget;
        private final List<String> warnings;
        private long maskPixels;

        Reading(ImageReader reader, ImageInputStream iis, String name, DocumentLimits limits, PsdLayerRecords.Records records,
                int w, int h, PixelBudget budget, List<String> warnings) {
            this.reader = reader;
            this.iis = iis;
            this.name = name;
            this.limits = limits;
            this.records = records;
            this.w = w;
            this.h = h;
            this.budget = budget;
            this.warnings = warnings;
        }

        /** Record {@code i}'s pixel layer, or null where it has none or is left out. */
        Layer layer(int i, Element e, PsdLayerRecords.Features f) throws IOException {
            String layerName = e.getAttribute("name");
            int top = Integer.parseInt(e.getAttribute("top")), left = Integer.parseInt(e.getAttribute("left"));
            int bottom = Integer.parseInt(e.getAttribute("bottom")), right = Integer.parseInt(e.getAttribute("right"));
            String key = e.getAttribute("blendMode");
            Surface pixels;
            PsdVectorMask vector;
            if (f != null && f.solidColour() != null) { // a colour fill layer (a shape layer, with a vector mask)
                vector = vectorMask(layerName, f);
                Integer argb = fillColour(layerName, f.solidColour());
                if (argb == null) return null;
                // it covers the canvas, less where its vector mask hides it
                java.awt.Rectangle r = new java.awt.Rectangle(0, 0, w, h);
                if (vector != null && !vector.disabled()) r = vector.extent(w, h);
                if (r.isEmpty()) return null;
                budget.take(layerName, r.width, r.height);
                pixels = Surface.allocate(r.width, r.height);
                pixels.fill(argb);
                left = r.x;
                top = r.y;
            } else {
                if (f != null && f.adjustment() != null) {
                    warnings.add("adjustment layer '" + layerName + "' (" + f.adjustment() + ") is not supported and was left out");
                    return null;
                }
                if (right <= left || bottom <= top || "pass".equals(key)) {
                    return null; // no pixels of its own
                }
                if ((long) (right - left) * (bottom - top) > limits.maxPixels()) {
                    throw new DocumentException(name + ": layer '" + layerName + "' is over the pixel limit");
                }
                vector = vectorMask(layerName, f);
                pixels = surfaceOf(reader.read(i + 1), records.depth());
            }
            LayerMask live = liveMask(layerName, f, vector, left, top);
            if (live == null) applyMasks(pixels, left, top, layerName, f, vector);
            if (f != null && f.effects()) {
                warnings.add("layer '" + layerName + "': layer effects (shadows, strokes, ...) are not supported and were left out");
            }
            if (f != null && f.blendIf()) {
                warnings.add("layer '" + layerName + "': its Blend If ranges are not supported; drawn as if it had none");
            }
            if (f != null && (f.text() || f.smartObject())) {
                warnings.add("layer '" + layerName + "': " + (f.text() ? "text" : "smart object") + " layer drawn from its stored pixels");
            }
            BlendMode mode = mode(layerName, key);
            float opacity = opacity(e);
            if (f != null && f.fill() < 255) {
                // without effects, a layer's fill opacity scales its pixels as its opacity does
                opacity *= f.fill() / 255f;
                if (FILL_SENSITIVE.contains(mode)) {
                    warnings.add(String.format(Locale.ROOT, "layer '%s': its fill opacity (%d %%) in %s is drawn as layer opacity;"
                            + " Photoshop blends that mode's fill differently", layerName, Math.round(f.fill() / 2.55f), mode.cssName()));
                }
            }
            return new Layer(layerName.isEmpty() ? "layer " + i : layerName, pixels, left, top, mode,
                    opacity, !"false".equals(e.getAttribute("visible"))).withMask(live);
        }

        /**
         * The layer's pixel mask kept live (applied on each render; a disabled one kept off, to be
         * turned on), where it has one and no vector mask in use: null where it has none, or where
         * both masks are used ({@link #applyMasks} then applies them to its pixels, one after the
         * other, as before). A disabled mask that cannot be read is named in a warning and left out.
         */
        private LayerMask liveMask(String layerName, PsdLayerRecords.Features f, PsdVectorMask vector, int left, int top)
                throws DocumentException {
            PsdLayerRecords.PixelMask m = f == null ? null : f.pixelMask();
            if (m == null || vector != null && !vector.disabled()) return null;
            if (m.disabled()) {
                try {
                    return PsdMasks.live(m, maskValues(layerName, m), left, top);
                } catch (DocumentException x) {
                    warnings.add("layer '" + layerName + "': its disabled mask cannot be read; left out");
                    return null;
                }
            }
            if (m.feather() > 0) {
                warnings.add(String.format(Locale.ROOT, "layer '%s': its mask's feather (%.1f px) is not applied; the mask is used unblurred",
                        layerName, m.feather()));
            }
            return PsdMasks.live(m, maskValues(layerName, m), left, top);
        }

        /**
         * A group, from its own record, as layers: a pass-through group without a vector mask is a
         * pass-through group layer at its opacity, its pixel mask live (see {@link Scene}: its layers
         * render as they are, what they do faded by the opacity and the mask); any other is a group layer
         * (over its layers' bounds, composited on its own, its pixel mask live; with a vector mask,
         * its masks as a last destination-in layer) with the group's blend mode and opacity, as
         * Photoshop composites a group that is not pass-through.
         */
        List<Layer> group(Element e, PsdLayerRecords.Features f, List<Layer> children) throws IOException {
            String groupName = e.getAttribute("name").isEmpty() ? "group" : e.getAttribute("name");
            String key = f != null && f.sectionKey() != null ? f.sectionKey() : e.getAttribute("blendMode");
            boolean visible = !"false".equals(e.getAttribute("visible")), pass = "pass".equals(key);
            float opacity = opacity(e);
            BlendMode mode = pass ? BlendMode.NORMAL : mode(groupName, key);
            Rect area = Isolated.extent(children, w, h);
            if (f == null || f.vectorData() == null) { // its pixel mask, if any, stays live
                Layer g;
                if (pass) {
                    if (children.isEmpty()) return List.of();
                    if (area.isEmpty()) area = new Rect(0, 0, 1, 1); // nothing of it shows, but it stays a group
                    g = Isolated.passThrough(groupName, children, area, BlendSpace.SRGB, budget, visible).withOpacity(opacity);
                } else {
                    if (area.isEmpty()) return List.of(); // nothing of it shows
                    g = Isolated.layer(groupName, children, area, BlendSpace.SRGB, budget, mode, opacity, visible);
                }
                LayerMask live = liveMask(groupName, f, null, area.x(), area.y());
                return List.of(live == null ? g : g.withMask(live));
            }
            // a vector mask: composited on its own, both masks a last destination-in layer in it
            if (pass && children.stream().anyMatch(Reading::blendsOnItsOwn)) {
                warnings.add("group '" + groupName + "': pass-through with a vector mask is drawn as a group of its own; the blend modes of its layers act within it");
            }
            if (area.isEmpty()) return List.of(); // nothing of it shows
            // the group's masks as one more layer in it: its alpha is the masks', and destination-in
            // keeps that much of what the group's layers made
            budget.take(groupName + " (mask)", area.width(), area.height());
            Surface mask = Surface.allocate(area.width(), area.height());
            mask.fill(0xFFFFFFFF);
            applyMasks(mask, area.x(), area.y(), groupName, f, vectorMask(groupName, f));
            List<Layer> inside = new ArrayList<>(children);
            inside.add(new Layer(groupName + " (mask)", mask, area.x(), area.y(), BlendMode.DESTINATION_IN, 1f, true));
            return List.of(Isolated.layer(groupName, inside, area, BlendSpace.SRGB, budget, mode, opacity, visible));
        }

        /**
         * One stack's layers with each clipping group (a base layer and the clipped layers right
         * above it) made one group layer, a clipping one, as Photoshop composites it with "blend clipped layers as group"
         * (its default): the clipped layers blend, each with its mode and opacity, onto the base
         * alone and show only where the base has pixels (W3C source-atop: the group keeps the
         * base's alpha); the group then blends onto what is below with the base's mode and opacity.
         * A clipped layer with no base below it in its stack is drawn unclipped, as Photoshop draws it.
         */
        List<Layer> clip(List<Entry> entries) throws DocumentException {
            entries = passThroughUnclipped(entries);
            List<Layer> out = new ArrayList<>();
            for (int i = 0; i < entries.size(); ) {
                Entry base = entries.get(i);
                int j = i + 1;
                while (j < entries.size() && entries.get(j).clipped()) j++;
                if (base.clipped()) {
                    warnings.add("layer '" + base.layer().name() + "' is clipped to no layer below it; drawn unclipped");
                    out.add(base.layer());
                } else if (j == i + 1) {
                    out.add(base.layer());
                } else {
                    out.add(clipGroup(base.layer(), entries.subList(i + 1, j).stream().map(Entry::layer).toList()));
                }
                i = j;
            }
            return out;
        }

        /** True for a visible layer in a mode other than normal (or source-over): one that blends differently on its own. */
        private static boolean blendsOnItsOwn(Layer l) {
            return l.visible() && l.mode() != BlendMode.NORMAL && l.mode() != BlendMode.SOURCE_OVER;
        }

        /**
         * {@code entries} with each pass-through group that is clipped, or that layers above it are
         * clipped to, replaced by its layers (a clipping group cannot hold one): unclipped, the
         * topmost of them the base of what is clipped above. A faded or masked one cannot be its
         * layers: it is composited on its own ({@link Scene#isolated}), clipped as it was.
         */
        private List<Entry> passThroughUnclipped(List<Entry> entries) {
            List<Entry> out = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                boolean clipping = e.clipped() || i + 1 < entries.size() && entries.get(i + 1).clipped();
                if (!e.layer().isPassThrough() || !clipping) {
                    out.add(e);
                    continue;
                }
                Layer g = e.layer();
                if (g.opacity() < 1f || g.isMasked()) { // its fade needs the group: composited on its own, at its opacity, masked
                    if (g.group().layers().stream().anyMatch(Reading::blendsOnItsOwn)) {
                        warnings.add("group '" + g.name() + "': a faded or masked pass-through group that is clipped, or clipped to, is"
                                + " drawn as a group of its own; the blend modes of its layers act within it");
                    }
                    out.add(new Entry(Scene.isolated(g), e.clipped()));
                    continue;
                }
                for (Layer l : Scene.inlinedLayers(g)) out.add(new Entry(l, false));
            }
            return out;
        }

        /**
         * A clipping group (see {@link Scene#clipping()}): the base, plain in it, then the clipped
         * layers, the group taking the base's mode, opacity and visibility; its canvas the base's
         * part of the document's (nothing shows outside the base).
         */
        private Layer clipGroup(Layer base, List<Layer> clipped) throws DocumentException {
            Rect area = base.bounds().intersect(new Rect(0, 0, w, h));
            if (area.isEmpty()) return base;
            budget.take(base.name(), area.width(), area.height());
            return Groups.clipping(base, clipped, area, BlendSpace.SRGB);
        }

        private static boolean enabled(PsdLayerRecords.PixelMask m) {
            return m != null && !m.disabled();
        }

        /**
         * Applies a layer's (or group's) masks to its pixels, whose top-left corner is at
         * ({@code left}, {@code top}): its pixel mask and its vector mask, rasterized, one after the
         * other (Photoshop shows a layer where both let it through). A pixel mask that is the vector
         * mask's rendering is left to the vector mask. Names in a warning what is not applied.
         */
        private void applyMasks(Surface pixels, int left, int top, String layerName, PsdLayerRecords.Features f,
                                PsdVectorMask vector) throws DocumentException {
            if (f == null) return;
            PsdLayerRecords.PixelMask mask = f.pixelMask();
            if (enabled(mask) && !(mask.rendered() && vector != null)) {
                if (mask.feather() > 0) {
                    warnings.add(String.format(Locale.ROOT, "layer '%s': its mask's feather (%.1f px) is not applied; the mask is used unblurred",
                            layerName, mask.feather()));
                }
                PsdMasks.apply(pixels, left, top, mask, maskValues(layerName, mask));
            } else if (f.mask() && mask == null && !f.vectorMask()) {
                warnings.add("layer '" + layerName + "': layer mask is not supported; drawn without it");
            }
            if (vector != null && !vector.disabled()) { // rasterized over the layer's own pixels only
                int pw = pixels.width(), ph = pixels.height();
                try {
                    byte[] values = vector.rasterize(w, h, left, top, pw, ph);
                    PsdMasks.apply(pixels, left, top,
                            new PsdLayerRecords.PixelMask(top, left, top + ph, left + pw, 0, false, false, false, 255, 0, 0, 0), values);
                } catch (IOException x) {
                    warnings.add("layer '" + layerName + "': " + reason(x) + "; drawn without it");
                }
            }
        }

        /**
         * A layer's vector mask, or null without one; one that cannot be read is named in a warning
         * and the layer is drawn without it.
         */
        private PsdVectorMask vectorMask(String layerName, PsdLayerRecords.Features f) {
            if (f == null) return null;
            if (f.vectorData() != null) {
                try {
                    return PsdVectorMask.parse(f.vectorData());
                } catch (IOException x) {
                    warnings.add("layer '" + layerName + "': its vector mask cannot be read (" + reason(x) + "); drawn without it");
                }
            } else if (f.vectorMask()) {
                warnings.add("layer '" + layerName + "': its vector mask is larger than "
                        + (PsdLayerRecords.MAX_BLOCK >> 20) + " MB; drawn without it");
            }
            return null;
        }

        /** A solid colour fill's colour as opaque ARGB, or null (named in a warning) where it cannot be read. */
        private Integer fillColour(String layerName, byte[] block) {
            try {
                java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(block);
                in.getInt(); // version
                PsdDescriptor.Descriptor d = PsdDescriptor.read(in);
                if (d.items().get("Clr ") instanceof PsdDescriptor.Descriptor c) {
                    double r, g, b;
                    switch (c.classId()) {
                        case "RGBC" -> { r = c.number("Rd  "); g = c.number("Grn "); b = c.number("Bl  "); }
                        case "Grsc" -> r = g = b = 255 * (100 - c.number("Gry ")) / 100;
                        default -> {
                            warnings.add("colour fill layer '" + layerName + "': its colour is in " + c.classId().trim()
                                    + ", which is not supported; left out");
                            return null;
                        }
                    }
                    if (!Double.isNaN(r + g + b)) {
                        return 0xFF000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
                    }
                }
                warnings.add("colour fill layer '" + layerName + "': its colour is missing; left out");
            } catch (IOException | java.nio.BufferUnderflowException x) {
                warnings.add("colour fill layer '" + layerName + "': its colour cannot be read (" + reason(x) + "); left out");
            }
            return null;
        }

        private static int channel(double v) {
            return (int) Math.round(Math.max(0, Math.min(255, v)));
        }

        /**
         * A pixel mask's values. The masks of one document may declare as many pixels in all as its
         * layers may ({@link DocumentLimits#maxTotalPixels()}): each is decoded, used and let go,
         * but a small file can declare a thousand masks of the largest size, each a second to inflate.
         */
        private byte[] maskValues(String layerName, PsdLayerRecords.PixelMask mask) throws DocumentException {
            maskPixels += Math.max(0L, (long) mask.width()) * Math.max(0, mask.height());
            if (maskPixels > limits.maxTotalPixels()) {
                throw new DocumentException(name + ": its layer masks declare more than "
                        + dev.blendbench.engine.io.ImageLimits.describe(limits.maxTotalPixels()) + " in all (with layer '"
                        + OpenRaster.shorten(layerName) + "')");
            }
            try {
                return PsdMasks.decode(iis, mask, records.psb(), records.depth(), limits.maxPixels());
            } catch (IOException x) {
                throw new DocumentException(name + ": layer '" + layerName + "': its mask cannot be read ("
                        + OpenRaster.shorten(String.valueOf(x.getMessage())) + ")", x);
            }
        }

        private BlendMode mode(String layerName, String key) {
            BlendMode mode = modeOf(key);
            if (mode == null) {
                warnings.add("layer '" + layerName + "': blend mode '" + key.trim() + "' is not supported; drawn as normal");
                mode = BlendMode.NORMAL;
            }
            return mode;
        }

        private static float opacity(Element e) {
            return Math.max(0, Math.min(255, Integer.parseInt(e.getAttribute("opacity")))) / 255f;
        }
    }

    /**
     * A layer's pixels as a surface. A 32-bit (HDR) document holds linear-light floats, which
     * TwelveMonkeys hands over as their bits in unsigned 32-bit samples: those are read back as
     * floats, clamped to 0..1 and encoded to sRGB, as Photoshop shows such a document at 8 bits.
     */
    static Surface surfaceOf(BufferedImage img, int depth) {
        Raster r = img.getRaster();
        if (depth != 32 || r.getDataBuffer().getDataType() != DataBuffer.TYPE_INT) {
            return ImageFiles.toSurface(img);
        }
        int w = img.getWidth(), h = img.getHeight(), bands = r.getNumBands();
        boolean alpha = bands == 2 || bands == 4, grey = bands <= 2;
        int colours = grey ? 1 : 3;
        float[] linear = new float[4 * w];
        int[] samples = new int[bands * w];
        Surface out = Surface.allocate(w, h);
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, samples);
            for (int x = 0; x < w; x++) {
                int s = x * bands;
                float a = alpha ? finite(samples[s + colours]) : 1f;
                linear[4 * x] = a;
                for (int c = 0; c < 3; c++) { // premultiplied, as fromLinear takes them
                    linear[4 * x + 1 + c] = finite(samples[s + (grey ? 0 : c)]) * Math.clamp(a, 0f, 1f);
                }
            }
            Srgb.fromLinear(linear, 0, out.array(), out.index(0, y), w);
        }
        return out;
    }

    /** A sample's bits as a float; NaN as 0. */
    private static float finite(int bits) {
        float f = Float.intBitsToFloat(bits);
        return Float.isNaN(f) ? 0f : f;
    }
}

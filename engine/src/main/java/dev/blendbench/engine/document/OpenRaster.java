package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.io.AtomicFiles;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.io.ImageReadException;
import dev.blendbench.engine.render.Groups;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * OpenRaster ({@code .ora}: GIMP, Krita, MyPaint) read and write.
 *
 * <p><b>Reading.</b> {@code stack.xml} with nested stacks, names, x/y offsets, opacity,
 * visibility and composite-op (every {@code svg:} op of the spec and SVG Compositing 1.2, and
 * the {@code krita:} ops Krita writes; anything else is drawn as normal and named in a warning).
 * A nested stack that is isolated — {@code isolation="isolate"}, opacity below 1, or a
 * composite-op other than src-over — is rendered on its own and becomes one layer; any other stack
 * (but an empty one) is a pass-through group ({@link Scene}): its layers render in its place, as
 * the spec's {@code isolation="auto"} has them; so is one below full opacity marked
 * {@code blendbench:pass-through="true"} (a faded pass-through group of ours, which other
 * programs composite on its own: the same picture where its layers are src-over). An isolated stack marked
 * {@code blendbench:clipping="true"} is a clipping group ({@link Scene#clipping()}); other programs
 * read it as an isolated stack, its layers unclipped. Elements we do not draw
 * (text, filters) are named in a warning. Layers that name the same file share one surface,
 * decoded once.
 *
 * <p><b>Safety.</b> Entry names that could escape the archive ({@code ..}, absolute, backslash,
 * drive letter) are refused; every entry's declared and actual inflated size is capped, and so is
 * the total (zip bombs); {@code stack.xml} may not have a DTD (no external entities); a layer
 * file that is missing or stored twice, absurd dimensions and truncated archives are refused —
 * each with a one-line {@link DocumentException} that names the file. Nothing is extracted to
 * disk.
 *
 * <p><b>Masks.</b> OpenRaster has none. A layer with a pixel mask is written with {@code src} its
 * pixels through the mask (what other readers draw; its own pixels while the mask is off), and
 * beside them {@code blendbench:pixels} (its own pixels, where src is not), {@code blendbench:mask}
 * (the values as an opaque grey PNG; none for an empty rectangle), {@code blendbench:mask-x},
 * {@code mask-y}, {@code mask-outside} and {@code mask-enabled}, from which it is read back live.
 *
 * <p><b>Writing.</b> {@code mimetype} (stored, first), {@code stack.xml}, one PNG per layer
 * (layers with the very same source surface share one, and read back sharing one surface),
 * {@code mergedimage.png} (the scene rendered) and {@code Thumbnails/thumbnail.png} (at most
 * 256 × 256), as the spec asks. The exact blend mode and the background colour go into
 * attributes of our own namespace, so save → load gives an equal scene; other programs ignore
 * them. Saves are atomic: a temporary file in the same folder, then moved into place.
 */
public final class OpenRaster {
    private OpenRaster() {}

    public static final String MIMETYPE = "image/openraster";
    /** Namespace of our own attributes in stack.xml. */
    public static final String NS = "https://blendbench.dev/ns/openraster";
    private static final int THUMBNAIL = 256;

    // ------------------------------------------------------------------ reading

    public static LoadedScene read(Path file) throws DocumentException {
        return read(file, DocumentLimits.DEFAULT);
    }

    public static LoadedScene read(Path file, DocumentLimits limits) throws DocumentException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new DocumentException(name + ": is a folder, not an OpenRaster file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, name, limits);
        } catch (NoSuchFileException e) {
            throw new DocumentException(name + ": no such file");
        } catch (DocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public static LoadedScene read(byte[] data, String name, DocumentLimits limits) throws DocumentException {
        try {
            return read(new ByteArrayInputStream(data), name, limits);
        } catch (DocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static LoadedScene read(InputStream in, String name, DocumentLimits limits) throws IOException {
        Map<String, byte[]> entries = readEntries(in, name, limits);
        byte[] mimetype = entries.get("mimetype");
        if (mimetype == null || !new String(mimetype, StandardCharsets.US_ASCII).trim().equals(MIMETYPE)) {
            throw new DocumentException(name + ": not an OpenRaster file (no 'image/openraster' mimetype entry)");
        }
        byte[] xml = entries.get("stack.xml");
        if (xml == null) {
            throw new DocumentException(name + ": OpenRaster file has no stack.xml");
        }
        Document doc = parseXml(xml, name);
        Element image = doc.getDocumentElement();
        if (!"image".equals(image.getTagName())) {
            throw new DocumentException(name + ": stack.xml has no <image> root");
        }
        int w = intAttr(image, "w", name, -1), h = intAttr(image, "h", name, -1);
        if (w <= 0 || h <= 0 || w > Scene.MAX_SIDE || h > Scene.MAX_SIDE || (long) w * h > limits.maxPixels()) {
            throw new DocumentException(String.format(Locale.ROOT, "%s: canvas size %sx%s is invalid or over the limit of %s",
                    name, image.getAttribute("w"), image.getAttribute("h"), dev.blendbench.engine.io.ImageLimits.describe(limits.maxPixels())));
        }
        int background = 0;
        String bg = image.getAttributeNS(NS, "background");
        if (!bg.isEmpty()) {
            try {
                background = Argb.parseHex(bg);
            } catch (IllegalArgumentException e) {
                throw new DocumentException(name + ": bad background colour '" + shorten(bg) + "'");
            }
        }
        Element root = firstChild(image, "stack");
        if (root == null) {
            throw new DocumentException(name + ": stack.xml has no root <stack>");
        }
        BlendSpace space = BlendSpace.SRGB;
        String unknownSpace = null;
        String bs = image.getAttributeNS(NS, "blend-space");
        if (!bs.isEmpty()) {
            try {
                space = BlendSpace.parse(bs);
            } catch (IllegalArgumentException e) {
                unknownSpace = "unknown blend space '" + shorten(bs) + "': blending in sRGB";
            }
        }
        // the blend space first: isolated stacks are composited in it too
        Reader r = new Reader(name, entries, limits, w, h, space);
        if (unknownSpace != null) r.warnings.add(unknownSpace);
        r.spendDeclared(doc);
        List<Layer> layers = r.stack(root, 0, 0, 0);
        return new LoadedScene(new Scene(w, h, background, layers, space), r.warnings);
    }

    /** Reads every entry into memory, refusing unsafe names, duplicates and oversized entries. */
    static Map<String, byte[]> readEntries(InputStream in, String name, DocumentLimits limits) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            byte[] buf = new byte[64 * 1024];
            while ((e = zip.getNextEntry()) != null) {
                String n = e.getName();
                checkEntryName(n, name);
                if (entries.size() >= limits.maxEntries()) {
                    throw new DocumentException(name + ": archive has more than " + limits.maxEntries() + " entries");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.containsKey(n)) {
                    throw new DocumentException(name + ": archive stores '" + shorten(n) + "' twice");
                }
                long declared = e.getSize();
                if (declared > limits.maxEntryBytes()) {
                    throw new DocumentException(name + ": entry '" + shorten(n) + "' declares " + declared
                            + " bytes, over the limit of " + limits.maxEntryBytes() + " (zip bomb?)");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
                long size = 0;
                int k;
                while ((k = zip.read(buf)) > 0) {
                    size += k;
                    total += k;
                    if (size > limits.maxEntryBytes()) {
                        throw new DocumentException(name + ": entry '" + shorten(n) + "' inflates beyond "
                                + limits.maxEntryBytes() + " bytes (zip bomb?)");
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw new DocumentException(name + ": archive inflates beyond " + limits.maxTotalBytes()
                                + " bytes in all (zip bomb?)");
                    }
                    out.write(buf, 0, k);
                }
                entries.put(n, out.toByteArray());
            }
        } catch (EOFException | ZipException e) {
            throw new DocumentException(name + ": truncated or corrupt archive (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new DocumentException(name + ": not a zip archive, or an empty one");
        }
        return entries;
    }

    /** Refuses names that could point outside the archive's own tree. */
    static void checkEntryName(String n, String file) throws DocumentException {
        boolean bad = n.isEmpty() || n.startsWith("/") || n.contains("\\") || n.contains(":") || n.indexOf('\0') >= 0;
        if (!bad) {
            for (String part : n.split("/")) {
                if (part.equals("..") || part.equals(".")) {
                    bad = true;
                    break;
                }
            }
        }
        if (bad) {
            throw new DocumentException(file + ": unsafe entry name '" + shorten(n) + "' (escapes the archive)");
        }
    }

    static Document parseXml(byte[] xml, String name) throws DocumentException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE")) {
                throw new DocumentException(name + ": stack.xml declares a DTD, which is refused (external entities)");
            }
            throw new DocumentException(name + ": stack.xml is not well-formed XML (" + shorten(m) + ")", e);
        } catch (ParserConfigurationException | IOException e) {
            throw new DocumentException(name + ": cannot parse stack.xml (" + e.getMessage() + ")", e);
        }
    }

    private static Element firstChild(Element e, String tag) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el && tag.equals(el.getTagName())) {
                return el;
            }
        }
        return null;
    }

    private static int intAttr(Element e, String attr, String file, int dflt) throws DocumentException {
        return intValue(e, attr, e.getAttribute(attr).trim(), file, dflt);
    }

    /** {@code v}, attribute {@code attr} of {@code e}, as a whole number (a fraction rounded; at most a million either way). */
    private static int intValue(Element e, String attr, String v, String file, int dflt) throws DocumentException {
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || Math.abs(d) > 1_000_000) {
                throw new NumberFormatException();
            }
            return (int) Math.round(d);
        } catch (NumberFormatException x) {
            throw new DocumentException(file + ": <" + e.getTagName() + "> has a bad " + attr + " '" + shorten(v) + "'");
        }
    }

    static String shorten(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    /** The state of one read: the archive, the caps, and the warnings so far. */
    private static final class Reader {
        final String file;
        final Map<String, byte[]> entries;
        final DocumentLimits limits;
        final int w, h;
        final BlendSpace space;
        final List<String> warnings = new ArrayList<>();
        /** Each layer file decoded so far, by its name in the archive. */
        final Map<String, Surface> decoded = new java.util.HashMap<>();
        /** The pixels of all layers, against the caps on all of them: spent from their headers before any is decoded. */
        final PixelBudget budget;
        int layerCount;

        Reader(String file, Map<String, byte[]> entries, DocumentLimits limits, int w, int h, BlendSpace space) {
            this.file = file;
            this.space = space;
            this.entries = entries;
            this.limits = limits;
            this.w = w;
            this.h = h;
            this.budget = new PixelBudget(file, limits);
        }

        /**
         * Spends the declared size of every layer file that {@code doc} names (each file once, as
         * it is decoded once) from the budget, reading only their headers: a document whose layers
         * would not fit is refused before any is decoded. Names that are missing or unsafe are left
         * to the layers' own reading, which refuses them.
         */
        void spendDeclared(Document doc) throws DocumentException {
            org.w3c.dom.NodeList all = doc.getElementsByTagName("layer");
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < all.getLength() && i <= limits.maxLayers(); i++) {
                Element el = (Element) all.item(i);
                String src = el.getAttribute("src");
                byte[] data = entries.get(src);
                if (src.isEmpty() || data == null || !seen.add(src)) continue;
                checkEntryName(src, file);
                int[] size;
                try {
                    size = ImageFiles.declaredSize(data, file + "!" + src);
                } catch (ImageReadException e) {
                    throw new DocumentException(e.getMessage(), e);
                }
                long lw = size[0], lh = size[1];
                if (lw > 0 && lh > 0 && lw * lh <= limits.maxPixels()) { // otherwise refused, more precisely, when the layer is decoded
                    budget.take(el.getAttribute("name").isEmpty() ? src : el.getAttribute("name"), lw, lh);
                }
            }
        }

        /** The layers of a stack, bottom first, offset by (dx, dy). */
        List<Layer> stack(Element stack, int dx, int dy, int depth) throws DocumentException {
            return stack(stack, dx, dy, depth, false);
        }

        /** As above; {@code ours}: a masked pass-through group's stack, whose mask's cut (for other readers) is left out. */
        private List<Layer> stack(Element stack, int dx, int dy, int depth, boolean ours) throws DocumentException {
            if (depth > limits.maxDepth()) {
                throw new DocumentException(file + ": stacks nested deeper than " + limits.maxDepth());
            }
            List<Element> children = new ArrayList<>();
            for (Node c = stack.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element el) {
                    children.add(el);
                }
            }
            List<Layer> out = new ArrayList<>();
            for (int i = children.size() - 1; i >= 0; i--) { // the first child is the top one
                Element el = children.get(i);
                if (ours && "true".equals(el.getAttributeNS(NS, "group-mask"))) continue;
                switch (el.getTagName()) {
                    case "layer" -> out.add(layer(el, dx, dy));
                    case "stack" -> out.addAll(nested(el, dx, dy, depth));
                    default -> warnings.add("<" + el.getTagName() + "> element '" + el.getAttribute("name")
                            + "' is not drawn by Blendbench and was left out");
                }
            }
            return out;
        }

        private List<Layer> nested(Element el, int dx, int dy, int depth) throws DocumentException {
            int x = dx + intAttr(el, "x", file, 0), y = dy + intAttr(el, "y", file, 0);
            float opacity = opacity(el);
            boolean visible = !"hidden".equals(el.getAttribute("visibility"));
            BlendMode mode = mode(el);
            // ours: a faded or masked pass-through group, written as a stack other readers isolate
            boolean ours = "true".equals(el.getAttributeNS(NS, "pass-through")) && mode == BlendMode.SOURCE_OVER;
            List<Layer> children = stack(el, x, y, depth + 1, ours);
            boolean isolated = !ours && ("isolate".equals(el.getAttribute("isolation")) || opacity < 1f || mode != BlendMode.SOURCE_OVER);
            String groupName = el.getAttribute("name").isEmpty() ? "group" : el.getAttribute("name");
            Rect area = Isolated.extent(children, w, h);
            if (!isolated) {
                if (children.isEmpty()) return List.of();
                if (area.isEmpty()) area = new Rect(0, 0, 1, 1);
                Layer g = Isolated.passThrough(groupName, children, area, space, budget, visible).withOpacity(opacity);
                if (!ours || el.getAttributeNS(NS, "mask-outside").isEmpty()) return List.of(g);
                LayerMask m = maskOf(el, groupName); // from the stack's origin; the group sits at its layers' extent
                return List.of(g.withMask(new LayerMask(m.values(), m.x() + x - area.x(), m.y() + y - area.y(), m.width(), m.height(),
                        m.outside(), m.enabled())));
            }
            if (area.isEmpty()) return List.of(); // nothing of it shows
            boolean clipping = "true".equals(el.getAttributeNS(NS, "clipping")) && isolated;
            return List.of(Isolated.layer(groupName, children, area, space, budget, mode, opacity, visible, clipping));
        }

        private Layer layer(Element el, int dx, int dy) throws DocumentException {
            if (++layerCount > limits.maxLayers()) {
                throw new DocumentException(file + ": more than " + limits.maxLayers() + " layers");
            }
            String src = el.getAttribute("src");
            String name = el.getAttribute("name").isEmpty() ? src : el.getAttribute("name");
            if (src.isEmpty()) {
                throw new DocumentException(file + ": layer '" + shorten(name) + "' has no src");
            }
            Surface pixels = entry(src);
            if ("true".equals(el.getAttribute("alpha-preserve"))) {
                warnings.add("layer '" + name + "': alpha-preserve is not supported and was ignored");
            }
            Layer l = new Layer(name, pixels, dx + intAttr(el, "x", file, 0), dy + intAttr(el, "y", file, 0), mode(el),
                    opacity(el), !"hidden".equals(el.getAttribute("visibility")));
            return el.getAttributeNS(NS, "mask-outside").isEmpty() ? l : masked(el, l);
        }

        /**
         * Layer {@code l} with the pixel mask our attributes give it: its own pixels from
         * {@code blendbench:pixels} where {@code src} holds them through the mask (for other
         * readers), the mask's values from the grey PNG {@code blendbench:mask} (none: an empty
         * rectangle), at {@code mask-x, mask-y} from the layer, {@code mask-outside} beyond it,
         * on unless {@code mask-enabled} is false.
         */
        private Layer masked(Element el, Layer l) throws DocumentException {
            String own = el.getAttributeNS(NS, "pixels");
            Surface pixels = own.isEmpty() ? l.source() : entry(own);
            return new Layer(l.name(), pixels, l.x(), l.y(), l.mode(), l.opacity(), l.visible()).withMask(maskOf(el, l.name()));
        }

        /** The pixel mask {@code el}'s {@code blendbench:mask} attributes describe (a layer's, or a pass-through stack's). */
        private LayerMask maskOf(Element el, String name) throws DocumentException {
            String maskFile = el.getAttributeNS(NS, "mask");
            byte[] values = new byte[0];
            int w = 0, h = 0;
            if (!maskFile.isEmpty()) {
                Surface m = entry(maskFile);
                w = m.width();
                h = m.height();
                values = new byte[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) values[y * w + x] = (byte) (m.getPixel(x, y) >>> 16); // grey, opaque: red is the value
                }
            }
            int outside = intValue(el, "blendbench:mask-outside", el.getAttributeNS(NS, "mask-outside").trim(), file, 0);
            if (outside < 0 || outside > 255) {
                throw new DocumentException(file + ": layer '" + shorten(name) + "' has a bad mask-outside '" + outside + "'");
            }
            return new LayerMask(values, intValue(el, "blendbench:mask-x", el.getAttributeNS(NS, "mask-x").trim(), file, 0),
                    intValue(el, "blendbench:mask-y", el.getAttributeNS(NS, "mask-y").trim(), file, 0), w, h, outside,
                    !"false".equals(el.getAttributeNS(NS, "mask-enabled")));
        }

        /** The archive's image {@code src}, decoded once however many layers name it. */
        private Surface entry(String src) throws DocumentException {
            checkEntryName(src, file);
            byte[] png = entries.get(src);
            if (png == null) {
                throw new DocumentException(file + ": layer file '" + shorten(src) + "' is missing from the archive");
            }
            Surface pixels = decoded.get(src); // layers naming one file share its pixels, decoded once
            if (pixels == null) {
                try {
                    pixels = ImageFiles.decode(png, file + "!" + src, new ImageLimits(limits.maxPixels()));
                } catch (ImageReadException e) {
                    throw new DocumentException(e.getMessage(), e);
                }
                decoded.put(src, pixels);
            }
            return pixels;
        }

        private float opacity(Element el) throws DocumentException {
            String v = el.getAttribute("opacity").trim();
            if (v.isEmpty()) {
                return 1f;
            }
            try {
                float f = Float.parseFloat(v);
                if (!(f >= 0f && f <= 1f)) {
                    throw new NumberFormatException();
                }
                return f;
            } catch (NumberFormatException e) {
                throw new DocumentException(file + ": '" + shorten(el.getAttribute("name")) + "' has a bad opacity '" + shorten(v) + "'");
            }
        }

        private BlendMode mode(Element el) {
            String ours = el.getAttributeNS(NS, "mode");
            if (!ours.isEmpty()) {
                try {
                    return BlendMode.parse(ours);
                } catch (IllegalArgumentException e) {
                    // fall back to composite-op below
                }
            }
            String op = el.getAttribute("composite-op").trim();
            if (op.isEmpty()) {
                return BlendMode.SOURCE_OVER;
            }
            BlendMode m = CompositeOps.modeOf(op);
            if (m == null) {
                warnings.add("'" + el.getAttribute("name") + "': composite-op '" + shorten(op)
                        + "' is not supported; drawn as normal (source-over)");
                return BlendMode.SOURCE_OVER;
            }
            return m;
        }
    }

    // ------------------------------------------------------------------ writing

    /** Saves {@code scene} to {@code file} atomically. */
    public static void write(Scene scene, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DocumentException(file + ": folder " + dir + " does not exist");
        }
        AtomicFiles.write(file, out -> write(scene, out));
    }

    /** Writes the archive to a stream (not closed). */
    public static void write(Scene scene, OutputStream os) throws IOException {
        scene = baked(scene);
        ZipOutputStream zip = new ZipOutputStream(os);
        byte[] mime = MIMETYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry m = new ZipEntry("mimetype");
        m.setMethod(ZipEntry.STORED);
        m.setSize(mime.length);
        m.setCompressedSize(mime.length);
        CRC32 crc = new CRC32();
        crc.update(mime);
        m.setCrc(crc.getValue());
        zip.putNextEntry(m);
        zip.write(mime);
        zip.closeEntry();

        Map<Surface, String> files = new java.util.IdentityHashMap<>();
        List<Surface> order = new java.util.ArrayList<>();
        Map<Layer, MaskFiles> masks = new java.util.IdentityHashMap<>();
        name(scene, files, order, new int[1], masks);
        put(zip, "stack.xml", stackXml(scene, files, masks));
        for (Surface px : order) put(zip, files.get(px), ImageFiles.encodePng(px));
        Surface merged = Surface.allocate(scene.width(), scene.height());
        TileRenderer.singleThreaded().render(scene, merged);
        put(zip, "mergedimage.png", ImageFiles.encodePng(merged));
        put(zip, "Thumbnails/thumbnail.png", ImageFiles.encodePng(thumbnail(merged)));
        zip.finish();
    }

    /**
     * A scene with no layer transforms (neither format holds them): a resampled layer as its
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
            Rect in = l.bounds().intersect(scene.bounds());
            if (in.isEmpty()) {
                out.add(new Layer(l.name(), Surface.allocate(1, 1), 0, 0, l.mode(), l.opacity(), l.visible()));
                continue;
            }
            Surface px = Surface.allocate(in.width(), in.height());
            l.placement().sample(l.source(), in.translate(-l.x(), -l.y()), px.array(), 0, in.width());
            if (l.isMasked()) l.mask().apply(px.array(), 0, in.width(), in.x(), in.y(), in.right(), in.bottom(), l.x(), l.y());
            out.add(new Layer(l.name(), px, in.x(), in.y(), l.mode(), l.opacity(), l.visible()));
        }
        return changed ? scene.withLayers(out) : scene;
    }

    /**
     * Names the PNG of each layer's pixels, layers taken bottom first and a group's layers in its
     * place ({@link #asStack}): {@code data/layerN.png}, N the layer's number in that order, or
     * the name given to the first layer with the very same source surface. Layers that share their
     * pixels in memory (a layer drawn twice, as the demo scene's overlay is) share one file, and
     * read back sharing one surface: the same memory traffic for the renderer as before the save.
     * {@code order}: each file's surface once, in the order named.
     */
    private static void name(Scene scene, Map<Surface, String> files, List<Surface> order, int[] count, Map<Layer, MaskFiles> masks) {
        for (Layer l : scene.layers()) {
            boolean stack = asStack(l, scene);
            int n = count[0]++;
            if (stack) {
                name(l.group(), files, order, count, masks);
            } else if (files.putIfAbsent(l.source(), "data/layer" + n + ".png") == null) {
                order.add(l.source());
            }
            if (l.mask() == null) continue;
            MaskFiles m = stack ? MaskFiles.ofGroup(l) : MaskFiles.of(l);
            masks.put(l, m);
            if (m.drawn() != null) {
                files.put(m.drawn(), "data/layer" + n + (stack ? "-mask-cut.png" : "-masked.png"));
                order.add(m.drawn());
            }
            if (m.values() != null) {
                files.put(m.values(), "data/layer" + n + "-mask.png");
                order.add(m.values());
            }
        }
    }

    /**
     * What a layer with a pixel mask is saved as beside its own pixels (OpenRaster has no masks;
     * our attributes keep it): its pixels through the mask, which other readers draw (null while the
     * mask is off: its own pixels are what it draws), and the mask's values as a grey image (null
     * for an empty rectangle).
     */
    private record MaskFiles(Surface drawn, Surface values) {
        static MaskFiles of(Layer l) {
            LayerMask m = l.mask();
            return new MaskFiles(m.enabled() ? m.drawn(l.source()) : null, values(m));
        }

        /**
         * A pass-through group's: its mask as white of the mask's alpha over the group's canvas
         * (the stack's top layer in dst-in, which other readers draw; null while the mask is off),
         * and its values.
         */
        static MaskFiles ofGroup(Layer l) {
            LayerMask m = l.mask();
            Surface cut = null;
            if (m.enabled()) {
                cut = Surface.allocate(l.source().width(), l.source().height());
                for (int y = 0; y < cut.height(); y++) {
                    for (int x = 0; x < cut.width(); x++) cut.setPixel(x, y, m.value(x, y) * 0x01010101);
                }
            }
            return new MaskFiles(cut, values(m));
        }

        /** The mask's values as a grey image (null for an empty rectangle). */
        private static Surface values(LayerMask m) {
            if (m.width() == 0 || m.height() == 0) return null;
            Surface values = Surface.allocate(m.width(), m.height());
            int[] px = values.array();
            for (int i = 0; i < px.length; i++) {
                int v = m.values()[i] & 0xFF;
                px[i] = 0xFF000000 | v << 16 | v << 8 | v;
            }
            return values;
        }
    }

    /**
     * True if a group layer is saved as an isolated stack of its layers, which reads back as the
     * same group: a group over transparency in the document's blend space (what documents hold).
     * Any other group is saved as its pixels.
     */
    private static boolean asStack(Layer l, Scene in) {
        return l.isGroup() && l.group().background() == 0 && l.group().blendSpace() == in.blendSpace();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] stackXml(Scene scene, Map<Surface, String> files, Map<Layer, MaskFiles> masks) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().newDocument();
            Element image = doc.createElement("image");
            image.setAttribute("version", "0.0.6");
            image.setAttribute("w", Integer.toString(scene.width()));
            image.setAttribute("h", Integer.toString(scene.height()));
            image.setAttribute("xres", "72");
            image.setAttribute("yres", "72");
            image.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:blendbench", NS);
            if (scene.background() != 0) {
                image.setAttributeNS(NS, "blendbench:background", Argb.toHex(scene.background()));
            }
            if (scene.blendSpace() != BlendSpace.SRGB) {
                image.setAttributeNS(NS, "blendbench:blend-space", scene.blendSpace().cliName());
            }
            doc.appendChild(image);
            Element stack = doc.createElement("stack");
            image.appendChild(stack);
            appendLayers(doc, stack, scene, files, masks);
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write stack.xml: " + e.getMessage(), e);
        }
    }

    /**
     * The scene's layers as elements of {@code stack}, top first; a group as a stack (x, y
     * offsetting its layers), isolated, or {@code isolation="auto"} for a pass-through one.
     */
    private static void appendLayers(Document doc, Element stack, Scene scene, Map<Surface, String> files, Map<Layer, MaskFiles> masks) {
        List<Layer> layers = scene.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            boolean group = asStack(l, scene);
            Element e = doc.createElement(group ? "stack" : "layer");
            e.setAttribute("name", l.name());
            MaskFiles m = masks.get(l);
            if (group) {
                // a pass-through group's mask, on: for other readers an isolated stack ending in the mask in dst-in
                boolean cut = m != null && l.mask().enabled();
                e.setAttribute("isolation", l.isPassThrough() && !cut ? "auto" : "isolate");
                // below full opacity, or masked, the spec's "auto" isolates a stack: other readers composite it on its own (the
                // same picture for src-over layers); we read the mark back as a faded or masked pass-through group
                if (l.isPassThrough() && (l.opacity() < 1f || m != null)) e.setAttributeNS(NS, "blendbench:pass-through", "true");
                if (l.group().clipping()) e.setAttributeNS(NS, "blendbench:clipping", "true"); // other readers: an isolated stack
                if (m != null) maskAttributes(e, l.mask(), m, files);
            } else {
                e.setAttribute("src", files.get(m != null && m.drawn() != null ? m.drawn() : l.source()));
                if (m != null) { // other readers draw src; we read the layer's own pixels and its mask back
                    if (m.drawn() != null) e.setAttributeNS(NS, "blendbench:pixels", files.get(l.source()));
                    maskAttributes(e, l.mask(), m, files);
                }
            }
            e.setAttribute("x", Integer.toString(l.x()));
            e.setAttribute("y", Integer.toString(l.y()));
            e.setAttribute("opacity", Float.toString(l.opacity()));
            e.setAttribute("visibility", l.visible() ? "visible" : "hidden");
            e.setAttribute("composite-op", CompositeOps.nameOf(l.mode()));
            e.setAttributeNS(NS, "blendbench:mode", l.mode().cssName());
            if (group && m != null && m.drawn() != null) { // the mask's cut, the stack's top layer: ours skip it
                Element cutLayer = doc.createElement("layer");
                cutLayer.setAttribute("name", l.name() + " (mask)");
                cutLayer.setAttribute("src", files.get(m.drawn()));
                cutLayer.setAttribute("x", "0");
                cutLayer.setAttribute("y", "0");
                cutLayer.setAttribute("composite-op", CompositeOps.nameOf(BlendMode.DESTINATION_IN));
                cutLayer.setAttributeNS(NS, "blendbench:group-mask", "true");
                e.appendChild(cutLayer);
            }
            if (group) appendLayers(doc, e, l.group(), files, masks);
            stack.appendChild(e);
        }
    }

    /** The {@code blendbench:mask} attributes of pixel mask {@code mask}, its values in {@code m}'s file. */
    private static void maskAttributes(Element e, LayerMask mask, MaskFiles m, Map<Surface, String> files) {
        if (m.values() != null) e.setAttributeNS(NS, "blendbench:mask", files.get(m.values()));
        e.setAttributeNS(NS, "blendbench:mask-x", Integer.toString(mask.x()));
        e.setAttributeNS(NS, "blendbench:mask-y", Integer.toString(mask.y()));
        e.setAttributeNS(NS, "blendbench:mask-outside", Integer.toString(mask.outside()));
        e.setAttributeNS(NS, "blendbench:mask-enabled", Boolean.toString(mask.enabled()));
    }

    /** An area-averaged (premultiplied, so no dark fringes) copy at most 256 × 256. */
    static Surface thumbnail(Surface s) {
        double k = Math.min(1.0, (double) THUMBNAIL / Math.max(s.width(), s.height()));
        int tw = Math.max(1, (int) Math.round(s.width() * k)), th = Math.max(1, (int) Math.round(s.height() * k));
        Surface t = Surface.allocate(tw, th);
        for (int ty = 0; ty < th; ty++) {
            int y0 = (int) ((long) ty * s.height() / th), y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * s.height() / th));
            for (int tx = 0; tx < tw; tx++) {
                int x0 = (int) ((long) tx * s.width() / tw), x1 = Math.max(x0 + 1, (int) ((long) (tx + 1) * s.width() / tw));
                long a = 0, r = 0, g = 0, b = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int p = s.array()[s.index(x, y)];
                        a += p >>> 24;
                        r += (p >>> 16) & 0xFF;
                        g += (p >>> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                long n = (long) (x1 - x0) * (y1 - y0);
                t.setPixel(tx, ty, Argb.pack((int) ((a + n / 2) / n), (int) ((r + n / 2) / n), (int) ((g + n / 2) / n),
                        (int) ((b + n / 2) / n)));
            }
        }
        return t;
    }
}

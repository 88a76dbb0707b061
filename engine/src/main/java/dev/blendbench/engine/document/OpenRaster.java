package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.io.ImageLimits;
import dev.blendbench.engine.io.ImageReadException;
import dev.blendbench.engine.resample.Filter;
import dev.blendbench.engine.resample.Transform;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
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
 * the spec's {@code isolation="auto"} has them; so is one marked {@code blendbench:pass-through="true"}
 * (a faded or masked pass-through group of ours, which other programs composite on its own: the
 * same picture where its layers are src-over). A stack with {@code blendbench:mask} attributes is a
 * masked group of ours, its top layer marked {@code blendbench:group-mask} (the mask in dst-in, for
 * other programs) left out. An isolated stack marked
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
 * A masked group's stack carries the same attributes.
 *
 * <p><b>Transforms.</b> OpenRaster has none either. A scaled, rotated or fractionally placed
 * layer is written with {@code src} the pixels it puts on its canvas (resampled, through its mask:
 * what other readers draw), and beside them {@code blendbench:pixels} (its own pixels),
 * {@code blendbench:transform} (the affine map, six numbers), {@code blendbench:filter} and
 * {@code blendbench:layer-x}, {@code layer-y} (its whole-pixel offset), from which it is read back
 * live: resampled on every render, and editable again without resampling twice.
 *
 * <p><b>Writing</b> ({@link OpenRasterWriter}). {@code mimetype} (stored, first), {@code stack.xml}, one PNG per layer
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

    // ------------------------------------------------------------------ reading

    public static LoadedScene read(Path file) throws DocumentException {
        return read(file, DocumentLimits.DEFAULT);
    }

    public static LoadedScene read(Path file, DocumentLimits limits) throws DocumentException {
        return read(archive(file, limits), file.toString(), limits);
    }

    /** The file's entries ({@link #readEntries}), checked to be OpenRaster's; a failure is one line naming the file. */
    private static Map<String, byte[]> archive(Path file, DocumentLimits limits) throws DocumentException {
        return archive(file, limits, n -> true);
    }

    /** As above, keeping only the entries {@code keep} names (and the mimetype). */
    private static Map<String, byte[]> archive(Path file, DocumentLimits limits, java.util.function.Predicate<String> keep)
            throws DocumentException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new DocumentException(name + ": is a folder, not an OpenRaster file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return archive(in, name, limits, keep);
        } catch (NoSuchFileException e) {
            throw new DocumentException(name + ": no such file");
        } catch (DocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, byte[]> archive(InputStream in, String name, DocumentLimits limits,
                                               java.util.function.Predicate<String> keep) throws IOException {
        Map<String, byte[]> entries = readEntries(in, name, limits, n -> n.equals("mimetype") || keep.test(n));
        byte[] mimetype = entries.get("mimetype");
        if (mimetype == null || !new String(mimetype, StandardCharsets.US_ASCII).trim().equals(MIMETYPE)) {
            throw new DocumentException(name + ": not an OpenRaster file (no 'image/openraster' mimetype entry)");
        }
        return entries;
    }

    /**
     * The composite the file holds: its {@code mergedimage.png}, as the program that saved it
     * flattened the stack.
     *
     * @throws DocumentException when the file cannot be read, is not OpenRaster, holds no merged
     *                           image (the spec asks for one since version 0.0.5), or that image is
     *                           corrupt or over the limits
     */
    public static Surface readComposite(Path file, DocumentLimits limits) throws DocumentException {
        String name = file.toString();
        byte[] png = archive(file, limits, "mergedimage.png"::equals).get("mergedimage.png"); // the layers' files read past, not kept
        if (png == null) throw new DocumentException(name + ": holds no composite (no mergedimage.png)");
        try {
            return ImageFiles.decode(png, name + ": mergedimage.png", new ImageLimits(limits.maxPixels()));
        } catch (ImageReadException e) {
            throw new DocumentException(e.getMessage(), e);
        }
    }

    public static LoadedScene read(byte[] data, String name, DocumentLimits limits) throws DocumentException {
        try {
            return read(archive(new ByteArrayInputStream(data), name, limits, n -> true), name, limits);
        } catch (DocumentException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static LoadedScene read(Map<String, byte[]> entries, String name, DocumentLimits limits) throws DocumentException {
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
        return readEntries(in, name, limits, n -> true);
    }

    /**
     * As {@link #readEntries(InputStream, String, DocumentLimits)}, keeping in memory only the
     * entries {@code keep} names: the others are still inflated, checked and counted, not kept.
     */
    static Map<String, byte[]> readEntries(InputStream in, String name, DocumentLimits limits,
                                           java.util.function.Predicate<String> keep) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            byte[] buf = new byte[64 * 1024];
            while ((e = zip.getNextEntry()) != null) {
                String n = e.getName();
                checkEntryName(n, name);
                if (seen.size() >= limits.maxEntries()) {
                    throw new DocumentException(name + ": archive has more than " + limits.maxEntries() + " entries");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (!seen.add(n)) {
                    throw new DocumentException(name + ": archive stores '" + shorten(n) + "' twice");
                }
                boolean kept = keep.test(n);
                long declared = e.getSize();
                if (declared > limits.maxEntryBytes()) {
                    throw new DocumentException(name + ": entry '" + shorten(n) + "' declares " + declared
                            + " bytes, over the limit of " + limits.maxEntryBytes() + " (zip bomb?)");
                }
                ByteArrayOutputStream out = kept ? new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192) : null;
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
                    if (kept) out.write(buf, 0, k);
                }
                if (kept) entries.put(n, out.toByteArray());
            }
        } catch (EOFException | ZipException e) {
            throw new DocumentException(name + ": truncated or corrupt archive (" + e.getMessage() + ")", e);
        }
        if (seen.isEmpty()) {
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

        /** As above; {@code ours}: a masked group's stack, whose mask's cut (for other readers) is left out. */
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
            // a group's mask of ours: its values in attributes, and for other readers a last dst-in layer we leave out
            boolean masked = !el.getAttributeNS(NS, "mask-outside").isEmpty();
            List<Layer> children = stack(el, x, y, depth + 1, masked);
            boolean isolated = !ours && ("isolate".equals(el.getAttribute("isolation")) || opacity < 1f || mode != BlendMode.SOURCE_OVER);
            String groupName = el.getAttribute("name").isEmpty() ? "group" : el.getAttribute("name");
            Rect area = Isolated.extent(children, w, h);
            Layer g;
            if (!isolated) {
                if (children.isEmpty()) return List.of();
                if (area.isEmpty()) area = new Rect(0, 0, 1, 1);
                g = Isolated.passThrough(groupName, children, area, space, budget, visible).withOpacity(opacity);
            } else {
                if (area.isEmpty()) return List.of(); // nothing of it shows
                boolean clipping = "true".equals(el.getAttributeNS(NS, "clipping"));
                g = Isolated.layer(groupName, children, area, space, budget, mode, opacity, visible, clipping);
            }
            if (!masked) return List.of(g);
            // from the stack's origin; the group sits at its layers' extent
            return List.of(g.withMask(maskOf(el, groupName).moved(x - area.x(), y - area.y())));
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
            if (!el.getAttributeNS(NS, "transform").isEmpty()) return transformed(el, name, dx, dy); // src: for other readers
            Surface pixels = entry(src);
            if ("true".equals(el.getAttribute("alpha-preserve"))) {
                warnings.add("layer '" + name + "': alpha-preserve is not supported and was ignored");
            }
            Layer l = new Layer(name, pixels, dx + intAttr(el, "x", file, 0), dy + intAttr(el, "y", file, 0), mode(el),
                    opacity(el), !"hidden".equals(el.getAttribute("visibility")));
            return el.getAttributeNS(NS, "mask-outside").isEmpty() ? l : masked(el, l);
        }

        /**
         * A transformed layer of ours: its own pixels ({@code blendbench:pixels}) at whole-pixel
         * {@code layer-x, layer-y} (from the stack's origin), resampled through the affine map
         * {@code blendbench:transform} (six numbers: m00 m01 m02 m10 m11 m12) with
         * {@code blendbench:filter}, its mask live if it has one; {@code src} (what it puts on the
         * canvas, for other readers) is not used.
         */
        private Layer transformed(Element el, String name, int dx, int dy) throws DocumentException {
            String own = el.getAttributeNS(NS, "pixels");
            if (own.isEmpty()) throw new DocumentException(file + ": layer '" + shorten(name) + "' has a transform but no blendbench:pixels");
            Surface pixels = entry(own);
            String[] m = el.getAttributeNS(NS, "transform").trim().split("\\s+");
            Layer l;
            try {
                if (m.length != 6) throw new IllegalArgumentException("six numbers expected");
                double[] v = new double[6];
                for (int k = 0; k < 6; k++) v[k] = Double.parseDouble(m[k]);
                Transform t = new Transform(v[0], v[1], v[2], v[3], v[4], v[5]);
                Filter f = Filter.parse(el.getAttributeNS(NS, "filter"));
                l = new Layer(name, pixels, dx + intValue(el, "blendbench:layer-x", el.getAttributeNS(NS, "layer-x").trim(), file, 0),
                        dy + intValue(el, "blendbench:layer-y", el.getAttributeNS(NS, "layer-y").trim(), file, 0), mode(el), opacity(el),
                        !"hidden".equals(el.getAttribute("visibility"))).withTransform(t, f);
            } catch (IllegalArgumentException e) { // NumberFormatException too
                throw new DocumentException(file + ": layer '" + shorten(name) + "' has a bad transform '"
                        + shorten(el.getAttributeNS(NS, "transform")) + "' or filter '" + shorten(el.getAttributeNS(NS, "filter"))
                        + "' (" + shorten(String.valueOf(e.getMessage())) + ")");
            }
            return el.getAttributeNS(NS, "mask-outside").isEmpty() ? l : l.withMask(maskOf(el, name));
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

    // ------------------------------------------------------------------ writing: OpenRasterWriter

    /** Saves {@code scene} to {@code file} atomically (see {@link OpenRasterWriter}). */
    public static void write(Scene scene, Path file) throws IOException {
        OpenRasterWriter.write(scene, file);
    }

    /** Writes the archive to a stream (not closed; see {@link OpenRasterWriter}). */
    public static void write(Scene scene, OutputStream os) throws IOException {
        OpenRasterWriter.write(scene, os);
    }
}

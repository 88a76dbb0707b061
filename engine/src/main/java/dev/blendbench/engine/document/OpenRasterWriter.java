package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.io.AtomicFiles;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.render.TileRenderer;
import dev.blendbench.engine.resample.Transform;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.LayerMask;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
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

/**
 * Writes {@link OpenRaster} archives: {@code mimetype} first and stored, {@code stack.xml}, a PNG
 * per distinct layer surface (layers sharing one share the file), {@code mergedimage.png} rendered
 * by the engine and a thumbnail. A transformed layer's {@code src} is the pixels it puts on its
 * canvas ({@link Layer#baked}, what other readers draw), its own pixels and its transform beside
 * them in {@code blendbench:} attributes, read back live; a group in the document's blend space
 * over transparency is a stack, isolated or, for a pass-through group, not (a faded or masked one marked {@code blendbench:pass-through});
 * a layer's pixel mask travels as {@code blendbench:} attributes beside pixels other readers can
 * draw as they are, a group's beside a last layer in its stack, the mask in dst-in, which other
 * readers draw. Reading is {@link OpenRaster}'s.
 */
final class OpenRasterWriter {
    private static final int THUMBNAIL = 256;

    private OpenRasterWriter() {}

    /** Saves {@code scene} to {@code file} atomically. */
    static void write(Scene scene, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new DocumentException(file + ": folder " + dir + " does not exist");
        }
        AtomicFiles.write(file, out -> write(scene, out));
    }

    /** Writes the archive to a stream (not closed). */
    static void write(Scene scene, OutputStream os) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(os);
        byte[] mime = OpenRaster.MIMETYPE.getBytes(StandardCharsets.US_ASCII);
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
        Written w = new Written(files, new java.util.IdentityHashMap<>(), new java.util.IdentityHashMap<>());
        name(scene, w, order, new int[1]);
        put(zip, "stack.xml", stackXml(scene, w));
        for (Surface px : order) put(zip, files.get(px), ImageFiles.encodePng(px));
        Surface merged = Surface.allocate(scene.width(), scene.height());
        TileRenderer.singleThreaded().render(scene, merged);
        put(zip, "mergedimage.png", ImageFiles.encodePng(merged));
        put(zip, "Thumbnails/thumbnail.png", ImageFiles.encodePng(thumbnail(merged)));
        zip.finish();
    }

    /**
     * Names the PNG of each layer's pixels, layers taken bottom first and a group's layers in its
     * place ({@link #asStack}): {@code data/layerN.png}, N the layer's number in that order, or
     * the name given to the first layer with the very same source surface. Layers that share their
     * pixels in memory (a layer drawn twice, as the demo scene's overlay is) share one file, and
     * read back sharing one surface: the same memory traffic for the renderer as before the save.
     * {@code order}: each file's surface once, in the order named.
     */
    private static void name(Scene scene, Written w, List<Surface> order, int[] count) {
        Map<Surface, String> files = w.files();
        for (Layer l : scene.layers()) {
            boolean stack = asStack(l, scene);
            int n = count[0]++;
            if (stack) {
                name(l.group(), w, order, count);
            } else if (l.isTransformed()) {
                // src: what it draws on its canvas (through its mask), for other readers; its own pixels beside them
                Layer baked = l.baked(scene.bounds());
                w.baked().put(l, baked);
                files.put(baked.source(), "data/layer" + n + ".png");
                order.add(baked.source());
                if (files.putIfAbsent(l.source(), "data/layer" + n + "-source.png") == null) order.add(l.source());
            } else if (files.putIfAbsent(l.source(), "data/layer" + n + ".png") == null) {
                order.add(l.source());
            }
            if (l.mask() == null) continue;
            // a transformed layer's src is already drawn through its mask: the mask's values only
            MaskFiles m = stack ? MaskFiles.ofGroup(l) : l.isTransformed() ? new MaskFiles(null, MaskFiles.values(l.mask())) : MaskFiles.of(l);
            w.masks().put(l, m);
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
     * The file names of the archive's pictures (by surface), and per layer what was made for it: a
     * masked layer's {@link MaskFiles}, a transformed layer's pixels on its canvas ({@link Layer#baked}).
     */
    private record Written(Map<Surface, String> files, Map<Layer, MaskFiles> masks, Map<Layer, Layer> baked) {}

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
         * A group's: its mask as white of the mask's alpha over the group's canvas
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

    private static byte[] stackXml(Scene scene, Written w) throws IOException {
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
            image.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:blendbench", OpenRaster.NS);
            if (scene.background() != 0) {
                image.setAttributeNS(OpenRaster.NS, "blendbench:background", Argb.toHex(scene.background()));
            }
            if (scene.blendSpace() != BlendSpace.SRGB) {
                image.setAttributeNS(OpenRaster.NS, "blendbench:blend-space", scene.blendSpace().cliName());
            }
            doc.appendChild(image);
            Element stack = doc.createElement("stack");
            image.appendChild(stack);
            appendLayers(doc, stack, scene, w);
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
    private static void appendLayers(Document doc, Element stack, Scene scene, Written w) {
        Map<Surface, String> files = w.files();
        Map<Layer, MaskFiles> masks = w.masks();
        List<Layer> layers = scene.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            boolean group = asStack(l, scene);
            Element e = doc.createElement(group ? "stack" : "layer");
            e.setAttribute("name", l.name());
            MaskFiles m = masks.get(l);
            if (group) {
                // a group's mask, on: for other readers an isolated stack ending in the mask in dst-in
                boolean cut = m != null && l.mask().enabled();
                e.setAttribute("isolation", l.isPassThrough() && !cut ? "auto" : "isolate");
                // below full opacity, or masked, the spec's "auto" isolates a stack: other readers composite it on its own (the
                // same picture for src-over layers); we read the mark back as a faded or masked pass-through group
                if (l.isPassThrough() && (l.opacity() < 1f || m != null)) e.setAttributeNS(OpenRaster.NS, "blendbench:pass-through", "true");
                if (l.group().clipping()) e.setAttributeNS(OpenRaster.NS, "blendbench:clipping", "true"); // other readers: an isolated stack
                if (m != null) maskAttributes(e, l.mask(), m, files);
            } else if (l.isTransformed()) { // other readers draw src, the pixels it puts on the canvas; we read its own back, transformed
                e.setAttribute("src", files.get(w.baked().get(l).source()));
                e.setAttributeNS(OpenRaster.NS, "blendbench:pixels", files.get(l.source()));
                Transform t = l.placement().transform();
                e.setAttributeNS(OpenRaster.NS, "blendbench:transform", t.m00() + " " + t.m01() + " " + t.m02() + " "
                        + t.m10() + " " + t.m11() + " " + t.m12());
                e.setAttributeNS(OpenRaster.NS, "blendbench:filter", l.placement().filter().cliName());
                e.setAttributeNS(OpenRaster.NS, "blendbench:layer-x", Integer.toString(l.x()));
                e.setAttributeNS(OpenRaster.NS, "blendbench:layer-y", Integer.toString(l.y()));
                if (m != null) maskAttributes(e, l.mask(), m, files);
            } else {
                e.setAttribute("src", files.get(m != null && m.drawn() != null ? m.drawn() : l.source()));
                if (m != null) { // other readers draw src; we read the layer's own pixels and its mask back
                    if (m.drawn() != null) e.setAttributeNS(OpenRaster.NS, "blendbench:pixels", files.get(l.source()));
                    maskAttributes(e, l.mask(), m, files);
                }
            }
            Layer at = l.isTransformed() ? w.baked().get(l) : l;
            e.setAttribute("x", Integer.toString(at.x()));
            e.setAttribute("y", Integer.toString(at.y()));
            e.setAttribute("opacity", Float.toString(l.opacity()));
            e.setAttribute("visibility", l.visible() ? "visible" : "hidden");
            e.setAttribute("composite-op", CompositeOps.nameOf(l.mode()));
            e.setAttributeNS(OpenRaster.NS, "blendbench:mode", l.mode().cssName());
            if (group && m != null && m.drawn() != null) { // the mask's cut, the stack's top layer: ours skip it
                Element cutLayer = doc.createElement("layer");
                cutLayer.setAttribute("name", l.name() + " (mask)");
                cutLayer.setAttribute("src", files.get(m.drawn()));
                cutLayer.setAttribute("x", "0");
                cutLayer.setAttribute("y", "0");
                cutLayer.setAttribute("composite-op", CompositeOps.nameOf(BlendMode.DESTINATION_IN));
                cutLayer.setAttributeNS(OpenRaster.NS, "blendbench:group-mask", "true");
                e.appendChild(cutLayer);
            }
            if (group) appendLayers(doc, e, l.group(), w);
            stack.appendChild(e);
        }
    }

    /** The {@code blendbench:mask} attributes of pixel mask {@code mask}, its values in {@code m}'s file. */
    private static void maskAttributes(Element e, LayerMask mask, MaskFiles m, Map<Surface, String> files) {
        if (m.values() != null) e.setAttributeNS(OpenRaster.NS, "blendbench:mask", files.get(m.values()));
        e.setAttributeNS(OpenRaster.NS, "blendbench:mask-x", Integer.toString(mask.x()));
        e.setAttributeNS(OpenRaster.NS, "blendbench:mask-y", Integer.toString(mask.y()));
        e.setAttributeNS(OpenRaster.NS, "blendbench:mask-outside", Integer.toString(mask.outside()));
        e.setAttributeNS(OpenRaster.NS, "blendbench:mask-enabled", Boolean.toString(mask.enabled()));
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

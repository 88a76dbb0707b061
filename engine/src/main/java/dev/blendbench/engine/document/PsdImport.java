package dev.blendbench.engine.document;

import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Surface;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * applied to its pixels ({@link PsdMasks}: TwelveMonkeys skips mask channels). What a scene of ours
 * cannot hold is named in a warning: adjustment and fill layers (left out), vector masks, a mask's
 * feather, layer effects, clipping, group structure (layers are flattened in order), a blend mode
 * we lack. TwelveMonkeys' metadata does not tell masks, adjustments and effects apart, so
 * {@link PsdLayerRecords} reads the layer records for that.
 */
public final class PsdImport {
    private PsdImport() {}

    /** Photoshop's blend-mode keys and ours. */
    private static final Map<String, BlendMode> MODES = Map.ofEntries(
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
                    throw new DocumentException(name + ": not a readable Photoshop file (" + OpenRaster.shorten(String.valueOf(e.getMessage())) + ")", e);
                }
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
            throw new DocumentException(name + ": not a readable Photoshop file (" + OpenRaster.shorten(String.valueOf(e.getMessage())) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new DocumentException(name + ": not enough memory to read it (raise -Xmx, or lower the file's size)", e);
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
        for (Element e : infos) {
            long lw = Long.parseLong(e.getAttribute("right")) - Long.parseLong(e.getAttribute("left"));
            long lh = Long.parseLong(e.getAttribute("bottom")) - Long.parseLong(e.getAttribute("top"));
            if (lw > 0 && lh > 0 && lw * lh <= limits.maxPixels()) budget.take(e.getAttribute("name"), lw, lh); // larger: refused below
        }
        boolean groups = false;
        for (int i = 0; i < infos.size() && i + 1 < images; i++) {
            Element e = infos.get(i);
            String layerName = e.getAttribute("name");
            int top = Integer.parseInt(e.getAttribute("top")), left = Integer.parseInt(e.getAttribute("left"));
            int bottom = Integer.parseInt(e.getAttribute("bottom")), right = Integer.parseInt(e.getAttribute("right"));
            String key = e.getAttribute("blendMode");
            PsdLayerRecords.Features f = i < features.size() ? features.get(i) : null;
            if (f != null && f.adjustment() != null) {
                warnings.add("adjustment layer '" + layerName + "' (" + f.adjustment() + ") is not supported and was left out");
                continue;
            }
            if (right <= left || bottom <= top || "true".equals(e.getAttribute("group"))
                    || "true".equals(e.getAttribute("sectionDivider")) || "pass".equals(key)) {
                groups = true; // a group's start or end marker: no pixels of its own
                continue;
            }
            if ((long) (right - left) * (bottom - top) > limits.maxPixels()) {
                throw new DocumentException(name + ": layer '" + layerName + "' is over the pixel limit");
            }
            PsdLayerRecords.PixelMask mask = f != null ? f.pixelMask() : null;
            if (f != null && f.vectorMask()) {
                warnings.add("layer '" + layerName + "': vector masks are not supported; drawn without its masks");
            } else if (mask != null && mask.feather() > 0 && !mask.disabled()) {
                warnings.add(String.format(Locale.ROOT, "layer '%s': its mask's feather (%.1f px) is not applied; the mask is used unblurred",
                        layerName, mask.feather()));
            } else if (f != null && f.mask() && mask == null) {
                warnings.add("layer '" + layerName + "': layer mask is not supported; drawn without it");
            }
            if (f != null && f.effects()) {
                warnings.add("layer '" + layerName + "': layer effects (shadows, strokes, ...) are not supported and were left out");
            }
            if (f != null && (f.text() || f.smartObject())) {
                warnings.add("layer '" + layerName + "': " + (f.text() ? "text" : "smart object") + " layer drawn from its stored pixels");
            }
            BufferedImage img = reader.read(i + 1);
            Surface pixels = surfaceOf(img, records.depth());
            if (mask != null && !mask.disabled() && f != null && !f.vectorMask()) {
                byte[] values;
                try {
                    values = PsdMasks.decode(iis, mask, records.psb(), records.depth(), limits.maxPixels());
                } catch (IOException x) {
                    throw new DocumentException(name + ": layer '" + layerName + "': its mask cannot be read ("
                            + OpenRaster.shorten(String.valueOf(x.getMessage())) + ")", x);
                }
                PsdMasks.apply(pixels, left, top, mask, values);
            }
            BlendMode mode = modeOf(key);
            if (mode == null) {
                warnings.add("layer '" + layerName + "': blend mode '" + key.trim() + "' is not supported; drawn as normal");
                mode = BlendMode.NORMAL;
            }
            if (!"base".equals(e.getAttribute("clipping")) && !e.getAttribute("clipping").isEmpty()) {
                warnings.add("layer '" + layerName + "': clipping mask is not supported; drawn unclipped");
            }
            int opacity = Integer.parseInt(e.getAttribute("opacity"));
            layers.add(new Layer(layerName.isEmpty() ? "layer " + i : layerName, pixels, left, top, mode,
                    Math.max(0, Math.min(255, opacity)) / 255f, !"false".equals(e.getAttribute("visible"))));
        }
        if (groups) {
            warnings.add("layer groups are not kept: their layers were flattened in order");
        }
        return new LoadedScene(new Scene(w, h, 0, layers), warnings);
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

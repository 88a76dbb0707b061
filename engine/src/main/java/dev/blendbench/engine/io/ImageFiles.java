package dev.blendbench.engine.io;

import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads and writes images as premultiplied {@link Surface}s through ImageIO, with TwelveMonkeys'
 * readers on the class path (CMYK JPEG, WebP, TIFF).
 *
 * <p>Reading: PNG, JPEG (CMYK and YCCK converted with their ICC profile), TIFF, BMP, GIF (first
 * frame, on the file's whole screen), WebP. A JPEG or TIFF whose EXIF / TIFF orientation says it
 * was stored turned or mirrored (as cameras and phones store photos) is turned upright, as
 * browsers and editors show it. Colour profiles are applied: JPEG's and TIFF's by their readers, a
 * PNG's ({@code iCCP}) by {@link EmbeddedProfile}, so every image arrives in sRGB. 16-bit,
 * floating-point, grey and palette images are converted to 8-bit sRGB by scaling the samples,
 * not through Java2D's linear-grey colour conversion. The declared size is checked against
 * {@link ImageLimits} from the header, before decoding. Every failure — missing file, unknown
 * format, truncated or corrupt data, too large — is an {@link ImageReadException} with a
 * one-line message that names the file.
 *
 * <p>Writing: PNG, TIFF (LZW-compressed), JPEG (quality 0.92 unless asked otherwise; JPEG has no
 * alpha, so the premultiplied colour is written, which is the image composited over black). The
 * format comes from the file extension. Writes are atomic: the image goes to a temporary file in
 * the same folder that is then moved into place, so a failure never leaves a partial file.
 */
public final class ImageFiles {
    private ImageFiles() {}

    /** Reads {@code path} within the default limits. */
    public static Surface read(Path path) throws ImageReadException {
        return read(path, ImageLimits.DEFAULT);
    }

    public static Surface read(Path path, ImageLimits limits) throws ImageReadException {
        String name = path.toString();
        if (Files.isDirectory(path)) throw new ImageReadException(name + ": is a folder, not an image file");
        // read in place (no copy of the stream in a cache file, which ImageIO makes by default)
        try {
            long size = Files.size(path);
            return decode(new FileImageInputStream(path.toFile()), size, name, limits); // decode closes it
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            if (Files.exists(path)) throw new ImageReadException(name + ": cannot read (" + oneLine(e) + ")", e);
            throw new ImageReadException(name + ": no such file");
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + oneLine(e) + ")", e);
        }
    }

    /** Decodes an image held in memory; {@code name} is used in error messages. */
    public static Surface decode(byte[] data, String name, ImageLimits limits) throws ImageReadException {
        try {
            // a memory-cached stream: ImageIO's default for a stream is a temporary file per image,
            // half as slow again, and disk I/O in the stress harness's decode stage
            return decode(new MemoryCacheImageInputStream(new ByteArrayInputStream(data)), data.length, name, limits);
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + oneLine(e) + ")", e);
        }
    }

    /**
     * The width and height an image held in memory declares in its header, without decoding its
     * pixels: what a document's layers will take, known before any of them is decoded.
     *
     * @throws ImageReadException naming {@code name}: not an image, or a header that cannot be read
     */
    public static int[] declaredSize(byte[] data, String name) throws ImageReadException {
        try (ImageInputStream iis = new ReadBudget(new MemoryCacheImageInputStream(new ByteArrayInputStream(data)), data.length)) {
            ImageReader reader = readerOf(iis, name);
            try {
                reader.setInput(iis, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } catch (IOException | RuntimeException | AssertionError e) {
                throw new ImageReadException(name + ": corrupt or truncated "
                        + reader.getFormatName().toUpperCase(Locale.ROOT) + " header (" + oneLine(e) + ")", e);
            } finally {
                reader.dispose();
            }
        } catch (ImageReadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageReadException(name + ": cannot read (" + oneLine(e) + ")", e);
        }
    }

    /** The first reader for the image {@code iis} holds; refused with a one-line reason where none knows its format. */
    private static ImageReader readerOf(ImageInputStream iis, String name) throws ImageReadException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
        if (!readers.hasNext()) {
            String known = knownButUnsupported(iis);
            throw new ImageReadException(name + (known != null
                    ? ": " + known + " images are not supported (convert it to PNG, JPEG or TIFF first)"
                    : ": not an image in a known format (PNG, JPEG, TIFF, BMP, GIF, WebP)"));
        }
        return readers.next();
    }

    /** The name of a format its first bytes identify that no reader here decodes (a phone's HEIC, say), or null. */
    static String knownButUnsupported(ImageInputStream iis) {
        byte[] head = new byte[16];
        int n;
        try {
            iis.mark();
            try {
                n = iis.read(head);
            } finally {
                iis.reset();
            }
        } catch (IOException e) {
            return null;
        }
        if (n < 12) return null;
        String ascii = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("ftyp", 4)) { // ISO base media: the brand says which
            String brand = ascii.substring(8, 12);
            if (brand.startsWith("avi")) return "AVIF";
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) return "HEIF/HEIC";
            return null;
        }
        if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0x0A || ascii.startsWith("JXL ", 4)) return "JPEG XL";
        if (ascii.startsWith("%PDF")) return "PDF";
        if (ascii.startsWith("<svg")) return "SVG";
        return null;
    }

    /** Decodes the image {@code raw} holds, and closes it. */
    private static Surface decode(ImageInputStream raw, long fileBytes, String name, ImageLimits limits) throws IOException {
        try (ImageInputStream iis = new ReadBudget(raw, fileBytes)) {
            ImageReader reader = readerOf(iis, name);
            try {
                // metadata only where it can say how to turn the image (EXIF, TIFF orientation)
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                boolean oriented = format.contains("jp") || format.contains("tif"), gif = format.equals("gif");
                java.awt.color.ICC_Profile profile = format.equals("png") ? EmbeddedProfile.ofPng(iis) : null;
                reader.setInput(iis, true, !oriented && !gif);
                int w, h, orientation = Orientation.UPRIGHT;
                GifScreen.Layout screen = null;
                BufferedImage img;
                try {
                    w = reader.getWidth(0);
                    h = reader.getHeight(0);
                    if (w <= 0 || h <= 0) {
                        throw new ImageReadException(name + ": invalid image size " + w + "x" + h);
                    }
                    if ((long) w * h > limits.maxPixels()) {
                        throw new ImageReadException(String.format(Locale.ROOT,
                                "%s: image is %dx%d (%s), over the limit of %s",
                                name, w, h, ImageLimits.describe((long) w * h), ImageLimits.describe(limits.maxPixels())));
                    }
                    if (oriented) orientation = Orientation.of(reader);
                    screen = gif ? GifScreen.of(reader) : null;
                    if (screen != null && (long) screen.screenWidth() * screen.screenHeight() > limits.maxPixels()) {
                        throw new ImageReadException(String.format(Locale.ROOT, "%s: GIF screen is %dx%d (%s), over the limit of %s",
                                name, screen.screenWidth(), screen.screenHeight(),
                                ImageLimits.describe((long) screen.screenWidth() * screen.screenHeight()),
                                ImageLimits.describe(limits.maxPixels())));
                    }
                    img = reader.read(0);
                } catch (ImageReadException e) {
                    throw e;
                } catch (IOException | RuntimeException | AssertionError e) { // plugins throw AssertionError on data they do not expect
                    throw new ImageReadException(name + ": corrupt or truncated "
                            + reader.getFormatName().toUpperCase(Locale.ROOT) + " data (" + oneLine(e) + ")", e);
                } catch (OutOfMemoryError e) {
                    throw new ImageReadException(name + ": not enough memory to decode a " + w(reader) + " image", e);
                }
                Surface read;
                try {
                    read = toSurface(img);
                } catch (RuntimeException e) { // a colour model no conversion here knows: the file's, not ours
                    throw new ImageReadException(name + ": cannot convert its " + img.getColorModel().getColorSpace().getNumComponents()
                            + "-channel colours to sRGB (" + oneLine(e) + ")", e);
                }
                if (profile != null) EmbeddedProfile.toSrgb(read, profile);
                if (screen != null) read = GifScreen.place(read, screen);
                return Orientation.apply(read, orientation);
            } finally {
                reader.dispose();
            }
        }
    }

    private static String w(ImageReader reader) {
        try {
            return reader.getWidth(0) + "x" + reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            return "large";
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    /** Converts any decoded image to a premultiplied surface (a copy). */
    public static Surface toSurface(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        Surface out = Surface.allocate(w, h);
        int[] px = out.array();
        ColorModel cm = img.getColorModel();
        int csType = cm.getColorSpace().getType();
        if (img.getType() == BufferedImage.TYPE_INT_ARGB_PRE) {
            img.getRaster().getDataElements(0, 0, w, h, px);
            return out;
        }
        if (cm instanceof ComponentColorModel
                && (csType == ColorSpace.TYPE_GRAY || (csType == ColorSpace.TYPE_RGB && cm.getColorSpace().isCS_sRGB()))) {
            readSamples(img, cm, px);
            return out;
        }
        BufferedImage src = img;
        if (cm instanceof ComponentColorModel && !(cm.getColorSpace() instanceof java.awt.color.ICC_ColorSpace)) {
            // a reader's own colour space without a profile (TwelveMonkeys' CMYK fallback for a CMYK TIFF
            // that embeds none), which ColorConvertOp fails on: its own toRGB, sample by sample
            fromColourSpace(img, cm, px);
            return out;
        }
        if (csType != ColorSpace.TYPE_RGB && csType != ColorSpace.TYPE_GRAY) {
            // CMYK, YCCK, Lab...: convert through the colour space (ICC) to sRGB first
            BufferedImage rgb = new BufferedImage(w, h, cm.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(cm.getColorSpace(), ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(img, rgb);
            src = rgb;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                px[y * w + x] = Argb.premultiply(row[x]);
            }
        }
        return out;
    }

    /** Component images in a non-ICC colour space: each pixel's colour through {@link ColorSpace#toRGB}, alpha scaled. */
    private static void fromColourSpace(BufferedImage img, ColorModel cm, int[] px) {
        Raster r = img.getRaster();
        ColorSpace cs = cm.getColorSpace();
        int w = img.getWidth(), h = img.getHeight(), bands = r.getNumBands(), colours = cs.getNumComponents();
        float[] max = new float[bands];
        for (int b = 0; b < bands; b++) max[b] = (1L << cm.getComponentSize(b)) - 1;
        int[] samples = new int[w * bands];
        float[] colour = new float[colours];
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, samples);
            for (int x = 0; x < w; x++) {
                int o = x * bands;
                for (int c = 0; c < colours; c++) colour[c] = samples[o + c] / max[c];
                float[] rgb = cs.toRGB(colour);
                int a = cm.hasAlpha() ? Math.round(samples[o + colours] / max[colours] * 255) : 255;
                int straight = a << 24 | to255(rgb[0]) << 16 | to255(rgb[1]) << 8 | to255(rgb[2]);
                px[y * w + x] = Argb.premultiply(straight);
            }
        }
    }

    private static int to255(float v) {
        return Math.clamp(Math.round(v * 255), 0, 255);
    }

    /** Grey / RGB component images of any bit depth: scale each sample to 8 bits. */
    private static void readSamples(BufferedImage img, ColorModel cm, int[] px) {
        Raster r = img.getRaster();
        int w = img.getWidth(), h = img.getHeight();
        int bands = r.getNumBands();
        boolean alpha = cm.hasAlpha();
        boolean pre = cm.isAlphaPremultiplied();
        int colourBands = alpha ? bands - 1 : bands;
        int type = r.getTransferType();
        boolean real = type == java.awt.image.DataBuffer.TYPE_FLOAT || type == java.awt.image.DataBuffer.TYPE_DOUBLE;
        double[] scale = new double[bands];
        for (int b = 0; b < bands; b++) {
            // floating-point samples (a 16- or 32-bit float TIFF) run 0 … 1; integer ones 0 … 2^bits − 1
            scale[b] = real ? 255.0 / (1 << 20) : 255.0 / ((1L << cm.getComponentSize(b)) - 1);
        }
        int[] samples = new int[w * bands];
        float[] reals = real ? new float[w * bands] : null;
        for (int y = 0; y < h; y++) {
            if (real) {
                r.getPixels(0, y, w, 1, reals);
                for (int i = 0; i < reals.length; i++) {
                    // scaled to 0 … 2^20 so that to8 rounds as for integers; NaN and negatives are 0, above 1 is 1
                    float v = reals[i];
                    samples[i] = v > 0 ? (int) (Math.min(v, 1f) * (1 << 20) + 0.5f) : 0;
                }
            } else {
                r.getPixels(0, y, w, 1, samples);
            }
            for (int x = 0; x < w; x++) {
                int o = x * bands;
                int a = alpha ? to8(samples[o + bands - 1], scale[bands - 1]) : 255;
                int cr, cg, cb;
                if (colourBands == 1) {
                    cr = cg = cb = to8(samples[o], scale[0]);
                } else {
                    cr = to8(samples[o], scale[0]);
                    cg = to8(samples[o + 1], scale[1]);
                    cb = to8(samples[o + 2], scale[2]);
                }
                int p = Argb.pack(a, cr, cg, cb);
                px[y * w + x] = pre ? Argb.pack(a, Math.min(cr, a), Math.min(cg, a), Math.min(cb, a)) : Argb.premultiply(p);
            }
        }
    }

    private static int to8(int sample, double scale) {
        return (int) Math.min(255, Math.round(sample * scale));
    }

    /** The output formats, chosen by file extension. */
    public enum Format {
        PNG("png"), JPEG("jpeg"), TIFF("tiff");

        private final String imageIoName;

        Format(String imageIoName) {
            this.imageIoName = imageIoName;
        }

        /** The format for a file name's extension, or an IllegalArgumentException naming the choices. */
        public static Format forPath(Path p) {
            String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".png")) return PNG;
            if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return JPEG;
            if (n.endsWith(".tif") || n.endsWith(".tiff")) return TIFF;
            throw new IllegalArgumentException(p + ": unknown output format; use .png, .jpg, .jpeg, .tif or .tiff");
        }
    }

    /**
     * Whether writing {@code s} to {@code path} loses transparency: the format (JPEG) has no alpha
     * and some pixel of {@code s} is not opaque, so the file holds the image composited over black.
     * Callers say so to the user. Reads every pixel at most once; a format with alpha answers at once.
     */
    public static boolean losesAlpha(Surface s, Path path) {
        if (Format.forPath(path) != Format.JPEG) return false;
        int[] a = s.array();
        for (int y = 0; y < s.height(); y++) {
            for (int i = s.index(0, y), e = i + s.width(); i < e; i++) {
                if (a[i] >>> 24 != 0xFF) return true;
            }
        }
        return false;
    }

    /** The JPEG quality written when none is asked for (0 … 1). */
    public static final float DEFAULT_JPEG_QUALITY = 0.92f;

    /** Writes {@code s} to {@code path} atomically, in the format its extension names. */
    public static void write(Surface s, Path path) throws IOException {
        write(s, path, DEFAULT_JPEG_QUALITY);
    }

    /**
     * The same, a JPEG at {@code jpegQuality} (0 … 1; ignored by the lossless formats).
     *
     * @throws IllegalArgumentException for a quality outside 0 … 1
     */
    public static void write(Surface s, Path path, float jpegQuality) throws IOException {
        Format f = Format.forPath(path);
        if (!(jpegQuality >= 0 && jpegQuality <= 1)) throw new IllegalArgumentException("JPEG quality must be 0 … 1, got " + jpegQuality);
        AtomicFiles.write(path, out -> encode(s, f, out, jpegQuality));
    }

    /**
     * Writes a 16-bit image (PNG or TIFF, by the extension) atomically: {@code rgba} holds straight
     * {@code R, G, B, A} samples, sRGB-encoded, unsigned, four a pixel, row-major (as
     * {@code DeepImage} renders them).
     *
     * @throws IllegalArgumentException for a JPEG path (JPEG holds 8 bits a channel) or an array of the wrong length
     */
    public static void writeDeep(int w, int h, short[] rgba, Path path) throws IOException {
        Format f = Format.forPath(path);
        if (f == Format.JPEG) throw new IllegalArgumentException(path + ": JPEG holds 8 bits a channel; write .png or .tif for 16");
        if (rgba.length != 4L * w * h) throw new IllegalArgumentException(rgba.length + " samples for " + w + "x" + h);
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                java.awt.Transparency.TRANSLUCENT, java.awt.image.DataBuffer.TYPE_USHORT);
        java.awt.image.WritableRaster raster = Raster.createInterleavedRaster(
                new java.awt.image.DataBufferUShort(rgba, 4 * w * h), w, h, 4 * w, 4, new int[] {0, 1, 2, 3}, null);
        BufferedImage img = new BufferedImage(cm, raster, false, null);
        // not every writer takes 16-bit samples (TwelveMonkeys' TIFF writer refuses them; the JDK's
        // takes them): the first that does, into memory, then to the file atomically
        IOException refused = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(f.imageIoName); it.hasNext(); ) {
            ImageWriter writer = it.next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, null), writeParam(writer, f, DEFAULT_JPEG_QUALITY));
            } catch (IOException | RuntimeException e) {
                refused = new IOException("no " + f + " writer takes 16-bit samples (" + oneLine(e) + ")", e);
                continue;
            } finally {
                writer.dispose();
            }
            AtomicFiles.write(path, out -> bytes.writeTo(out));
            return;
        }
        throw refused != null ? refused : new IOException("no ImageIO writer for " + f);
    }

    /** Encodes to an in-memory PNG. */
    public static byte[] encodePng(Surface s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.width() * s.height());
        try {
            encode(s, Format.PNG, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory PNG encoding failed", e);
        }
        return bytes.toByteArray();
    }

    public static void encode(Surface s, Format f, OutputStream out) throws IOException {
        encode(s, f, out, DEFAULT_JPEG_QUALITY);
    }

    private static void encode(Surface s, Format f, OutputStream out, float jpegQuality) throws IOException {
        BufferedImage img = f == Format.JPEG ? toOpaqueImage(s) : toStraightImage(s);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(f.imageIoName);
        if (!it.hasNext()) {
            throw new IOException("no ImageIO writer for " + f);
        }
        ImageWriter writer = it.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) { // not ImageIO's temporary file per image
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), writeParam(writer, f, jpegQuality));
        } finally {
            writer.dispose();
        }
    }

    /** The writer's parameters for {@code f}: JPEG at {@code jpegQuality}, TIFF LZW-compressed where the writer can. */
    private static ImageWriteParam writeParam(ImageWriter writer, Format f, float jpegQuality) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (f == Format.JPEG) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
        } else if (f == Format.TIFF && param.canWriteCompressed()
                && java.util.Arrays.asList(param.getCompressionTypes()).contains("LZW")) {
            // lossless and read by every TIFF reader (libtiff, Photoshop, GIMP): the demo composite
            // is 0.96 MB instead of 8.3 uncompressed
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
        }
        return param;
    }

    /** A straight-alpha TYPE_INT_ARGB copy (what PNG and TIFF store). */
    public static BufferedImage toStraightImage(Surface s) {
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_ARGB);
        int[] d = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < s.height(); y++) {
            int si = s.index(0, y);
            for (int x = 0; x < s.width(); x++) {
                d[y * s.width() + x] = Argb.unpremultiply(s.array()[si + x]);
            }
        }
        return img;
    }

    private static BufferedImage toOpaqueImage(Surface s) {
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        int[] d = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < s.height(); y++) {
            int si = s.index(0, y);
            for (int x = 0; x < s.width(); x++) {
                d[y * s.width() + x] = s.array()[si + x] & 0xFFFFFF;
            }
        }
        return img;
    }
}

package dev.blendbench.engine.io;

import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.stream.ImageInputStream;

/**
 * A PNG's embedded colour profile (its {@code iCCP} chunk), and the conversion of what was decoded
 * in it to sRGB. ImageIO's PNG reader decodes the samples as they are stored and ignores the
 * profile, so a Display P3 screenshot or an Adobe RGB export would be read as if its numbers were
 * sRGB: too dull. JPEG and TIFF readers (TwelveMonkeys) apply their profiles themselves.
 *
 * <p>Only RGB profiles that differ from sRGB are applied; a profile that is sRGB in all but name
 * is left alone (no rounding for nothing). A chunk that cannot be read — bad compression, too
 * large, not a profile — is ignored and the image read as sRGB, as browsers do.
 */
final class EmbeddedProfile {
    private EmbeddedProfile() {}

    /** No profile of real use is this large (a detailed printer profile is a few MB). */
    static final int MAX_PROFILE_BYTES = 16 << 20;
    private static final int SIGNATURE = 8;
    private static final int MAX_CHUNKS_BEFORE_IDAT = 10_000;
    /** Pixels converted in one call: the work buffers stay a few MB whatever the image. */
    private static final int BAND_PIXELS = 1 << 20;

    /**
     * The RGB profile a PNG's {@code iCCP} chunk holds, or null (none, unreadable, not RGB, or
     * effectively sRGB). Reads from the start of {@code in} and leaves it at the start again.
     */
    static ICC_Profile ofPng(ImageInputStream in) throws IOException {
        long start = in.getStreamPosition();
        java.nio.ByteOrder order = in.getByteOrder();
        try {
            in.setByteOrder(java.nio.ByteOrder.BIG_ENDIAN); // PNG's
            in.seek(start + SIGNATURE);
            for (int chunk = 0; chunk < MAX_CHUNKS_BEFORE_IDAT; chunk++) {
                long length = in.readUnsignedInt();
                byte[] type = new byte[4];
                in.readFully(type);
                String t = new String(type, StandardCharsets.ISO_8859_1);
                if (t.equals("IDAT") || t.equals("IEND")) return null; // iCCP comes before the image data
                if (t.equals("iCCP")) return length > MAX_PROFILE_BYTES ? null : rgbProfile(iccp(in, (int) length));
                in.seek(in.getStreamPosition() + length + 4); // data and CRC
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // a profile never fails the image: the reader says what is wrong with the data
        } finally {
            in.setByteOrder(order);
            in.seek(start);
        }
    }

    /** The decompressed profile of an {@code iCCP} chunk's {@code length} bytes of data. */
    private static byte[] iccp(ImageInputStream in, int length) throws IOException {
        byte[] data = new byte[length];
        in.readFully(data);
        int name = 0;
        while (name < Math.min(80, length) && data[name] != 0) name++;
        int from = name + 2; // the name's terminator and the compression method (0: deflate)
        if (from >= length || data[name + 1] != 0) return null;
        Inflater inf = new Inflater();
        try {
            inf.setInput(data, from, length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) return null; // truncated
                out.write(buf, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) return null; // a decompression bomb
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }

    private static ICC_Profile rgbProfile(byte[] data) {
        if (data == null) return null;
        ICC_Profile p = ICC_Profile.getInstance(data); // IllegalArgumentException for what is not a profile
        if (p.getColorSpaceType() != ColorSpace.TYPE_RGB || p.getNumComponents() != 3) return null;
        return isEffectivelySrgb(p) ? null : p;
    }

    /** True if every test colour converts from {@code p} to sRGB within one 8-bit step (an sRGB profile of another make). */
    private static boolean isEffectivelySrgb(ICC_Profile p) {
        int[] probes = {0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x808080, 0x404040, 0xC08040, 0x2060A0};
        int[] out = convert(new ICC_ColorSpace(p), probes);
        for (int i = 0; i < probes.length; i++) {
            for (int s = 0; s < 24; s += 8) {
                if (Math.abs(((probes[i] >> s) & 0xFF) - ((out[i] >> s) & 0xFF)) > 1) return false;
            }
        }
        return true;
    }

    /** Straight {@code 0xRRGGBB} colours in {@code from}, converted to sRGB. */
    private static int[] convert(ColorSpace from, int[] rgb) {
        return convert(from, rgb, rgb.length);
    }

    /** The first {@code n} of them. */
    private static int[] convert(ColorSpace from, int[] rgb, int n) {
        byte[] in = new byte[3 * n];
        for (int i = 0; i < n; i++) {
            in[3 * i] = (byte) (rgb[i] >> 16);
            in[3 * i + 1] = (byte) (rgb[i] >> 8);
            in[3 * i + 2] = (byte) rgb[i];
        }
        ComponentColorModel srcModel = new ComponentColorModel(from, false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster srcRaster = Raster.createInterleavedRaster(new DataBufferByte(in, in.length), n, 1, 3 * n, 3, new int[] {0, 1, 2}, null);
        BufferedImage src = new BufferedImage(srcModel, srcRaster, false, null);
        ComponentColorModel dstModel = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster dstRaster = dstModel.createCompatibleWritableRaster(n, 1);
        BufferedImage dst = new BufferedImage(dstModel, dstRaster, false, null);
        new ColorConvertOp(from, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(src, dst);
        byte[] o = ((DataBufferByte) dstRaster.getDataBuffer()).getData();
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = (o[3 * i] & 0xFF) << 16 | (o[3 * i + 1] & 0xFF) << 8 | (o[3 * i + 2] & 0xFF);
        }
        return result;
    }

    /**
     * {@code s}, decoded as the numbers stored in {@code profile}'s colour space, converted to
     * sRGB in place: each pixel's straight colour converted, its alpha kept.
     */
    static Surface toSrgb(Surface s, ICC_Profile profile) {
        ColorSpace from = new ICC_ColorSpace(profile);
        int w = s.width(), h = s.height();
        int rows = Math.max(1, BAND_PIXELS / w);
        int[] band = new int[Math.min(h, rows) * w];
        for (int y0 = 0; y0 < h; y0 += rows) {
            int y1 = Math.min(h, y0 + rows), n = (y1 - y0) * w;
            for (int y = y0; y < y1; y++) {
                for (int x = 0; x < w; x++) band[(y - y0) * w + x] = Argb.unpremultiply(s.getPixel(x, y)) & 0xFFFFFF;
            }
            int[] converted = convert(from, band, n);
            for (int y = y0; y < y1; y++) {
                for (int x = 0; x < w; x++) {
                    int a = s.getPixel(x, y) >>> 24;
                    s.setPixel(x, y, Argb.premultiply(a << 24 | converted[(y - y0) * w + x]));
                }
            }
        }
        return s;
    }
}

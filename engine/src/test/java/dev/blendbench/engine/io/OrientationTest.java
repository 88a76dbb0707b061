package dev.blendbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Photos stored turned, with the EXIF or TIFF orientation saying so, read upright. The expected
 * corners come from the TIFF 6.0 specification's wording of each value (where the stored first row
 * and first column are shown), not from the code's mapping.
 */
public class OrientationTest {
    static final int W = 64, H = 32;
    static final int TL = 0xFFFF0000, TR = 0xFF00FF00, BL = 0xFF0000FF, BR = 0xFFFFFFFF;

    /** Four flat quadrants, so JPEG's loss cannot blur which is where. */
    static Surface quadrants() {
        Surface s = Surface.allocate(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                s.setPixel(x, y, y < H / 2 ? (x < W / 2 ? TL : TR) : (x < W / 2 ? BL : BR));
            }
        }
        return s;
    }

    /** An EXIF block (after "Exif\0\0"): a TIFF header and IFD0 with one SHORT entry, tag 274. */
    public static byte[] exif(ByteOrder order, int orientation) {
        ByteBuffer b = ByteBuffer.allocate(26).order(order);
        b.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I').put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        b.putShort((short) 42).putInt(8);
        b.putShort((short) 1);
        b.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0);
        return b.array();
    }

    /** A JPEG of {@code s} with {@code tiff} as its EXIF block (APP1), right after the SOI marker. */
    public static byte[] jpegWithExif(Surface s, byte[] tiff) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageFiles.encode(s, ImageFiles.Format.JPEG, jpeg);
        byte[] j = jpeg.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(j, 0, 2);
        int len = 2 + 6 + tiff.length;
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0});
        out.write(tiff);
        out.write(j, 2, j.length - 2);
        return out.toByteArray();
    }

    /** A minimal uncompressed RGB TIFF of {@code s} whose IFD0 carries the orientation. */
    static byte[] tiff(Surface s, int orientation) {
        int w = s.width(), h = s.height(), pixels = 3 * w * h, entries = 10;
        int ifd = 8 + pixels, bps = ifd + 2 + 12 * entries + 4;
        ByteBuffer b = ByteBuffer.allocate(bps + 6).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = s.getPixel(x, y);
                b.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p);
            }
        }
        b.putShort((short) entries);
        entry(b, 256, 3, 1, w);
        entry(b, 257, 3, 1, h);
        entry(b, 258, 3, 3, bps);
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, 2);
        entry(b, 273, 4, 1, 8);
        entry(b, 274, 3, 1, orientation);
        entry(b, 277, 3, 1, 3);
        entry(b, 278, 3, 1, h);
        entry(b, 279, 4, 1, pixels);
        b.putInt(0);
        b.putShort((short) 8).putShort((short) 8).putShort((short) 8);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
        else b.putInt(value);
    }

    /** Where the stored top-left and top-right corners must be shown, per the TIFF 6.0 wording. */
    static int[] expectedCorners(int orientation) {
        // corners of the upright image: TL, TR, BL, BR; each entry names the stored corner shown there
        return switch (orientation) {
            case 1 -> new int[] {TL, TR, BL, BR};
            case 2 -> new int[] {TR, TL, BR, BL}; // row 0 at the top, column 0 on the right
            case 3 -> new int[] {BR, BL, TR, TL}; // row 0 at the bottom, column 0 on the right
            case 4 -> new int[] {BL, BR, TL, TR}; // row 0 at the bottom, column 0 on the left
            case 5 -> new int[] {TL, BL, TR, BR}; // row 0 on the left, column 0 at the top
            case 6 -> new int[] {BL, TL, BR, TR}; // row 0 on the right, column 0 at the top
            case 7 -> new int[] {BR, TR, BL, TL}; // row 0 on the right, column 0 at the bottom
            case 8 -> new int[] {TR, BR, TL, BL}; // row 0 on the left, column 0 at the bottom
            default -> throw new IllegalArgumentException();
        };
    }

    static void assertCorners(Surface s, int orientation, String what) {
        boolean swap = orientation >= 5;
        assertEquals(swap ? H : W, s.width(), what);
        assertEquals(swap ? W : H, s.height(), what);
        int[] want = expectedCorners(orientation);
        int[] got = {s.getPixel(2, 2), s.getPixel(s.width() - 3, 2), s.getPixel(2, s.height() - 3), s.getPixel(s.width() - 3, s.height() - 3)};
        for (int i = 0; i < 4; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                int d = Math.abs(((want[i] >>> shift) & 0xFF) - ((got[i] >>> shift) & 0xFF));
                assertTrue(d < 40, what + ": corner " + i + " is " + Integer.toHexString(got[i]) + ", want " + Integer.toHexString(want[i]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegWithExifOrientation_readsUpright_inEitherByteOrder(int orientation) throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            byte[] file = jpegWithExif(quadrants(), exif(order, orientation));
            assertCorners(ImageFiles.decode(file, "photo.jpg", ImageLimits.DEFAULT), orientation, order + " " + orientation);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6, 8})
    void tiffWithOrientation_readsUpright(int orientation) throws IOException {
        assertCorners(ImageFiles.decode(tiff(quadrants(), orientation), "scan.tif", ImageLimits.DEFAULT), orientation, "tiff " + orientation);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 65535})
    void outOfRangeOrientation_readsAsStored(int orientation) throws IOException {
        byte[] file = jpegWithExif(quadrants(), exif(ByteOrder.BIG_ENDIAN, orientation));
        assertCorners(ImageFiles.decode(file, "odd.jpg", ImageLimits.DEFAULT), 1, "orientation " + orientation);
    }

    /** An EXIF block of garbage, truncated, or pointing outside itself never fails the image: it reads as stored. */
    @org.junit.jupiter.api.Test
    void hostileExifBlocks_readAsStored() throws IOException {
        SplittableRandom rnd = new SplittableRandom(3);
        byte[] good = exif(ByteOrder.BIG_ENDIAN, 6);
        java.util.List<byte[]> hostile = new java.util.ArrayList<>();
        hostile.add(new byte[0]);
        hostile.add(java.util.Arrays.copyOf(good, 7)); // cut inside the header
        hostile.add(java.util.Arrays.copyOf(good, 15)); // cut inside the entry
        byte[] farIfd = good.clone();
        farIfd[4] = 0x7F; // IFD0 at ~2 GB
        hostile.add(farIfd);
        byte[] manyEntries = good.clone();
        manyEntries[8] = (byte) 0xFF;
        manyEntries[9] = (byte) 0xFF; // 65,535 entries in 26 bytes
        hostile.add(manyEntries);
        byte[] loop = good.clone();
        loop[25] = 8; // next IFD: itself
        hostile.add(loop);
        byte[] asciiType = good.clone();
        asciiType[13] = 2; // the orientation as ASCII
        hostile.add(asciiType);
        for (int i = 0; i < 200; i++) {
            byte[] b = good.clone();
            for (int k = 0; k < 3; k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            hostile.add(b);
        }
        for (byte[] h : hostile) {
            Surface s = ImageFiles.decode(jpegWithExif(quadrants(), h), "hostile.jpg", ImageLimits.DEFAULT);
            boolean stored = s.width() == W, turned = s.width() == H;
            assertTrue(stored || turned, "read at " + s.width() + "x" + s.height());
        }
        for (int k = 0; k < 7; k++) {
            Surface s = ImageFiles.decode(jpegWithExif(quadrants(), hostile.get(k)), "hostile.jpg", ImageLimits.DEFAULT);
            assertCorners(s, k == 5 ? 6 : 1, "hostile block " + k); // the self-linked IFD0 still says 6
        }
    }
}

package dev.blendbench.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.colour.Srgb;
import dev.blendbench.engine.surface.Surface;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** A PNG's embedded colour profile (iCCP) is applied, so what it shows arrives in sRGB. */
public class EmbeddedProfileTest {
    /** A grey ramp 0 … 255 across, half of it translucent. */
    static Surface ramp() {
        Surface s = Surface.allocate(256, 2);
        for (int x = 0; x < 256; x++) {
            s.setPixel(x, 0, 0xFF000000 | x << 16 | x << 8 | x);
            s.setPixel(x, 1, dev.blendbench.engine.surface.Argb.premultiply(0x80000000 | x << 16 | x << 8 | x));
        }
        return s;
    }

    /** {@code png} with an iCCP chunk of {@code chunkData} (name, method, compressed profile) right after IHDR. */
    public static byte[] withChunk(byte[] png, String type, byte[] chunkData) {
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteBuffer chunk = ByteBuffer.allocate(12 + chunkData.length);
        chunk.putInt(chunkData.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(chunkData);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + chunkData.length);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk.array());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    public static byte[] iccp(String name, byte[] profile) {
        Deflater d = new Deflater();
        d.setInput(profile);
        d.finish();
        byte[] buf = new byte[profile.length + 1024];
        int n = d.deflate(buf);
        d.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.write(0);
        out.write(buf, 0, n);
        return out.toByteArray();
    }

    @Test
    void pngInLinearRgb_isEncodedToSrgb_asTheCurveSays() throws Exception {
        byte[] png = withChunk(ImageFiles.encodePng(ramp()), "iCCP",
                iccp("linear", ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()));
        Surface s = ImageFiles.decode(png, "linear.png", ImageLimits.DEFAULT);
        int worst = 0;
        for (int x = 0; x < 256; x++) {
            int want = (int) Math.round(Srgb.toEncoded(x / 255.0) * 255);
            worst = Math.max(worst, Math.abs((s.getPixel(x, 0) & 0xFF) - want));
        }
        // the JDK's colour engine quantises its curves: a few levels at the dark end, where sRGB is steepest
        assertTrue(worst <= 4, "worst " + worst);
        assertEquals(188, s.getPixel(128, 0) & 0xFF, 1);
        int translucent = s.getPixel(128, 1);
        assertEquals(0x80, translucent >>> 24, "alpha kept");
        assertEquals(Math.round(188 * 128 / 255f), translucent & 0xFF, 1.5, "colour re-premultiplied");
    }

    @Test
    void pngWithAnSrgbProfile_isLeftBitForBit() throws Exception {
        byte[] plain = ImageFiles.encodePng(ramp());
        byte[] tagged = withChunk(plain, "iCCP", iccp("sRGB", ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        assertArrayEquals(ImageFiles.decode(plain, "a.png", ImageLimits.DEFAULT).toArray(),
                ImageFiles.decode(tagged, "b.png", ImageLimits.DEFAULT).toArray());
    }

    /** A chunk that cannot be a profile leaves the image as stored, never fails it. */
    @Test
    void hostileIccpChunks_readTheImageAsStored() throws Exception {
        byte[] plain = ImageFiles.encodePng(ramp());
        int[] stored = ImageFiles.decode(plain, "a.png", ImageLimits.DEFAULT).toArray();
        byte[] good = iccp("linear", ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        byte[] badZlib = good.clone();
        for (int i = 10; i < 40; i++) badZlib[i] ^= 0x5A;
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] notAProfile = iccp("junk", "this is not an ICC profile at all".repeat(10).getBytes(StandardCharsets.US_ASCII));
        byte[] bomb = iccp("bomb", new byte[40 << 20]); // 40 MB of zeros in ~40 KB
        byte[] noName = new byte[] {0};
        byte[] greyProfile = iccp("grey", ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());
        byte[] unknownMethod = good.clone();
        unknownMethod["linear".length() + 1] = 7;
        for (byte[] chunk : new byte[][] {badZlib, truncated, notAProfile, bomb, noName, greyProfile, unknownMethod, new byte[0]}) {
            byte[] png = withChunk(plain, "iCCP", chunk);
            assertArrayEquals(stored, ImageFiles.decode(png, "hostile.png", ImageLimits.DEFAULT).toArray(), chunk.length + " bytes");
        }
        assertTrue(bomb.length < 100_000, "the bomb is small: " + bomb.length);
    }
}

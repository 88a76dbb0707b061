package dev.blendbench.engine.document;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads just the layer records of a PSD/PSB file — what TwelveMonkeys' metadata does not show:
 * whether a layer has a mask, is an adjustment or fill layer, carries effects, is text or a smart
 * object. Pixel data is skipped. Every length is checked against what is left of the file, so a
 * hostile file ends in an {@link IOException}, never in a huge allocation.
 */
final class PsdLayerRecords {
    private PsdLayerRecords() {}

    /** What one layer record says beyond its pixels. */
    record Features(String name, boolean mask, String adjustment, boolean effects, boolean text, boolean smartObject) {}

    private static final Map<String, String> ADJUSTMENTS = Map.ofEntries(
            Map.entry("SoCo", "solid colour fill"), Map.entry("GdFl", "gradient fill"), Map.entry("PtFl", "pattern fill"),
            Map.entry("brit", "brightness/contrast"), Map.entry("levl", "levels"), Map.entry("curv", "curves"),
            Map.entry("expA", "exposure"), Map.entry("vibA", "vibrance"), Map.entry("hue ", "hue/saturation"),
            Map.entry("hue2", "hue/saturation"), Map.entry("blnc", "colour balance"), Map.entry("blwh", "black and white"),
            Map.entry("phfl", "photo filter"), Map.entry("mixr", "channel mixer"), Map.entry("clrL", "colour lookup"),
            Map.entry("nvrt", "invert"), Map.entry("post", "posterize"), Map.entry("thrs", "threshold"),
            Map.entry("grdm", "gradient map"), Map.entry("selc", "selective colour"));

    /** The layer records, bottom layer first (the file's order); empty if the file has no layers. */
    static List<Features> read(ImageInputStream in, int maxLayers) throws IOException {
        long fileLength = in.length();
        in.seek(0);
        byte[] sig = new byte[4];
        in.readFully(sig);
        if (!"8BPS".equals(new String(sig, StandardCharsets.US_ASCII))) {
            throw new IOException("not a PSD file");
        }
        int version = in.readUnsignedShort();
        if (version != 1 && version != 2) {
            throw new IOException("unknown PSD version " + version);
        }
        boolean psb = version == 2;
        in.skipBytes(6 + 2 + 4 + 4 + 2 + 2);
        skipSection(in, in.readUnsignedInt(), fileLength); // colour mode data
        skipSection(in, in.readUnsignedInt(), fileLength); // image resources
        long layerAndMask = psb ? in.readLong() : in.readUnsignedInt();
        check(in, layerAndMask, fileLength);
        if (layerAndMask == 0) {
            return List.of();
        }
        long layerInfo = psb ? in.readLong() : in.readUnsignedInt();
        check(in, layerInfo, fileLength);
        if (layerInfo == 0) {
            return List.of();
        }
        int count = Math.abs(in.readShort());
        if (count > maxLayers) {
            throw new IOException("more than " + maxLayers + " layers");
        }
        List<Features> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            in.skipBytes(16); // rectangle
            int channels = in.readUnsignedShort();
            if (channels > 56) {
                throw new IOException("layer " + i + " declares " + channels + " channels");
            }
            boolean userMask = false;
            for (int c = 0; c < channels; c++) {
                short id = in.readShort();
                if (id == -2 || id == -3) userMask = true;
                in.skipBytes(psb ? 8 : 4);
            }
            in.readFully(sig); // '8BIM'
            byte[] key = new byte[4];
            in.readFully(key);
            in.skipBytes(4); // opacity, clipping, flags, filler
            long extra = in.readUnsignedInt();
            check(in, extra, fileLength);
            long end = in.getStreamPosition() + extra;
            long maskLength = in.readUnsignedInt();
            check(in, maskLength, fileLength);
            in.skipBytes((int) Math.min(Integer.MAX_VALUE, maskLength));
            long ranges = in.readUnsignedInt();
            check(in, ranges, fileLength);
            in.skipBytes((int) Math.min(Integer.MAX_VALUE, ranges));
            int nameLength = in.readUnsignedByte();
            byte[] nameBytes = new byte[nameLength];
            in.readFully(nameBytes);
            int padded = (nameLength + 1 + 3) & ~3;
            in.skipBytes(padded - nameLength - 1);
            String adjustment = null;
            boolean effects = false, text = false, smart = false, vectorMask = false;
            while (in.getStreamPosition() + 12 <= end) {
                in.readFully(sig);
                String s = new String(sig, StandardCharsets.US_ASCII);
                if (!s.equals("8BIM") && !s.equals("8B64")) {
                    break; // not a tagged block: stop reading extras of this layer
                }
                in.readFully(key);
                String k = new String(key, StandardCharsets.US_ASCII);
                long len = in.readUnsignedInt();
                check(in, len, fileLength);
                if (ADJUSTMENTS.containsKey(k)) adjustment = ADJUSTMENTS.get(k);
                if (k.equals("lrFX") || k.equals("lfx2") || k.equals("lmfx")) effects = true;
                if (k.equals("TySh") || k.equals("tySh")) text = true;
                if (k.equals("SoLd") || k.equals("PlLd") || k.equals("SoLE")) smart = true;
                if (k.equals("vmsk") || k.equals("vsms")) vectorMask = true;
                in.seek(in.getStreamPosition() + len);
            }
            in.seek(end);
            out.add(new Features(new String(nameBytes, StandardCharsets.ISO_8859_1), userMask || maskLength >= 20 || vectorMask,
                    adjustment, effects, text, smart));
        }
        return out;
    }

    private static void skipSection(ImageInputStream in, long length, long fileLength) throws IOException {
        check(in, length, fileLength);
        in.seek(in.getStreamPosition() + length);
    }

    private static void check(ImageInputStream in, long length, long fileLength) throws IOException {
        if (length < 0 || (fileLength >= 0 && in.getStreamPosition() + length > fileLength)) {
            throw new EOFException("section of " + length + " bytes runs past the end of the file");
        }
    }
}

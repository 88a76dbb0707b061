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
 * a layer's masks (where its pixel mask's data lies, its vector mask's paths), its place in the
 * group structure and a group's blend mode, whether it is an adjustment or a colour fill layer (and
 * the fill's descriptor), its fill opacity and blending ranges, and whether it carries effects, is
 * text or a smart object. Pixel data is skipped. Every length is checked against what is left of
 * the file, so a hostile file ends in an {@link IOException}, never in a huge allocation; a block
 * kept for decoding is at most {@link #MAX_BLOCK} bytes.
 */
final class PsdLayerRecords {
    private PsdLayerRecords() {}

    /**
     * What one layer record says beyond its pixels.
     *
     * @param mask        whether the layer has any mask (pixel or vector)
     * @param pixelMask   its pixel mask, where one can be applied: null without one
     * @param vectorMask  whether it has a vector mask (a path)
     * @param vectorData  the vector mask's block ({@code vmsk} / {@code vsms}), or null
     * @param solidColour a solid colour fill layer's block ({@code SoCo}), or null
     * @param section     what the record is in the group structure: {@link #NO_SECTION}, an open or
     *                    closed group's own record ({@link #GROUP_OPEN}, {@link #GROUP_CLOSED}: above
     *                    its layers in the file's bottom-first order), or the divider below them
     *                    ({@link #GROUP_END})
     * @param sectionKey  a group's blend-mode key from its section block ({@code pass}: pass-through),
     *                    or null
     * @param fill        the layer's fill opacity, 0..255 (Photoshop's "Fill": its pixels' opacity,
     *                    beside the opacity of the whole layer with its effects)
     * @param blendIf     whether its blending ranges ("Blend If") are other than the default, which
     *                    lets every pixel through
     */
    record Features(String name, boolean mask, PixelMask pixelMask, boolean vectorMask, byte[] vectorData,
                    byte[] solidColour, String adjustment, boolean effects, boolean text, boolean smartObject,
                    int section, String sectionKey, int fill, boolean blendIf) {
        /** Whether this record opens or closes a group rather than holding pixels. */
        boolean isGroupRecord() { return section != NO_SECTION; }

        /** These features with the pixel mask found once the channels' places are known. */
        Features withPixelMask(PixelMask m) {
            return new Features(name, mask, m, vectorMask, vectorData, solidColour, adjustment, effects, text, smartObject,
                    section, sectionKey, fill, blendIf);
        }
    }

    /** The blocks whose length a PSB writes in 8 bytes (Adobe's list). */
    private static final java.util.Set<String> LONG_IN_PSB = java.util.Set.of("LMsk", "Lr16", "Lr32", "Layr", "Mt16",
            "Mt32", "Mtrn", "Alph", "FMsk", "lnk2", "FEid", "FXid", "PxSD");

    /** Section types of an {@code lsct}/{@code lsdk} block. */
    static final int NO_SECTION = 0, GROUP_OPEN = 1, GROUP_CLOSED = 2, GROUP_END = 3;

    /**
     * A layer's pixel mask as the file describes it (Adobe's "layer mask / adjustment layer data"
     * and the mask's channel): its rectangle in canvas coordinates, the value outside it, its flags
     * and parameters, and where its channel's data (the compression code, then the samples) lies.
     *
     * @param defaultValue  the mask's value outside its rectangle (0 or 255)
     * @param disabled      flag bit 1: Photoshop draws the layer as if it had no mask
     * @param rendered      flag bit 3: the mask is a rendering of other data (the vector mask)
     * @param inverted      flag bit 2 (obsolete): the mask is inverted when blending
     * @param density       0..255: how much the mask hides (255: fully; lower lets the layer through)
     * @param feather       the feather radius in pixels (0: none)
     * @param dataOffset    file offset of the channel's data
     * @param dataLength    its length in bytes, the 2-byte compression code included
     */
    record PixelMask(int top, int left, int bottom, int right, int defaultValue, boolean disabled, boolean rendered,
                     boolean inverted, int density, double feather, long dataOffset, long dataLength) {
        int width() { return right - left; }

        int height() { return bottom - top; }
    }

    /**
     * A file's layer records, bottom layer first (the file's order), with the header fields its
     * masks' data needs to be decoded.
     *
     * @param psb    a large-document file (wider lengths)
     * @param depth  bits per channel sample: 1, 8, 16 or 32
     */
    record Records(boolean psb, int depth, List<Features> layers) {}

    /** The mask fields of a layer record, before the channel's place in the file is known. */
    private record MaskRecord(int top, int left, int bottom, int right, int defaultValue, int flags, int density,
                              double feather) {}

    private static final Map<String, String> ADJUSTMENTS = Map.ofEntries(
            Map.entry("SoCo", "solid colour fill"), Map.entry("GdFl", "gradient fill"), Map.entry("PtFl", "pattern fill"),
            Map.entry("brit", "brightness/contrast"), Map.entry("levl", "levels"), Map.entry("curv", "curves"),
            Map.entry("expA", "exposure"), Map.entry("vibA", "vibrance"), Map.entry("hue ", "hue/saturation"),
            Map.entry("hue2", "hue/saturation"), Map.entry("blnc", "colour balance"), Map.entry("blwh", "black and white"),
            Map.entry("phfl", "photo filter"), Map.entry("mixr", "channel mixer"), Map.entry("clrL", "colour lookup"),
            Map.entry("nvrt", "invert"), Map.entry("post", "posterize"), Map.entry("thrs", "threshold"),
            Map.entry("grdm", "gradient map"), Map.entry("selc", "selective colour"));

    /** The layer records; none if the file has no layers. */
    static Records read(ImageInputStream in, int maxLayers) throws IOException {
        long fileLength = in.length();
        signature(in);
        byte[] sig = new byte[4];
        int version = in.readUnsignedShort();
        if (version != 1 && version != 2) {
            throw new IOException("unknown PSD version " + version);
        }
        boolean psb = version == 2;
        in.skipBytes(6 + 2 + 4 + 4);
        int depth = in.readUnsignedShort();
        in.skipBytes(2);

        skipSection(in, in.readUnsignedInt(), fileLength); // colour mode data
        skipSection(in, in.readUnsignedInt(), fileLength); // image resources
        long layerAndMask = psb ? in.readLong() : in.readUnsignedInt();
        check(in, layerAndMask, fileLength);
        if (layerAndMask == 0) {
            return new Records(psb, depth, List.of());
        }
        long layerInfo = psb ? in.readLong() : in.readUnsignedInt();
        check(in, layerInfo, fileLength);
        if (layerInfo == 0) {
            return new Records(psb, depth, List.of());
        }
        int count = Math.abs(in.readShort());
        if (count > maxLayers) {
            throw new IOException("more than " + maxLayers + " layers");
        }
        List<Features> out = new ArrayList<>(count);
        List<short[]> channelIds = new ArrayList<>(count);
        List<long[]> channelLengths = new ArrayList<>(count);
        List<MaskRecord> maskRecords = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            in.skipBytes(16); // rectangle
            int channels = in.readUnsignedShort();
            if (channels > 56) {
                throw new IOException("layer " + i + " declares " + channels + " channels");
            }
            boolean userMask = false;
            short[] ids = new short[channels];
            long[] lengths = new long[channels];
            for (int c = 0; c < channels; c++) {
                ids[c] = in.readShort();
                if (ids[c] == -2 || ids[c] == -3) userMask = true;
                lengths[c] = psb ? in.readLong() : in.readUnsignedInt();
                check(in, lengths[c], fileLength);
            }
            channelIds.add(ids);
            channelLengths.add(lengths);
            in.readFully(sig); // '8BIM'
            byte[] key = new byte[4];
            in.readFully(key);
            in.skipBytes(4); // opacity, clipping, flags, filler
            long extra = in.readUnsignedInt();
            check(in, extra, fileLength);
            long end = in.getStreamPosition() + extra;
            long maskLength = in.readUnsignedInt();
            check(in, maskLength, fileLength);
            long maskEnd = in.getStreamPosition() + maskLength;
            maskRecords.add(maskLength >= 20 ? maskRecord(in, maskLength) : null);
            in.seek(maskEnd);
            long ranges = in.readUnsignedInt();
            check(in, ranges, fileLength);
            boolean blendIf = false; // a range other than Photoshop's default, black 0 to white 255 (as 16-bit pairs)
            for (long r = 0; r + 4 <= ranges; r += 4) blendIf |= in.readInt() != 0x0000FFFF;
            in.skipBytes((int) (ranges % 4));
            int nameLength = in.readUnsignedByte();
            byte[] nameBytes = new byte[nameLength];
            in.readFully(nameBytes);
            int padded = (nameLength + 1 + 3) & ~3;
            in.skipBytes(padded - nameLength - 1);
            String adjustment = null;
            boolean effects = false, text = false, smart = false, vectorMask = false;
            int section = NO_SECTION, fill = 255;
            String sectionKey = null;
            byte[] vectorData = null, solidColour = null;
            while (in.getStreamPosition() + 12 <= end) {
                in.readFully(sig);
                String s = new String(sig, StandardCharsets.US_ASCII);
                if (!s.equals("8BIM") && !s.equals("8B64")) {
                    break; // not a tagged block: stop reading extras of this layer
                }
                in.readFully(key);
                String k = new String(key, StandardCharsets.US_ASCII);
                long len = psb && LONG_IN_PSB.contains(k) ? in.readLong() : in.readUnsignedInt();
                check(in, len, fileLength);
                long data = in.getStreamPosition();
                if (ADJUSTMENTS.containsKey(k)) adjustment = ADJUSTMENTS.get(k);
                if (k.equals("lrFX") || k.equals("lfx2") || k.equals("lmfx")) effects = true;
                if (k.equals("TySh") || k.equals("tySh")) text = true;
                if (k.equals("SoLd") || k.equals("PlLd") || k.equals("SoLE")) smart = true;
                if (k.equals("vmsk") || k.equals("vsms")) {
                    vectorMask = true;
                    vectorData = block(in, len);
                }
                if (k.equals("SoCo")) solidColour = block(in, len);
                if (k.equals("iOpa") && len >= 1) fill = in.readUnsignedByte();
                if ((k.equals("lsct") || k.equals("lsdk")) && len >= 4) {
                    int type = in.readInt();
                    section = type >= GROUP_OPEN && type <= GROUP_END ? type : NO_SECTION;
                    if (len >= 12) {
                        in.readFully(sig); // '8BIM'
                        in.readFully(key);
                        sectionKey = new String(key, StandardCharsets.US_ASCII);
                    }
                }
                in.seek(data + len);
            }
            in.seek(end);
            out.add(new Features(new String(nameBytes, StandardCharsets.ISO_8859_1), userMask || maskLength >= 20 || vectorMask,
                    null, vectorMask, vectorData, solidColour, adjustment, effects, text, smart, section, sectionKey, fill, blendIf));
        }
        // the channels' data follow the records: layer by layer, each channel's in the order listed
        long at = in.getStreamPosition();
        for (int i = 0; i < count; i++) {
            short[] ids = channelIds.get(i);
            long[] lengths = channelLengths.get(i);
            Features f = out.get(i);
            // the pixel mask is channel -2 under the first fields (beside a vector mask, channel -3
            // under the "real" fields is the two combined, which the vector mask's own rendering replaces)
            MaskRecord m = maskRecords.get(i);
            for (int c = 0; c < ids.length; c++) {
                if (ids[c] == -2 && m != null && lengths[c] >= 2 && at + lengths[c] <= fileLength) {
                    out.set(i, f.withPixelMask(new PixelMask(m.top(), m.left(), m.bottom(), m.right(), m.defaultValue(),
                            (m.flags() & 2) != 0, (m.flags() & 8) != 0, (m.flags() & 4) != 0, m.density(), m.feather(),
                            at, lengths[c])));
                }
                at += lengths[c];
            }
        }
        return new Records(psb, depth, out);
    }

    /**
     * The fields of a "layer mask / adjustment layer data" block that describe a layer's only mask.
     * The order is the one real files have (and psd-tools reads), not the specification's: with 36
     * bytes or more the "real" flags, background and rectangle (the pixel and vector masks
     * combined) come straight after the flags, then the parameters.
     */
    private static MaskRecord maskRecord(ImageInputStream in, long length) throws IOException {
        long end = in.getStreamPosition() + length;
        int top = in.readInt(), left = in.readInt(), bottom = in.readInt(), right = in.readInt();
        int defaultValue = in.readUnsignedByte(), flags = in.readUnsignedByte();
        if (length >= 36) in.skipBytes(2 + 16); // the "real" fields
        int density = 255;
        double feather = 0;
        if ((flags & 16) != 0 && in.getStreamPosition() < end) { // mask parameters follow
            int present = in.readUnsignedByte();
            if ((present & 1) != 0 && in.getStreamPosition() + 1 <= end) density = in.readUnsignedByte();
            if ((present & 2) != 0 && in.getStreamPosition() + 8 <= end) feather = in.readDouble();
        }
        return new MaskRecord(top, left, bottom, right, defaultValue, flags, density, feather);
    }

    /** The most bytes of one block kept for decoding (a vector mask of some 600,000 knots). */
    static final int MAX_BLOCK = 16 << 20;

    /** A block's data, or null where it is larger than {@link #MAX_BLOCK}. */
    private static byte[] block(ImageInputStream in, long len) throws IOException {
        if (len > MAX_BLOCK) return null;
        byte[] b = new byte[(int) len];
        in.readFully(b);
        return b;
    }

    /**
     * Whether the file's merged image is the real composite: false only where its version-info
     * resource (1057) says it is not, as Photoshop writes it when "Maximize PSD and PSB File
     * Compatibility" is off (the merged image is then a placeholder). A file without that resource
     * (ours, GIMP's, most tools') is taken at its word.
     */
    static boolean hasRealMergedImage(ImageInputStream in) throws IOException {
        long fileLength = in.length();
        signature(in);
        in.skipBytes(2 + 6 + 2 + 4 + 4 + 2 + 2);
        byte[] sig = new byte[4];
        skipSection(in, in.readUnsignedInt(), fileLength); // colour mode data
        long length = in.readUnsignedInt();
        check(in, length, fileLength);
        long end = in.getStreamPosition() + length;
        while (in.getStreamPosition() + 12 <= end) {
            in.readFully(sig);
            if (!"8BIM".equals(new String(sig, StandardCharsets.US_ASCII))) break; // not a resource: stop looking
            int id = in.readUnsignedShort();
            int nameLength = in.readUnsignedByte();
            in.skipBytes(nameLength + ((nameLength & 1) == 0 ? 1 : 0)); // the Pascal name, padded to even
            long size = in.readUnsignedInt();
            if (in.getStreamPosition() + size > end) break;
            if (id == 1057 && size >= 5) {
                in.skipBytes(4); // the resource's version
                return in.readUnsignedByte() != 0;
            }
            in.seek(in.getStreamPosition() + size + (size & 1));
        }
        return true;
    }

    /** Reads the file's signature from its start, refusing a file that is not a PSD. */
    private static void signature(ImageInputStream in) throws IOException {
        in.seek(0);
        byte[] sig = new byte[4];
        in.readFully(sig);
        if (!"8BPS".equals(new String(sig, StandardCharsets.US_ASCII))) {
            throw new IOException("not a PSD file");
        }
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

package dev.blendbench.engine.io;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import dev.blendbench.engine.surface.Surface;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.w3c.dom.Node;

/**
 * The EXIF / TIFF orientation tag (274): how the stored pixels must be turned to show the image
 * upright, as cameras and phones record it instead of rotating the pixels. Values 1 … 8 as the
 * TIFF 6.0 specification numbers them: 1 as stored, 2 mirrored left-right, 3 turned 180°, 4
 * mirrored top-bottom, 5 transposed (mirrored about the main diagonal), 6 turned 90° clockwise,
 * 7 transversed (mirrored about the other diagonal), 8 turned 90° anticlockwise.
 *
 * <p>Read from a JPEG's EXIF block (APP1) or a TIFF's first directory. A missing, unreadable or
 * out-of-range tag counts as 1: an image is never refused for its metadata.
 */
final class Orientation {
    private Orientation() {}

    static final int UPRIGHT = 1;
    private static final byte[] EXIF = {'E', 'x', 'i', 'f', 0, 0};

    /** The orientation of image 0 of {@code reader} (its input set, metadata not ignored). */
    static int of(ImageReader reader) {
        try {
            IIOMetadata md = reader.getImageMetadata(0);
            if (md == null || md.getNativeMetadataFormatName() == null) return UPRIGHT;
            Node root = md.getAsTree(md.getNativeMetadataFormatName());
            return switch (md.getNativeMetadataFormatName()) {
                case "javax_imageio_jpeg_image_1.0" -> ofJpeg(root);
                case "com_sun_media_imageio_plugins_tiff_image_1.0" -> ofTiff(root);
                default -> UPRIGHT;
            };
        } catch (Exception | AssertionError | StackOverflowError e) { // metadata plugins throw what they like on odd data
            return UPRIGHT;
        }
    }

    private static int ofJpeg(Node root) throws java.io.IOException {
        for (Node seq = root.getFirstChild(); seq != null; seq = seq.getNextSibling()) {
            if (!"markerSequence".equals(seq.getNodeName())) continue;
            for (Node m = seq.getFirstChild(); m != null; m = m.getNextSibling()) {
                if (!"unknown".equals(m.getNodeName()) || !(m instanceof IIOMetadataNode n)) continue;
                Node tag = m.getAttributes().getNamedItem("MarkerTag");
                if (tag == null || !"225".equals(tag.getNodeValue())) continue; // APP1
                if (n.getUserObject() instanceof byte[] b && b.length > EXIF.length
                        && Arrays.equals(b, 0, EXIF.length, EXIF, 0, EXIF.length)) {
                    return ofExif(Arrays.copyOfRange(b, EXIF.length, b.length));
                }
            }
        }
        return UPRIGHT;
    }

    /** The orientation in an EXIF block's TIFF structure (after the {@code Exif\0\0} header). */
    static int ofExif(byte[] tiff) throws java.io.IOException {
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
            Directory d = new TIFFReader().read(in);
            Entry e = d.getEntryById(TIFF.TAG_ORIENTATION);
            return e != null && e.getValue() instanceof Number v ? valid(v.intValue()) : UPRIGHT;
        }
    }

    private static int ofTiff(Node root) {
        for (Node ifd = root.getFirstChild(); ifd != null; ifd = ifd.getNextSibling()) {
            for (Node f = ifd.getFirstChild(); f != null; f = f.getNextSibling()) {
                Node number = f.getAttributes() == null ? null : f.getAttributes().getNamedItem("number");
                if (number == null || !String.valueOf(TIFF.TAG_ORIENTATION).equals(number.getNodeValue())) continue;
                Node shorts = f.getFirstChild(), value = shorts == null ? null : shorts.getFirstChild();
                Node v = value == null || value.getAttributes() == null ? null : value.getAttributes().getNamedItem("value");
                return v == null ? UPRIGHT : valid(Integer.parseInt(v.getNodeValue().trim()));
            }
            return UPRIGHT; // the first directory only: the image read
        }
        return UPRIGHT;
    }

    private static int valid(int o) {
        return o >= 1 && o <= 8 ? o : UPRIGHT;
    }

    /** True where the upright image's width is the stored height (the turns by 90°). */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** {@code s} turned upright (a new surface), or {@code s} itself for {@link #UPRIGHT}. */
    static Surface apply(Surface s, int orientation) {
        if (orientation == UPRIGHT) return s;
        int w = s.width(), h = s.height();
        boolean swap = swapsSides(orientation);
        Surface out = Surface.allocate(swap ? h : w, swap ? w : h);
        int ow = out.width(), oh = out.height();
        int[] src = s.array(), dst = out.array();
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                // the stored pixel shown at (x, y)
                int sx, sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                dst[y * ow + x] = src[s.index(sx, sy)];
            }
        }
        return out;
    }
}

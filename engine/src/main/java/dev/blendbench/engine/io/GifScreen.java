package dev.blendbench.engine.io;

import dev.blendbench.engine.surface.Surface;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A GIF's first frame where it belongs: on the file's logical screen, at the frame's offset. An
 * animation's first frame may cover only part of the screen (ImageIO returns just that part), and
 * browsers show the whole screen with the rest transparent; so do we.
 */
final class GifScreen {
    private GifScreen() {}

    /** Screen size and frame offset of image 0, or null where there is nothing to place (or it cannot be read). */
    record Layout(int screenWidth, int screenHeight, int left, int top) {}

    static Layout of(ImageReader reader) {
        try {
            IIOMetadata stream = reader.getStreamMetadata(), image = reader.getImageMetadata(0);
            if (stream == null || image == null) return null;
            Element screen = child(stream.getAsTree("javax_imageio_gif_stream_1.0"), "LogicalScreenDescriptor");
            Element frame = child(image.getAsTree("javax_imageio_gif_image_1.0"), "ImageDescriptor");
            if (screen == null || frame == null) return null;
            int sw = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            int sh = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            int left = Integer.parseInt(frame.getAttribute("imageLeftPosition"));
            int top = Integer.parseInt(frame.getAttribute("imageTopPosition"));
            int fw = Integer.parseInt(frame.getAttribute("imageWidth")), fh = Integer.parseInt(frame.getAttribute("imageHeight"));
            // a screen that does not hold the frame (0 x 0 is common) grows to hold it, as browsers do
            int w = Math.max(sw, left + fw), h = Math.max(sh, top + fh);
            return w == fw && h == fh ? null : new Layout(w, h, left, top);
        } catch (Exception | AssertionError e) {
            return null; // the frame alone, as ImageIO reads it
        }
    }

    private static Element child(Node root, String name) {
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getNodeName().equals(name)) return e;
        }
        return null;
    }

    /** {@code frame} copied onto a transparent screen of the layout's size at its offset. */
    static Surface place(Surface frame, Layout l) {
        Surface screen = Surface.allocate(l.screenWidth(), l.screenHeight());
        for (int y = 0; y < frame.height(); y++) {
            System.arraycopy(frame.array(), frame.index(0, y), screen.array(), screen.index(l.left(), l.top() + y), frame.width());
        }
        return screen;
    }
}

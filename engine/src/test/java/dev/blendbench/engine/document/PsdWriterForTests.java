package dev.blendbench.engine.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes minimal 8-bit RGB Photoshop files, uncompressed, with the layer features real files
 * carry (masks, adjustment layers, effects), following Adobe's file format specification. Only
 * for tests: no program we can install writes such layers in batch.
 */
final class PsdWriterForTests {
    private PsdWriterForTests() {}

    /** One layer: an opaque colour over its rectangle, plus the extras. */
    record L(String name, int left, int top, int w, int h, int rgb, String blendKey, boolean mask, String extraKey) {}

    static byte[] write(int width, int height, List<L> layers) throws IOException {
        ByteArrayOutputStream layerInfo = new ByteArrayOutputStream();
        DataOutputStream li = new DataOutputStream(layerInfo);
        li.writeShort(layers.size());
        for (L l : layers) {
            li.writeInt(l.top());
            li.writeInt(l.left());
            li.writeInt(l.top() + l.h());
            li.writeInt(l.left() + l.w());
            int[] ids = l.mask() ? new int[] {-1, 0, 1, 2, -2} : new int[] {-1, 0, 1, 2};
            li.writeShort(ids.length);
            for (int id : ids) {
                li.writeShort(id);
                li.writeInt(2 + l.w() * l.h());
            }
            li.writeBytes("8BIM");
            li.writeBytes(l.blendKey());
            li.writeByte(255);
            li.writeByte(0);
            li.writeByte(0);
            li.writeByte(0);
            ByteArrayOutputStream extra = new ByteArrayOutputStream();
            DataOutputStream ex = new DataOutputStream(extra);
            if (l.mask()) {
                ex.writeInt(20);
                ex.writeInt(l.top());
                ex.writeInt(l.left());
                ex.writeInt(l.top() + l.h());
                ex.writeInt(l.left() + l.w());
                ex.writeByte(255);
                ex.writeByte(0);
                ex.writeShort(0);
            } else {
                ex.writeInt(0);
            }
            ex.writeInt(0); // blending ranges
            byte[] name = l.name().getBytes(StandardCharsets.ISO_8859_1);
            ex.writeByte(name.length);
            ex.write(name);
            for (int p = (name.length + 1) % 4; p != 0 && p < 4; p++) ex.writeByte(0);
            if (l.extraKey() != null) {
                ex.writeBytes("8BIM");
                ex.writeBytes(l.extraKey());
                ex.writeInt(4);
                ex.writeInt(0);
            }
            li.writeInt(extra.size());
            li.write(extra.toByteArray());
        }
        for (L l : layers) { // channel image data, raw
            int[] ids = l.mask() ? new int[] {-1, 0, 1, 2, -2} : new int[] {-1, 0, 1, 2};
            for (int id : ids) {
                li.writeShort(0);
                int v = switch (id) {
                    case 0 -> (l.rgb() >> 16) & 0xFF;
                    case 1 -> (l.rgb() >> 8) & 0xFF;
                    case 2 -> l.rgb() & 0xFF;
                    default -> 255;
                };
                for (int i = 0; i < l.w() * l.h(); i++) li.writeByte(v);
            }
        }
        if (layerInfo.size() % 2 != 0) li.writeByte(0);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("8BPS");
        out.writeShort(1);
        out.write(new byte[6]);
        out.writeShort(3);
        out.writeInt(height);
        out.writeInt(width);
        out.writeShort(8);
        out.writeShort(3); // RGB
        out.writeInt(0); // colour mode data
        out.writeInt(0); // image resources
        out.writeInt(4 + layerInfo.size() + 4);
        out.writeInt(layerInfo.size());
        out.write(layerInfo.toByteArray());
        out.writeInt(0); // global layer mask info
        out.writeShort(0); // merged image, raw
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < width * height; i++) out.writeByte(128);
        }
        return file.toByteArray();
    }
}

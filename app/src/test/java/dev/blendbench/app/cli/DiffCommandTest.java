package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blendbench.app.cli.ComposeCommandTest.Result;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.document.OpenRaster;
import dev.blendbench.engine.document.PsdExport;
import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import dev.blendbench.engine.surface.Argb;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    @TempDir
    Path dir;

    private Path image(String name, Surface s) throws IOException {
        Path p = dir.resolve(name);
        ImageFiles.write(s, p);
        return p;
    }

    private static Scene scene() {
        Surface ramp = Surface.allocate(40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) ramp.setPixel(x, y, Argb.premultiply((40 + x * 5) << 24 | (y * 8) << 16 | 0x8040));
        }
        return new Scene(40, 30, 0, List.of(new Layer("ramp", ramp, 0, 0, BlendMode.NORMAL, 1f, true),
                new Layer("dots", Surface.filled(12, 12, 0xC0602000), 9, 7, BlendMode.SOFT_LIGHT, 0.7f, true)));
    }

    @Test
    void twoImages_thatDiffer_exit3_withTheCountsTheWorstPixelAndTheHistogram() throws IOException {
        Surface a = Surface.filled(20, 10, 0xFF336699), b = Surface.filled(20, 10, 0xFF336699);
        b.setPixel(3, 2, 0xFF346699);
        b.setPixel(15, 8, 0xFF33669F);
        Result r = ComposeCommandTest.run("diff", image("a.png", a).toString(), image("b.png", b).toString(), "--tolerance", "1");
        assertEquals(DiffCommand.DIFFERENT, r.code(), r.err());
        assertTrue(r.out().contains("20x10: 200 pixels; 2 differ (1.00 %), 1 by more than 1 level"), r.out());
        assertTrue(r.out().contains("largest difference: 6 levels, first at (15, 8): A #336699FF, B #33669FFF"), r.out());
        assertTrue(r.out().contains("pixels by difference:  1: 1  5-8: 1"), r.out());
        assertTrue(r.out().contains("verdict: different (1 pixel beyond the tolerance)"), r.out());
        assertEquals("", r.err());
        Result within = ComposeCommandTest.run("diff", dir.resolve("a.png").toString(), dir.resolve("b.png").toString(), "--tolerance", "6");
        assertEquals(0, within.code(), within.err());
        assertTrue(within.out().contains("verdict: equal within 6 levels"), within.out());
    }

    @Test
    void aDocumentAlone_isCheckedAgainstTheCompositeItHolds_ourOwnExportsMatch() throws IOException {
        Path ora = dir.resolve("s.ora"), psd = dir.resolve("s.psd");
        OpenRaster.write(scene(), ora);
        PsdExport.write(scene(), psd);
        Result r = ComposeCommandTest.run("diff", ora.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("A: " + ora + ", rendered by Blendbench\nB: " + ora + "'s own composite"), r.out());
        assertTrue(r.out().contains("none differ") && r.out().contains("verdict: identical"), r.out());
        // a Photoshop merged image is matted with white, and the reader's taking it out rounds
        Result p = ComposeCommandTest.run("diff", psd.toString(), "--tolerance", "1");
        assertEquals(0, p.code(), p.out() + p.err());
    }

    @Test
    void aDocumentWhoseCompositeDiffers_isCaught_andTheHeatMapAndJsonSayWhere() throws IOException {
        // a file whose saved composite is not its layers' render: the layers of one scene, the merged image of another
        Path ora = dir.resolve("s.ora");
        OpenRaster.write(scene(), ora);
        Path other = dir.resolve("other.ora");
        Scene moved = new Scene(40, 30, 0, List.of(scene().layers().get(0), scene().layers().get(1).withPosition(20, 7)));
        OpenRaster.write(moved, other);
        Path mixed = dir.resolve("mixed.ora");
        OraSurgery.replaceEntry(ora, other, "mergedimage.png", mixed);
        Path heat = dir.resolve("heat.png"), json = dir.resolve("d.json");
        Result r = ComposeCommandTest.run("diff", mixed.toString(), "-o", heat.toString(), "--json", json.toString());
        assertEquals(DiffCommand.DIFFERENT, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + heat + ", " + json), r.out());
        Surface h = ImageFiles.read(heat);
        assertEquals(40, h.width());
        int redAtOld = h.getPixel(12, 10), greyAway = h.getPixel(2, 28);
        assertTrue(Argb.red(redAtOld) > 2 * Argb.green(redAtOld), Argb.toHex(redAtOld));
        assertEquals(Argb.red(greyAway), Argb.blue(greyAway), Argb.toHex(greyAway));
        JsonNode j = new ObjectMapper().readTree(Files.readAllBytes(json));
        assertEquals(DiffCommand.SCHEMA, j.get("schema").asText());
        assertEquals("different", j.get("verdict").asText());
        assertTrue(j.get("beyondTolerance").asLong() > 100, j.toString());
        long sum = 0;
        for (JsonNode b : j.get("histogram")) sum += b.get("pixels").asLong();
        assertEquals(1200, sum, "every pixel in one bucket");
        assertTrue(j.get("worst").get("x").asInt() >= 9, j.toString());
    }

    @Test
    void badInput_isOneLine_andExit2() throws IOException {
        Path a = image("a.png", Surface.filled(4, 4, 0xFF000000)), small = image("s.png", Surface.filled(3, 4, 0xFF000000));
        Result sizes = ComposeCommandTest.run("diff", a.toString(), small.toString());
        assertEquals(2, sizes.code());
        assertEquals("blendbench diff: sizes differ: A is 4x4, B is 3x4", sizes.err().strip());
        Result alone = ComposeCommandTest.run("diff", a.toString());
        assertEquals(2, alone.code());
        assertTrue(alone.err().contains("give two pictures to compare, or one .ora / .psd document"), alone.err());
        Result overwrite = ComposeCommandTest.run("diff", a.toString(), small.toString(), "-o", a.toString());
        assertEquals(2, overwrite.code());
        assertEquals("blendbench diff: " + a + ": is an input; write to another file", overwrite.err().strip());
        assertArrayEqualsFile(a);
        Path noComposite = dir.resolve("old.ora");
        OraSurgery.withoutEntry(writeOra(), "mergedimage.png", noComposite);
        Result none = ComposeCommandTest.run("diff", noComposite.toString());
        assertEquals(2, none.code());
        assertEquals("blendbench diff: " + noComposite + ": holds no composite (no mergedimage.png)", none.err().strip());
        Result session = ComposeCommandTest.run("diff", dir.resolve("a.json").toString(), a.toString());
        assertEquals("blendbench diff: " + dir.resolve("a.json") + ": a session file, not a picture; blendbench compare A.json B.json"
                + " judges sessions", session.err().strip());
        Result pictures = ComposeCommandTest.run("compare", a.toString(), small.toString());
        assertEquals(2, pictures.code());
        assertTrue(pictures.err().strip().endsWith("; blendbench diff compares pictures"), pictures.err());
        Result missing = ComposeCommandTest.run("diff", dir.resolve("nope.png").toString(), a.toString());
        assertEquals(2, missing.code());
        assertFalse(missing.err().strip().contains("\n"), missing.err());
    }

    /** Rewrites OpenRaster archives entry by entry, for files another program could have written. */
    static final class OraSurgery {
        private OraSurgery() {}

        /** {@code base} with its entry {@code name} taken from {@code donor}, written to {@code out}. */
        static void replaceEntry(Path base, Path donor, String name, Path out) throws IOException {
            java.util.Map<String, byte[]> entries = entries(base);
            entries.put(name, entries(donor).get(name));
            write(entries, out);
        }

        /** {@code base} without its entry {@code name}, written to {@code out}. */
        static void withoutEntry(Path base, String name, Path out) throws IOException {
            java.util.Map<String, byte[]> entries = entries(base);
            entries.remove(name);
            write(entries, out);
        }

        private static java.util.Map<String, byte[]> entries(Path p) throws IOException {
            java.util.Map<String, byte[]> out = new java.util.LinkedHashMap<>();
            try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(p))) {
                for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) out.put(e.getName(), z.readAllBytes());
            }
            return out;
        }

        private static void write(java.util.Map<String, byte[]> entries, Path out) throws IOException {
            try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
                for (var e : entries.entrySet()) {
                    z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                    z.write(e.getValue());
                }
            }
        }
    }

    private Path writeOra() throws IOException {
        Path p = dir.resolve("w.ora");
        OpenRaster.write(scene(), p);
        return p;
    }

    private static void assertArrayEqualsFile(Path a) throws IOException {
        assertEquals(4, ImageFiles.read(a).width(), "the input was not overwritten");
    }
}

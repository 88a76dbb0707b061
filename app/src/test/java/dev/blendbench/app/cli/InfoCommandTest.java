package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.blendbench.app.cli.ComposeCommandTest.Result;
import dev.blendbench.engine.blend.BlendMode;
import dev.blendbench.engine.document.OpenRaster;
import dev.blendbench.engine.document.PsdExport;
import dev.blendbench.engine.render.Groups;
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

class InfoCommandTest {
    @TempDir
    Path dir;

    private static Surface solid(int w, int h, int argbPre) {
        Surface s = Surface.allocate(w, h);
        s.fill(argbPre);
        return s;
    }

    @Test
    void aDocument_isDescribedLayerByLayer_asTheEngineWillCompositeIt() throws IOException {
        Path psd = dir.resolve("scene.psd");
        PsdExport.write(new Scene(64, 48, 0, List.of(Layer.of("base", solid(64, 48, 0xFF204080)),
                new Layer("veil", solid(20, 10, 0x80800000), 10, -3, BlendMode.SCREEN, 0.5f, false))), psd);
        Result r = ComposeCommandTest.run("info", psd.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(psd + ": Photoshop document, 64x48, blends in srgb, background transparent, 2 layers (bottom first)", lines.get(0));
        assertEquals(List.of("#", "name", "mode", "opacity", "shown", "position", "size"), List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("1", "base", "normal", "100", "%", "yes", "0,0", "64x48"), List.of(lines.get(2).trim().split("\\s+")));
        assertEquals(List.of("2", "veil", "screen", "50", "%", "no", "10,-3", "20x10"), List.of(lines.get(3).trim().split("\\s+")));
    }

    @Test
    void aTransformedLayer_saysWhereItFallsAndHowItIsResampled_inTheTableAndTheJson() throws IOException {
        Path ora = dir.resolve("turned.ora");
        Surface src = solid(40, 20, 0xFF00FF00);
        OpenRaster.write(new Scene(200, 100, 0, List.of(Layer.of("base", solid(200, 100, 0xFF204080)),
                new Layer("turned", src, 0, 0, BlendMode.SCREEN, 1f, true).withTransform(
                        dev.blendbench.engine.resample.Transform.place(40, 20, 100.5, 40, 0.5, 30), dev.blendbench.engine.resample.Filter.LANCZOS3),
                new Layer("sheared", src, 10, 10, BlendMode.NORMAL, 1f, true).withTransform(
                        new dev.blendbench.engine.resample.Transform(1, 0.5, 0, 0, 1, 0), dev.blendbench.engine.resample.Filter.BILINEAR))), ora);
        Result r = ComposeCommandTest.run("info", ora.toString());
        assertEquals(0, r.code(), r.err());
        String turned = r.out().lines().filter(l -> l.startsWith("  2 ")).findFirst().orElseThrow();
        assertTrue(turned.endsWith("(scale 0.5, turned 30°, from 100.5,40, lanczos3)"), turned);
        String sheared = r.out().lines().filter(l -> l.startsWith("  3 ")).findFirst().orElseThrow();
        assertTrue(sheared.endsWith("(affine 1 0.5 0 0 1 0, bilinear)"), sheared);
        JsonNode t = new ObjectMapper().readTree(ComposeCommandTest.run("info", "--json", ora.toString()).out()).get(0).get("layers").get(1);
        assertEquals(100.5, t.get("transform").get("x").asDouble());
        assertEquals(30.0, t.get("transform").get("rotation").asDouble(), 1e-9);
        assertEquals("lanczos3", t.get("transform").get("filter").asText());
        assertTrue(t.get("width").asInt() > 20 && t.get("width").asInt() < 40, "the bounds of the turned half-size layer: " + t);
    }

    @Test
    void aGroup_isListedWithItsOwnLayersBelowIt_atCanvasPositions_inTheTableAndTheJson() throws IOException {
        Path ora = dir.resolve("groups.ora");
        Scene inner = new Scene(30, 20, 0, List.of(Layer.of("red", solid(30, 20, 0xFFFF0000)),
                new Layer("dot", solid(4, 4, 0xFF00FF00), 6, 7, BlendMode.SCREEN, 1f, true)));
        OpenRaster.write(new Scene(64, 48, 0, List.of(Layer.of("base", solid(64, 48, 0xFF204080)),
                Groups.of("tinted", inner, 10, 5, BlendMode.MULTIPLY, 0.5f, true))), ora);
        Result r = ComposeCommandTest.run("info", ora.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("2", "tinted", "multiply", "(group)", "50", "%", "yes", "10,5", "30x20"), List.of(lines.get(3).trim().split("\\s+")));
        assertEquals(List.of("2.1", "red", "source-over", "100", "%", "yes", "10,5", "30x20"), List.of(lines.get(4).trim().split("\\s+")));
        assertEquals(List.of("2.2", "dot", "screen", "100", "%", "yes", "16,12", "4x4"), List.of(lines.get(5).trim().split("\\s+")));
        assertTrue(lines.get(5).contains("    dot"), "indented under its group: " + lines.get(5));

        JsonNode json = new ObjectMapper().readTree(ComposeCommandTest.run("info", "--json", ora.toString()).out()).get(0).get("layers");
        assertTrue(json.get(0).get("layers") == null, "a layer that is not a group has no layers");
        assertEquals("dot", json.get(1).get("layers").get(1).get("name").asText());
        assertEquals(16, json.get(1).get("layers").get(1).get("x").asInt());
    }

    @Test
    void aClippingGroupFromPhotoshop_isMarkedClipping_inTheTableAndTheJson() throws IOException {
        Path psd = dir.resolve("clip.psd");
        Scene clip = new Scene(30, 20, 0, List.of(Layer.of("shape", solid(30, 20, 0xFF00FF00)),
                new Layer("texture", solid(40, 40, 0xFF800000), -5, -5, BlendMode.MULTIPLY, 1f, true)),
                dev.blendbench.engine.colour.BlendSpace.SRGB, true);
        PsdExport.write(new Scene(64, 48, 0, List.of(Layer.of("base", solid(64, 48, 0xFF204080)),
                Groups.of("shape", clip, 10, 5, BlendMode.SCREEN, 1f, true))), psd);
        Result r = ComposeCommandTest.run("info", psd.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("2", "shape", "screen", "(clipping)", "100", "%", "yes", "10,5", "30x20"), List.of(lines.get(3).trim().split("\\s+")));
        assertEquals(List.of("2.2", "texture", "multiply", "100", "%", "yes", "5,0", "40x40"), List.of(lines.get(5).trim().split("\\s+")));
        JsonNode json = new ObjectMapper().readTree(ComposeCommandTest.run("info", "--json", psd.toString()).out()).get(0).get("layers");
        assertTrue(json.get(1).get("clipping").asBoolean());
        assertTrue(json.get(0).get("clipping") == null, "only a clipping group says so");
    }

    @Test
    void aPassThroughGroupFromPhotoshop_isListedWithItsLayers_itsModePassThrough() throws IOException {
        Path psd = dir.resolve("folder.psd");
        Scene folder = new Scene(30, 20, 0, List.of(new Layer("shade", solid(30, 20, 0xFF808080), 0, 0, BlendMode.MULTIPLY, 1f, true)));
        PsdExport.write(new Scene(64, 48, 0, List.of(Layer.of("base", solid(64, 48, 0xFF204080)),
                Groups.passThrough("folder", folder, 10, 5, true))), psd);
        Result r = ComposeCommandTest.run("info", psd.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("2", "folder", "pass-through", "(group)", "100", "%", "yes", "10,5", "30x20"), List.of(lines.get(3).trim().split("\\s+")));
        assertEquals(List.of("2.1", "shade", "multiply", "100", "%", "yes", "10,5", "30x20"), List.of(lines.get(4).trim().split("\\s+")));
        JsonNode json = new ObjectMapper().readTree(ComposeCommandTest.run("info", "--json", psd.toString()).out()).get(0).get("layers");
        assertTrue(json.get(1).get("passThrough").asBoolean());
        assertEquals("pass-through", json.get(1).get("mode").asText());
        assertTrue(json.get(0).get("passThrough") == null, "only a pass-through group says so");
    }

    @Test
    void aFadedPassThroughGroup_isListedAtItsOpacity_inColumnsThatStayAligned() throws IOException {
        Path psd = dir.resolve("faded.psd");
        Scene folder = new Scene(30, 20, 0, List.of(new Layer("shade", solid(30, 20, 0xFF808080), 0, 0, BlendMode.MULTIPLY, 1f, true)));
        PsdExport.write(new Scene(64, 48, 0, List.of(Layer.of("base", solid(64, 48, 0xFF204080)),
                Groups.passThrough("folder", folder, 10, 5, true).withOpacity(0.4f),
                Groups.passThrough("masked", folder, 0, 0, true).withMask(new dev.blendbench.engine.scene.LayerMask(new byte[4], 1, 1, 2, 2, 255, true)))),
                psd);
        Result r = ComposeCommandTest.run("info", psd.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("2", "folder", "pass-through", "(group)", "40", "%", "yes", "10,5", "30x20"), List.of(lines.get(3).trim().split("\\s+")));
        assertEquals(List.of("3", "masked", "pass-through", "(group,", "masked)", "100", "%", "yes", "0,0", "30x20"),
                List.of(lines.get(5).trim().split("\\s+")));
        // every row's opacity ends in the same column as the header's, however long its mode's text
        int end = lines.get(1).indexOf("opacity") + "opacity".length();
        for (String row : lines.subList(2, lines.size())) assertEquals(end, row.indexOf('%') + 1, row);
        JsonNode json = new ObjectMapper().readTree(ComposeCommandTest.run("info", "--json", psd.toString()).out()).get(0).get("layers");
        assertTrue(json.get(1).get("passThrough").asBoolean());
        assertEquals(0.4, json.get(1).get("opacity").asDouble(), 0.002);
    }

    @Test
    void aLayersPixelMask_isSaidOnOrOff_inTheTableAndTheJson() throws IOException {
        Path psd = dir.resolve("masks.psd");
        var m = new dev.blendbench.engine.scene.LayerMask(new byte[4 * 4], 1, 1, 4, 4, 255, true);
        PsdExport.write(new Scene(20, 20, 0, List.of(Layer.of("base", solid(20, 20, 0xFF204080)),
                Layer.of("on", solid(10, 10, 0xFFFF0000)).withMask(m), Layer.of("off", solid(10, 10, 0xFF00FF00)).withMask(m.withEnabled(false)))), psd);
        Result r = ComposeCommandTest.run("info", psd.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(3).contains("normal (masked)"), lines.get(3));
        assertTrue(lines.get(4).contains("normal (mask off)"), lines.get(4));
        JsonNode json = new ObjectMapper().readTree(ComposeCommandTest.run("info", "--json", psd.toString()).out()).get(0).get("layers");
        assertEquals(List.of("", "on", "off"), List.of(json.get(0).path("mask").asText(), json.get(1).get("mask").asText(), json.get(2).get("mask").asText()));
    }

    @Test
    void json_describesEachFile_andWarningsGoToStderr() throws IOException {
        Path ora = ComposeCommandTest.oraWithUnsupportedOp(dir);
        Path png = dir.resolve("photo.png");
        ImageFiles.write(solid(5, 3, Argb.premultiply(0x80FF0000)), png);
        Result r = ComposeCommandTest.run("info", "--json", ora.toString(), png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("warning: " + ora + ": ") && r.err().contains("krita:dissolve"), r.err());
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertEquals(2, all.size());
        assertEquals("OpenRaster document", all.get(0).get("kind").asText());
        assertEquals("glow", all.get(0).get("layers").get(0).get("name").asText());
        assertEquals(1, all.get(0).get("warnings").size());
        assertEquals("image", all.get(1).get("kind").asText());
        assertEquals(5, all.get(1).get("width").asInt());
        assertEquals(3, all.get(1).get("layers").get(0).get("height").asInt());
    }

    @Test
    void aFileThatCannotBeRead_exitsTwoWithOneLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.psd"), "8BPS but not really");
        Result r = ComposeCommandTest.run("info", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("blendbench info: " + bad + ": ") && r.err().lines().count() == 1, r.err());
        assertEquals(2, ComposeCommandTest.run("info", dir.toString()).code());
        Result session = ComposeCommandTest.run("info", dir.resolve("s.json").toString());
        assertEquals("blendbench info: " + dir.resolve("s.json") + ": a session file, not a document or image;"
                + " blendbench report -o report.html s.json describes it\n", session.err());
        assertEquals(2, ComposeCommandTest.run("info").code());
    }
}

package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Wrong arguments are named, with the nearest right ones, on one line and exit 2. */
class UsageErrorTest {
    private static String refused(String... args) {
        ComposeCommandTest.Result r = ComposeCommandTest.run(args);
        assertEquals(Cli.BAD_INPUT, r.code(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        return err;
    }

    @Test
    void misspeltSubcommand_isNamedWithTheNearestOnes() {
        assertEquals("blendbench: unknown subcommand 'compse'; did you mean 'compose' or 'compare'? Subcommands: "
                + "compose, resize, info, stress, cliff, report, compare, diff, gui (see 'blendbench --help')", refused("compse", "a.png"));
    }

    @Test
    void unknownSubcommand_farFromAnyName_listsThemWithoutAGuess() {
        assertEquals("blendbench: unknown subcommand 'bogus'; subcommands: compose, resize, info, stress, cliff, report, compare, diff, gui"
                + " (see 'blendbench --help')", refused("bogus"));
    }

    @Test
    void misspeltOption_isNamedWithTheNearestOne() {
        assertEquals("blendbench compose: unknown option '--treads'; did you mean '--threads'? (see 'blendbench compose --help')",
                refused("compose", "--treads", "2", "a.png", "-o", "b.png"));
    }

    @Test
    void anOptionWithWordsAddedOrCutShort_isNamedWithTheOneMeant() {
        assertEquals("blendbench stress: unknown option '--virtual-threads'; did you mean '--virtual'? (see 'blendbench stress --help')",
                refused("stress", "--workers", "2", "--virtual-threads"));
        assertEquals("blendbench stress: unknown option '--dur'; did you mean '--duration'? (see 'blendbench stress --help')",
                refused("stress", "--workers", "2", "--dur", "1s"));
    }

    @Test
    void misspeltOption_isNamedBeforeTheRequiredOptionItLeftMissing() {
        assertEquals("blendbench stress: unknown option '--wrkers'; did you mean '--workers'? (see 'blendbench stress --help')",
                refused("stress", "--wrkers", "2", "--closed"));
        assertEquals("blendbench stress: unknown option '--durration'; did you mean '--duration'? (see 'blendbench stress --help')",
                refused("stress", "--workers=2", "--closed", "--durration=1s"));
    }

    @Test
    void unknownOption_farFromAnyName_isNamedAlone() {
        assertEquals("blendbench report: unknown option '--foo' (see 'blendbench report --help')", refused("report", "--foo", "a.json"));
    }

    @Test
    void argumentACommandDoesNotTake_isNamed() {
        assertEquals("blendbench compare: unexpected argument 'extra' (see 'blendbench compare --help')",
                refused("compare", "a.json", "b.json", "extra"));
    }

    @Test
    void guiOnAFileThatIsNotThere_orAFolder_isRefusedBeforeAnyWindow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertEquals("blendbench gui: nope.ora: no such file", refused("gui", "nope.ora"));
        assertEquals("blendbench gui: " + dir + ": is a folder, not a document or image", refused("gui", dir.toString()));
        assertEquals("blendbench gui: nope.ora: no such file", refused("nope.ora"), "a document's name alone is opened, as file managers run it");
        assertTrue(refused("nope").startsWith("blendbench: unknown subcommand 'nope'"), "a bare word is still a subcommand");
    }

    @Test
    void severalFiles_openOnlyAsSessionFilesToCompare(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path a = java.nio.file.Files.writeString(dir.resolve("a.json"), "{}");
        java.nio.file.Path doc = java.nio.file.Files.writeString(dir.resolve("scene.ora"), "x");
        assertEquals("blendbench gui: " + doc + ": only session files (.json) open several at a time, to compare; open a document or"
                + " image alone (File ▸ Add Image Layers… adds images to it)", refused(a.toString(), doc.toString()));
        assertEquals("blendbench gui: " + dir.resolve("b.json") + ": no such file", refused(a.toString(), dir.resolve("b.json").toString()),
                "several files named alone are opened too, as file managers run it");
    }

    @Test
    void misspeltFilter_isNamedWithTheNearestOnes() {
        assertEquals("blendbench resize: --filter: unknown filter 'lanczos'; did you mean 'lanczos2' or 'lanczos3'?",
                refused("resize", "a.png", "--width", "10", "--filter", "lanczos", "-o", "b.png"));
        assertEquals("blendbench compose: layer 'a.png:filter=mitchel': unknown filter 'mitchel'; did you mean 'mitchell'?",
                refused("compose", "a.png:filter=mitchel", "-o", "b.png"));
        assertTrue(refused("resize", "a.png", "--width", "10", "--filter", "zzz", "-o", "b.png").contains("expected one of nearest, bilinear"),
                "far from any name: all of them");
    }

    @Test
    void misspeltBlendModeOrLayerOption_isNamedWithTheNearestOne() {
        assertEquals("blendbench compose: layer 'a.png:mode=multipy': unknown blend mode 'multipy'; did you mean 'multiply'?",
                refused("compose", "a.png:mode=multipy", "-o", "b.png"));
        assertEquals("blendbench compose: layer 'a.png:opactiy=0.5': unknown option 'opactiy'; did you mean 'opacity'?",
                refused("compose", "a.png:opactiy=0.5", "-o", "b.png"));
        assertTrue(refused("compose", "a.png:mode=zzz", "-o", "b.png").contains("unknown blend mode 'zzz'; expected one of: clear, copy,"),
                "far from any name: all of them");
    }

    @Test
    void outputThatIsAFolder_isRefusedBeforeAnyWork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectory(dir.resolve("out.png"));
        String layer = java.nio.file.Path.of("..", "assets", "demo", "background.png").toString();
        for (String[] args : new String[][] {
                {"compose", layer, "-o", folder.toString()},
                {"resize", layer, "--width", "10", "-o", folder.toString()},
                {"stress", "--workers", "1", "--closed", "--json", folder.toString()}}) {
            assertEquals("blendbench " + args[0] + ": " + folder + ": is a folder; give a file name", refused(args));
        }
    }

    @Test
    void editDistance_countsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Cli.editDistance("stress", "stress"));
        assertEquals(1, Cli.editDistance("compse", "compose"));
        assertEquals(2, Cli.editDistance("compse", "compare"));
        assertEquals(3, Cli.editDistance("", "gui"));
        assertEquals(3, Cli.editDistance("kitten", "sitting"));
    }

    @Test
    void aFolderWhereAFileIsWanted_isCalledAFolder_byEveryCommand(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        for (String name : new String[] {"plain", "scene.ora", "scene.psd", "s.json", "a.png"}) {
            java.nio.file.Files.createDirectory(dir.resolve(name));
        }
        String out = dir.resolve("out.png").toString();
        assertEquals("blendbench compose: " + dir.resolve("plain") + ": is a folder, not an image file",
                refused("compose", dir.resolve("plain").toString(), "-o", out));
        assertEquals("blendbench compose: " + dir.resolve("a.png") + ": is a folder, not an image file",
                refused("compose", dir.resolve("a.png").toString(), "-o", out));
        assertEquals("blendbench compose: " + dir.resolve("scene.ora") + ": is a folder, not an OpenRaster file",
                refused("compose", dir.resolve("scene.ora").toString(), "-o", out));
        assertEquals("blendbench compose: " + dir.resolve("scene.psd") + ": is a folder, not a Photoshop file",
                refused("compose", dir.resolve("scene.psd").toString(), "-o", out));
        assertEquals("blendbench resize: " + dir.resolve("a.png") + ": is a folder, not an image file",
                refused("resize", dir.resolve("a.png").toString(), "--scale", "0.5", "-o", out));
        assertEquals("blendbench stress: " + dir.resolve("scene.ora") + ": is a folder, not an image or document",
                refused("stress", "--workers", "1", "--closed", dir.resolve("scene.ora").toString()));
        assertEquals("blendbench report: " + dir.resolve("s.json") + ": is a folder, not a session file",
                refused("report", dir.resolve("s.json").toString(), "-o", dir.resolve("r.html").toString()));
        assertEquals("blendbench compare: " + dir.resolve("s.json") + ": is a folder, not a session file",
                refused("compare", dir.resolve("s.json").toString(), dir.resolve("s.json").toString()));
        // and a folder, or nothing, given as the output
        String png = dir.resolve("a.png").toString(), src = java.nio.file.Path.of("..", "assets", "demo", "background.png").toString();
        assertEquals("blendbench compose: " + dir + ": is a folder; give a file name", refused("compose", src, "-o", dir.toString()));
        assertEquals("blendbench compose: " + png + ": is a folder; give a file name", refused("compose", src, "-o", png));
        assertEquals("blendbench resize: " + dir + ": is a folder; give a file name", refused("resize", src, "--scale", "0.5", "-o", dir.toString()));
        assertEquals("blendbench compose: the output file name is empty", refused("compose", src, "-o", ""));
        assertEquals("blendbench report: " + dir + ": is a folder; give a file name", refused("report", "x.json", "-o", dir.toString()));
    }

    @Test
    void aDisplayNoXServerAnswers_isSaidInOneLine_exitTwo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(VectorRelaunch.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "dev.blendbench.app.Main", "gui").redirectErrorStream(true);
        pb.environment().put("DISPLAY", ":987"); // nothing listens there
        pb.environment().remove("WAYLAND_DISPLAY");
        Process gui = pb.start();
        String out = new String(gui.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(gui.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(Cli.BAD_INPUT, gui.exitValue(), out);
        assertEquals("blendbench gui: cannot open display ':987' (no X server answers there, or it refuses this user): check DISPLAY, "
                + "or run a subcommand (see --help)", out);
    }
}

package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.blendbench.engine.io.ImageFiles;
import dev.blendbench.engine.surface.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapBudgetTest {
    private static final long MIB = 1L << 20, GIB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void whatFits_passes_andWhatDoesNot_isRefusedNamingBothSizesAndALargerHeap() {
        HeapBudget budget = new HeapBudget(() -> 3 * GIB, 4 * GIB);
        budget.require("the canvas", 3 * GIB);
        BadInputException e = assertThrows(BadInputException.class, () -> budget.require("the 40000x40000 canvas", 12 * GIB));
        assertEquals("the 40000x40000 canvas needs 12.0 GiB of memory and this JVM's heap is at most 4.0 GiB;"
                + " give java a larger heap (e.g. java -Xmx16g -jar blendbench.jar ...) or make it smaller", e.getMessage());
    }

    @Test
    void aFirstAnswerTooSmall_isAskedAgain_beforeRefusing() {
        // what is in use may be garbage a collection frees: the second answer decides
        AtomicInteger asked = new AtomicInteger();
        HeapBudget budget = new HeapBudget(() -> asked.incrementAndGet() == 1 ? 10 * MIB : 100 * MIB, GIB);
        budget.require("the output", 50 * MIB);
        assertEquals(2, asked.get());
    }

    @Test
    void sizes_readAsAPersonWouldWriteThem() {
        assertEquals("1.5 GiB", HeapBudget.size(3 * GIB / 2));
        assertEquals("640 MiB", HeapBudget.size(640 * MIB));
        assertEquals("12 KiB", HeapBudget.size(12 * 1024));
        assertEquals("1 KiB", HeapBudget.size(3));
        assertEquals(8L * 1920 * 1080, HeapBudget.pixelBytes(1920, 1080, 2));
    }

    @Test
    void anOutOfMemoryError_readsAsOneLineWithTheHeapAndWhatToDo() {
        String line = Cli.outOfMemory(new OutOfMemoryError("Java heap space"), 2 * GIB);
        assertEquals("out of memory (Java heap space); this JVM's heap is at most 2.0 GiB: give java a larger heap"
                + " (e.g. java -Xmx6g -jar blendbench.jar ...) or use smaller images", line);
    }

    @Test
    void aCanvasLargerThanTheHeap_isRefusedBeforeRendering_withExitTwo() throws IOException {
        // --max-pixels can be raised past what the heap holds: this used to end in an OutOfMemoryError's stack trace
        long canvas = HeapBudget.pixelBytes(65_535, 32_767, 2);
        assumeTrue(Runtime.getRuntime().maxMemory() < canvas, "a heap this large would render it");
        Surface s = Surface.allocate(4, 4);
        Path in = dir.resolve("in.png"), out = dir.resolve("out.png");
        ImageFiles.write(s, in);
        ComposeCommandTest.Result r = ComposeCommandTest.run("compose", "--size", "65535x32767", "--max-pixels", "3000000000",
                in.toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("blendbench compose: the 65535x32767 canvas needs 16.0 GiB of memory"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(Files.notExists(out));

        ComposeCommandTest.Result resize = ComposeCommandTest.run("resize", in.toString(), "--size", "65535x32767",
                "--max-pixels", "3000000000", "-o", out.toString());
        assertEquals(2, resize.code(), resize.err());
        assertTrue(resize.err().startsWith("blendbench resize: the 65535x32767 output needs 16.0 GiB"), resize.err());
    }

    @Test
    void aCanvasPastTheLongestArray_isRefusedWithExitTwo_notAnInternalError() throws IOException {
        Path in = dir.resolve("in.png");
        ImageFiles.write(Surface.allocate(4, 4), in);
        ComposeCommandTest.Result r = ComposeCommandTest.run("compose", "--size", "50000x50000", "--max-pixels", "3000000000",
                in.toString(), "-o", dir.resolve("out.png").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("blendbench compose: canvas 50000x50000 has more pixels than one image can hold (2147483639)", r.err().strip());
    }
}

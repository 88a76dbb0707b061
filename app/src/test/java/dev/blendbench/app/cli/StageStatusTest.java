package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StageStatusTest {
    @Test
    void onATerminal_eachStageOverwritesTheLast_andClearingLeavesTheLineEmpty() {
        StringWriter out = new StringWriter();
        StageStatus s = new StageStatus(new PrintWriter(out), true);
        s.say("decoding a.png (1 of 2)");
        s.say("encoding out.png");
        s.clear();
        s.clear();
        assertEquals("\r\033[Kdecoding a.png (1 of 2)…\r\033[Kencoding out.png…\r\033[K", out.toString(), "cleared once");
    }

    @Test
    void offATerminal_nothingIsWritten_soScriptsSeeOnlyTheResult() {
        StringWriter out = new StringWriter();
        StageStatus s = new StageStatus(new PrintWriter(out), false);
        s.say("compositing 10x10, 1 layer on 1 thread");
        s.clear();
        assertEquals("", out.toString());
    }
}

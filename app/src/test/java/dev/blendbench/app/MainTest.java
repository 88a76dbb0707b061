package dev.blendbench.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void oneShotSubcommands_preferScalarKernels_unlessTheUserChose() {
        assertTrue(Main.preferScalar(new String[] {"compose", "a.png", "-o", "b.png"}, null));
        assertTrue(Main.preferScalar(new String[] {"resize", "a.png"}, null));
        assertFalse(Main.preferScalar(new String[] {"compose", "a.png"}, "true"));
        assertFalse(Main.preferScalar(new String[] {"stress", "--duration", "5s"}, null));
        assertFalse(Main.preferScalar(new String[0], null)); // the workbench
    }
}

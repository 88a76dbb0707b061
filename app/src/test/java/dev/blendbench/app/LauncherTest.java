package dev.blendbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The jar's entry point loads on any Java from 8 and says which one Blendbench needs. */
class LauncherTest {
    @Test
    void featureRelease_isReadFromBothVersionStyles() {
        assertEquals(8, Launcher.feature("1.8"));
        assertEquals(17, Launcher.feature("17"));
        assertEquals(25, Launcher.feature("25"));
        assertEquals(26, Launcher.feature("26.1"));
        assertEquals(0, Launcher.feature("unknown"));
    }

    @Test
    void launcherClass_isJava8Bytecode_soAnOldJavaCanRunIt() throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class"); DataInputStream d = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, d.readInt());
            d.readUnsignedShort(); // minor
            assertEquals(52, d.readUnsignedShort(), "class file major version: 52 is Java 8");
        }
    }
}

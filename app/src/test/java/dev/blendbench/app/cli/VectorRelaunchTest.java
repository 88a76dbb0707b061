package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorRelaunchTest {
    @Test
    void childJvms_runThisRuntimesJava_notTheProcessExecutable() {
        String java = VectorRelaunch.javaExecutable();
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java"), Path.of(java));
        assertTrue(Files.isExecutable(Path.of(java)));
    }

    @Test
    void theRelaunch_addsTheVectorModule_andPassesTheArgumentsOn() {
        List<String> cmd = VectorRelaunch.command(List.of("cliff", "--workers", "2"));
        assertEquals(VectorRelaunch.javaExecutable(), cmd.get(0));
        assertEquals(List.of("--add-modules", "jdk.incubator.vector"), cmd.subList(1, 3));
        assertEquals(List.of("dev.blendbench.app.Main", "cliff", "--workers", "2"), cmd.subList(cmd.size() - 4, cmd.size()));
    }
}

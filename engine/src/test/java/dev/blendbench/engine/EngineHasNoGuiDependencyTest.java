package dev.blendbench.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine is a plain library: no JavaFX, ControlsFX, JFreeChart or Swing imports in its sources. */
class EngineHasNoGuiDependencyTest {
    private static final Pattern GUI = Pattern.compile(
            "^import\\s+(static\\s+)?(javafx|org\\.controlsfx|org\\.jfree|javax\\.swing)\\.", Pattern.MULTILINE);

    @Test
    void engineSources_importNoGuiLibrary() throws IOException {
        Path main = Path.of("src", "main", "java");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return GUI.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}

package dev.blendbench.engine.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.surface.Rect;
import dev.blendbench.engine.surface.Surface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class RaceEventTest {
    @Test
    void aNewFinding_isOneFlightRecorderEvent_namingThePixelsAndBothAccesses() throws Exception {
        Path file = Files.createTempFile("blendbench", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("dev.blendbench.Race");
            r.start();
            RaceDetector d = new RaceDetector();
            Surface s = Surface.allocate(200, 100);
            RaceDetector.Actor a = d.actor("A"), b = d.actor("B");
            d.write(a, s, new Rect(0, 0, 100, 50));
            assertTrue(d.write(b, s, new Rect(99, 10, 2, 2)));
            assertTrue(d.write(b, s, new Rect(99, 10, 2, 2)), "the same pair of sites again: counted, not a new finding");
            r.stop();
            r.dump(file);
            List<RecordedEvent> races = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("dev.blendbench.Race")).toList();
            assertEquals(1, races.size(), "one event per finding, not per racing access");
            RecordedEvent e = races.get(0);
            assertEquals("1x2+99+10", e.getString("pixels"), "WxH+X+Y of the pixels both touched");
            assertTrue(e.getString("earlier").startsWith("write by A at "), e.getString("earlier"));
            assertTrue(e.getString("later").startsWith("write by B at "), e.getString("later"));
            assertEquals(d.findings().get(0).surface(), e.getString("surface"));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

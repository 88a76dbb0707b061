package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;

class SaveNamesTest {
    static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG", "*.png");

    @Test
    void aNameWithoutExtension_takesTheChosenTypes() {
        assertEquals(Path.of("out/scene.png"), SaveNames.withExtension(Path.of("out/scene"), PNG));
        assertEquals(Path.of("out/scene.jpg"), SaveNames.withExtension(Path.of("out/scene.jpg"), PNG), "a typed extension stays");
        assertEquals(Path.of("out/.hidden.png"), SaveNames.withExtension(Path.of("out/.hidden"), PNG), "a leading dot is not an extension");
        assertEquals(Path.of("out/scene"), SaveNames.withExtension(Path.of("out/scene"), null), "no type chosen");
    }

    @Test
    void stem_dropsAShortExtensionOnly() {
        assertEquals("photo", SaveNames.stem("photo.png"));
        assertEquals("photo.final", SaveNames.stem("photo.final.tiff"));
        assertEquals("Untitled", SaveNames.stem("Untitled"));
        assertEquals("v1.0-release-candidate", SaveNames.stem("v1.0-release-candidate"));
    }
}

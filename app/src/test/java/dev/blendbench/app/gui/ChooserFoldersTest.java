package dev.blendbench.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder a file chooser opens in. */
class ChooserFoldersTest {
    @TempDir
    Path dir;

    @Test
    void theDocumentsFolder_comesFirst_thenTheLastUsed_thenTheWorkingDirectory() throws IOException {
        Path docs = Files.createDirectory(dir.resolve("docs")), last = Files.createDirectory(dir.resolve("last")),
                work = Files.createDirectory(dir.resolve("work"));
        assertEquals(docs, ChooserFolders.initial(docs.resolve("scene.ora"), last.toString(), work));
        assertEquals(last, ChooserFolders.initial(null, last.toString(), work));
        assertEquals(work, ChooserFolders.initial(null, null, work));
    }

    @Test
    void foldersThatAreGone_orGarbage_areSkipped() throws IOException {
        Path work = Files.createDirectory(dir.resolve("work"));
        assertEquals(work, ChooserFolders.initial(dir.resolve("gone/scene.ora"), dir.resolve("also-gone").toString(), work));
        assertEquals(work, ChooserFolders.initial(null, "relative/folder", work));
        assertEquals(work, ChooserFolders.initial(null, "bad\u0000path", work));
        assertNull(ChooserFolders.initial(null, "", dir.resolve("no-such")));
    }
}

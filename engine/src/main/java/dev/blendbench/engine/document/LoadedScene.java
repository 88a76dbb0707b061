package dev.blendbench.engine.document;

import dev.blendbench.engine.scene.Scene;
import java.util.List;
import java.util.Objects;

/**
 * A scene read from a layered file, with what could not be represented exactly: each warning is
 * one line a user should see (an unsupported blend mode drawn as normal, a mask left out, ...).
 */
public record LoadedScene(Scene scene, List<String> warnings) {
    public LoadedScene {
        Objects.requireNonNull(scene, "scene");
        warnings = List.copyOf(warnings);
    }
}

package dev.blendbench.app.gui;

import dev.blendbench.engine.colour.BlendSpace;
import dev.blendbench.engine.scene.Layer;
import dev.blendbench.engine.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The edited document: canvas size, background, blend space and the layers, bottom first.
 * Immutable, so the undo history is a list of these and a render works on a snapshot while the
 * user goes on editing.
 */
public record Doc(int width, int height, int background, BlendSpace blendSpace, List<LayerItem> layers) {
    public Doc {
        layers = List.copyOf(layers);
        new Scene(width, height, background, List.of(), blendSpace); // validates the canvas
    }

    public static Doc of(Scene s) {
        return new Doc(s.width(), s.height(), s.background(), s.blendSpace(), s.layers().stream().map(LayerItem::fromLayer).toList());
    }

    /** What the engine renders. */
    public Scene scene() {
        List<Layer> ls = new ArrayList<>(layers.size());
        for (LayerItem i : layers) ls.add(i.layer());
        return new Scene(width, height, background, ls, blendSpace);
    }

    public Doc withLayers(List<LayerItem> ls) { return new Doc(width, height, background, blendSpace, ls); }

    public Doc withLayer(int index, UnaryOperator<LayerItem> f) {
        List<LayerItem> ls = new ArrayList<>(layers);
        ls.set(index, f.apply(ls.get(index)));
        return withLayers(ls);
    }

    public Doc withSize(int w, int h) { return new Doc(w, h, background, blendSpace, layers); }

    public Doc withBackground(int argbPre) { return new Doc(width, height, argbPre, blendSpace, layers); }

    public Doc withBlendSpace(BlendSpace s) { return new Doc(width, height, background, s, layers); }

    /** Index of the layer with this id, or −1. */
    public int indexOf(long id) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).id() == id) return i;
        }
        return -1;
    }
}

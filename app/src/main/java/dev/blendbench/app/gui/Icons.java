package dev.blendbench.app.gui;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small vector icons (no icon font needed, so they draw the same on every machine). */
final class Icons {
    private Icons() {}

    static Node lock(boolean closed) {
        return icon(closed ? "M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z"
                : "M4 7V5a4 4 0 0 1 7.7-1.5l-1.8.8A2 2 0 0 0 6 5v2h7v8H3V7h1z");
    }

    static Node duplicate() {
        return icon("M5 1h9v9h-2V3H5V1zM2 5h9v10H2V5zm2 2v6h5V7H4z");
    }

    static Node delete() {
        return icon("M5 1h6v2h4v2H1V3h4V1zM2 6h12l-1 10H3L2 6zm3 2v6h2V8H5zm4 0v6h2V8H9z");
    }

    static Node add() {
        return icon("M7 2h2v5h5v2H9v5H7V9H2V7h5V2z");
    }

    private static Node icon(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.setStyle("-fx-fill: -fx-text-base-color;");
        return p;
    }
}

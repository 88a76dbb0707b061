package dev.blendbench.engine.surface;

/**
 * Told about pixel accesses made through a tracked surface's own methods ({@link Surface#tracked}):
 * a race detector listens so that direct pixel writes count like the engine's own.
 */
public interface AccessListener {
    void read(Surface s, Rect r);

    void write(Surface s, Rect r);
}

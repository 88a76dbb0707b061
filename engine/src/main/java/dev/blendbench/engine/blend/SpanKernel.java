package dev.blendbench.engine.blend;

/**
 * Blends {@code n} source pixels starting at {@code src[so]} onto {@code n} destination pixels
 * starting at {@code dst[dOff]}, in place. Both spans are premultiplied ARGB; they must not
 * overlap unless they are the same span. Implementations allocate nothing and hold no state.
 */
@FunctionalInterface
public interface SpanKernel {
    void blend(int[] src, int so, int[] dst, int dOff, int n);
}

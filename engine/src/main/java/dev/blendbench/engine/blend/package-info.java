/**
 * Blend modes and their kernels: the 13 Porter-Duff operators, the 16 W3C blend modes and
 * Photoshop's extras, all on 8-bit premultiplied ARGB.
 *
 * <p>Contract: every kernel stays within 1/255 per channel of the exact W3C formula applied to the
 * same 8-bit inputs (checked exhaustively against a float64 reference in the tests), keeps
 * channels ≤ alpha, allocates nothing and holds no state. {@link dev.blendbench.engine.blend.Compositor}
 * adds layer opacity and skips spans where the result is known without blending.
 */
package dev.blendbench.engine.blend;

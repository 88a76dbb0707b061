/**
 * The tiled renderer. Contract: {@link dev.blendbench.engine.render.TileRenderer} output is
 * bit-identical for every thread count and tile size; all layers of a tile are composited while
 * it is in cache; the caller's thread works too and returns only when every tile is written.
 */
package dev.blendbench.engine.render;

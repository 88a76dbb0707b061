/**
 * Resampling: reconstruction {@link dev.blendbench.engine.resample.Filter filters}, affine
 * {@link dev.blendbench.engine.resample.Transform transforms}, the per-layer
 * {@link dev.blendbench.engine.resample.Placement} the tiled renderer samples tile by tile, and
 * whole-image {@link dev.blendbench.engine.resample.Resampler#resize resizing}.
 *
 * <p>Everything here filters premultiplied pixels and clamps only the finished result, so
 * transparent edges get neither dark nor bright halos; downscaling widens a filter by
 * {@code 1 / scale} so that it does not alias.
 */
package dev.blendbench.engine.resample;

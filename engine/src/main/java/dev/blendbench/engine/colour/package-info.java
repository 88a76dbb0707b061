/**
 * Colour: the sRGB transfer curve and conversion of premultiplied pixels to and from linear light
 * ({@link dev.blendbench.engine.colour.Srgb}), the {@link dev.blendbench.engine.colour.BlendSpace}
 * a scene blends in, and RGB ↔ CMYK by formula or through an ICC profile
 * ({@link dev.blendbench.engine.colour.Cmyk}) on interleaved or planar images.
 */
package dev.blendbench.engine.colour;

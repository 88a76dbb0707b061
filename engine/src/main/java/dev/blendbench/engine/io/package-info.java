/**
 * Image files. Contract: {@link dev.blendbench.engine.io.ImageFiles} reads PNG, JPEG (CMYK too),
 * TIFF, BMP, GIF and WebP into premultiplied surfaces, refuses oversized images from the header
 * before decoding, reports every failure as a one-line
 * {@link dev.blendbench.engine.io.ImageReadException} naming the file, and writes PNG, JPEG and
 * TIFF atomically.
 */
package dev.blendbench.engine.io;

/**
 * Comparing two pictures of the same size, pixel by pixel: how many pixels differ, by how much
 * (a histogram of each pixel's largest channel difference), where the worst one is, the mean
 * difference and the PSNR, and a heat map that shows where they differ. Used to check a render
 * against the composite another program saved in a document, or one render against another.
 *
 * <p>Contract: pure functions of their arguments; the surfaces are only read.
 */
package dev.blendbench.engine.diff;

/**
 * Layered documents: OpenRaster read and write, Photoshop import. Contract: readers return a
 * {@link dev.blendbench.engine.document.LoadedScene} whose warnings name everything that could not
 * be represented; hostile archives fail with a one-line
 * {@link dev.blendbench.engine.document.DocumentException}; saves are atomic.
 */
package dev.blendbench.engine.document;

/**
 * Scenes: immutable descriptions of what to composite. A {@link dev.blendbench.engine.scene.Scene}
 * is a canvas size, a background and ordered {@link dev.blendbench.engine.scene.Layer}s, bottom
 * first. Editing a scene means making a new one ({@code withLayer}, {@code withMode}, ...).
 */
package dev.blendbench.engine.scene;

/**
 * The bundled demo scene, computed from formulas (deterministic on every machine). Contract:
 * {@link dev.blendbench.engine.demo.DemoScene} surfaces equal the PNGs in {@code assets/demo/}.
 */
package dev.blendbench.engine.demo;

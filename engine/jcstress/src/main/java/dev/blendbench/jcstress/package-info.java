/**
 * jcstress tests of the engine's concurrency claims, one class per claim, named by what must hold
 * in every interleaving: the buffer pool never lends one buffer twice and stays within its bound,
 * the race detector's verdict does not depend on the schedule, a surface's lazily built coverage
 * is safe to share, a renderer shared by callers and helper threads gives each caller its whole
 * image, the stress harness never splits a job between two intervals. {@code mvn verify} runs them briefly (one second each, one JVM configuration); for a
 * real hunt: {@code java -jar engine/jcstress/target/jcstress.jar -m quick} (or {@code default},
 * {@code tough}).
 */
package dev.blendbench.jcstress;

/**
 * jcstress tests of the engine's concurrency claims, one class per claim, named by what must hold
 * in every interleaving: the buffer pool never lends one buffer twice and stays within its bound,
 * the race detector's verdict does not depend on the schedule, a surface's lazily built coverage
 * is safe to share. {@code mvn verify} runs them briefly (jcstress's sanity mode); for a real hunt:
 * {@code java -jar engine/jcstress/target/jcstress.jar -m default} (or {@code tough}).
 */
package dev.blendbench.jcstress;

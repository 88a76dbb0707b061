/**
 * Pooled pixel buffers. Contract: {@link dev.blendbench.engine.pool.BufferPool} is thread-safe and
 * bounded; each acquire returns a lease that must be closed exactly once; checked pools detect
 * double release, use after release through the lease, and writes through stale references.
 */
package dev.blendbench.engine.pool;

package dev.blendbench.engine.stress;

/** A source of monotonic nanoseconds; injected so tests can drive time. */
@FunctionalInterface
public interface Ticker {
    long nanoTime();

    Ticker SYSTEM = System::nanoTime;
}

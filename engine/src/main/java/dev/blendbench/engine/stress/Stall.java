package dev.blendbench.engine.stress;

/**
 * A one-off freeze of all job service from {@code atNanos} for {@code lengthNanos} (session time,
 * measured from the start of the measured phase), as a long GC pause or a lock convoy would
 * cause: a job that starts or is running inside the window finishes only after it.
 */
public record Stall(long atNanos, long lengthNanos) {
    public Stall {
        if (atNanos < 0 || lengthNanos <= 0) {
            throw new IllegalArgumentException("stall needs a time at or after 0 and a positive length");
        }
    }

    /** Parses {@code AT:LENGTH}, e.g. {@code 10s:1s}. */
    public static Stall parse(String s) {
        String[] p = s.split(":");
        if (p.length != 2) {
            throw new IllegalArgumentException("stall must be AT:LENGTH, e.g. 10s:1s, got '" + s + "'");
        }
        return new Stall(Durations.parse(p[0]).toNanos(), Durations.parse(p[1]).toNanos());
    }
}

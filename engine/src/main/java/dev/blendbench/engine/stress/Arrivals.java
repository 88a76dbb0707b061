package dev.blendbench.engine.stress;

import java.util.Locale;

/** How open-loop arrivals are spaced. */
public enum Arrivals {
    /** Exactly 1/rate apart. */
    CONSTANT,
    /** Exponentially distributed gaps with mean 1/rate (a Poisson process). */
    POISSON;

    public static Arrivals parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown arrivals '" + s + "'; expected constant or poisson");
        }
    }
}

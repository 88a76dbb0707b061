package dev.blendbench.engine.race;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Thread names in natural order: "worker-2" before "worker-10", then as text. */
final class ThreadNames {
    private ThreadNames() {}

    /** Compares the text before a trailing number, then the number, then the whole name. */
    static final Comparator<String> NATURAL = Comparator.comparing(ThreadNames::stem)
            .thenComparing(ThreadNames::number)
            .thenComparing(Comparator.naturalOrder());

    /** The names of both sides, in natural order, once each. */
    static List<String> pair(Access earlier, Access later) {
        return sorted(List.of(earlier.threadName(), later.threadName()));
    }

    /** {@code names} in natural order, once each. */
    static List<String> sorted(Collection<String> names) {
        return names.stream().distinct().sorted(NATURAL).toList();
    }

    private static int digitsFrom(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) i--;
        return i;
    }

    private static String stem(String s) {
        return s.substring(0, digitsFrom(s));
    }

    /** The trailing number (of any length), or −1 where the name ends otherwise. */
    private static BigInteger number(String s) {
        int i = digitsFrom(s);
        return i == s.length() ? BigInteger.ONE.negate() : new BigInteger(s.substring(i));
    }
}

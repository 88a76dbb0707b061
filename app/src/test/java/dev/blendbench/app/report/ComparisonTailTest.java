package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tail test of {@link Comparison}: its chance against counting every ordering, and when it decides. */
class ComparisonTailTest {
    /**
     * The chance that at least k of n B values lie above all m A values, were all m + n values alike:
     * counted over every way of choosing which n of the m + n ranks are B's.
     */
    private static double bruteForce(int m, int n, int k) {
        int total = m + n, hits = 0, all = 0;
        for (int mask = 0; mask < 1 << total; mask++) {
            if (Integer.bitCount(mask) != n) continue; // bit r set: rank r (0 the highest) is B's
            all++;
            int top = 0;
            while (top < total && (mask >>> top & 1) == 1) top++;
            if (top >= k) hits++;
        }
        return (double) hits / all;
    }

    @Test
    void theChance_isTheShareOfOrderingsWithThatManyOfOneSideOnTop() {
        for (int[] c : new int[][] {{5, 5}, {6, 9}, {10, 4}, {8, 8}}) {
            int m = c[0], n = c[1];
            for (int k = 1; k <= n; k++) {
                double[] b = new double[n], a = new double[m];
                for (int i = 0; i < m; i++) a[i] = i; // A: 0 … m − 1
                for (int i = 0; i < n; i++) b[i] = i < k ? m + i : -1 - i; // k of B above all of A, the rest below
                Comparison.Tail t = Comparison.Tail.of(b, a, true);
                assertEquals(k, t.beyond());
                assertEquals(bruteForce(m, n, k), t.chance(), 1e-12, m + ", " + n + ", " + k);
            }
        }
    }

    @Test
    void itDecides_onlyWhereTheWorseIntervalsAreATenthOrMore_andNoChance() {
        double[] a = new double[100], many = new double[100], few = new double[100];
        for (int i = 0; i < 100; i++) {
            a[i] = 1 + i / 100.0;
            many[i] = i % 2 == 0 ? 1 + i / 100.0 : 50; // half the intervals far worse than all of A's
            few[i] = i < 5 ? 50 : 1 + i / 100.0; // five of them: a few stalls
        }
        Comparison.Tail t = Comparison.Tail.of(many, a, true);
        assertEquals(50, t.beyond());
        assertEquals(1.99, t.otherWorst(), 1e-12);
        assertTrue(t.chance() < 1e-15 && t.decides(), t.toString());
        assertFalse(Comparison.Tail.of(few, a, true).decides(), "5 of 100: fewer than a tenth");
        // ten of ten intervals each side: a tenth is one, but one above all of the other's is an even chance
        double[] tenA = new double[10], tenB = new double[10];
        for (int i = 0; i < 10; i++) {
            tenA[i] = i;
            tenB[i] = i == 0 ? 99 : i - 0.5;
        }
        Comparison.Tail one = Comparison.Tail.of(tenB, tenA, true);
        assertEquals(1, one.beyond());
        assertEquals(0.5, one.chance(), 1e-12);
        assertFalse(one.decides());
        // throughput: worse is lower
        Comparison.Tail low = Comparison.Tail.of(new double[] {10, 10, 10, 900}, new double[] {800, 850, 900, 950}, false);
        assertEquals(3, low.beyond());
        assertEquals(800, low.otherWorst(), 1e-12);
    }
}

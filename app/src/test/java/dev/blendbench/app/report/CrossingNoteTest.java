package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.app.report.Session.Point;
import dev.blendbench.app.report.Session.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class CrossingNoteTest {
    /** HdrHistogram's percentiles (five a halving of the distance to 100 %) for {@code count} jobs, at {@code ms(percentile)}. */
    private static Stats distribution(long count, DoubleUnaryOperator ms) {
        List<Point> points = new ArrayList<>();
        for (int half = 0; ; half++) {
            double lo = 100 * (1 - Math.pow(2, -half)), hi = 100 * (1 - Math.pow(2, -half - 1));
            boolean done = false;
            for (int k = 0; k < 5 && !done; k++) {
                double p = lo + (hi - lo) * k / 5;
                if (1 - p / 100 < 1.0 / count) done = true;
                else points.add(new Point(p, ms.applyAsDouble(p)));
            }
            if (done) break;
        }
        points.add(new Point(100, ms.applyAsDouble(100)));
        return new Stats(count, 1, 1, 1, 1, 1, 1, 1, points);
    }

    @Test
    void aFairLockAgainstABargingOne_crosses_slowerInTheBodyAndFasterInTheTail() {
        // barging: 1 ms for 98 % of jobs, then hundreds of ms; fair: 2 ms throughout, 9 ms at most
        Stats barging = distribution(4000, p -> p < 98 ? 1 : 1 + (p - 98) * 200);
        Stats fair = distribution(4000, p -> 2 + p / 100 * 7);
        String note = Comparison.crossingNote(barging, fair);
        assertTrue(note.startsWith("the latency distributions cross: B is slower at p"), note);
        assertTrue(note.endsWith("so a verdict on one percentile speaks for its side only"), note);
        assertTrue(note.contains(" and faster at p99."), "faster in the tail: " + note);
        List<String> places = places(note), swapped = places(Comparison.crossingNote(fair, barging));
        assertEquals(List.of(places.get(1), places.get(0)), swapped, "the other way round, the same places swap sides");
    }

    /** The percentiles a note names, slower's first. */
    private static List<String> places(String note) {
        var m = java.util.regex.Pattern.compile("slower at (p[\\d.]+) .* faster at (p[\\d.]+) ").matcher(note);
        assertTrue(m.find(), note);
        return List.of(m.group(1), m.group(2));
    }

    @Test
    void runsOfTheSameSettings_doNotCross_thoughTheyDifferByTwentyPercentHereAndThere() {
        Stats a = distribution(4000, p -> 1 + p / 50);
        Stats b = distribution(4000, p -> (1 + p / 50) * (p < 90 ? 1.2 : 0.8));
        assertEquals("", Comparison.crossingNote(a, b));
    }

    @Test
    void slowerEverywhere_isNoCrossing() {
        Stats a = distribution(4000, p -> 1 + p / 50);
        assertEquals("", Comparison.crossingNote(a, distribution(4000, p -> 3 * (1 + p / 50))));
    }

    @Test
    void theLastFewJobs_areNotWeighed() {
        // B's last 5 of 4000 jobs are 10× faster, its body 2× slower: 5 jobs are too few to say the tail is faster
        Stats a = distribution(4000, p -> p > 99.875 ? 100 : 1);
        Stats b = distribution(4000, p -> p > 99.875 ? 10 : 2);
        assertEquals("", Comparison.crossingNote(a, b));
    }

    @Test
    void filesWithoutTheDistribution_sayNothing() {
        Stats a = distribution(4000, p -> 1);
        assertEquals("", Comparison.crossingNote(a, new Stats(4000, 1, 1, 1, 1, 1, 1, 1)));
    }

    @Test
    void percentileNames_haveThreeDecimalsAtMost() {
        assertEquals("p50", Comparison.percentileName(50));
        assertEquals("p97.5", Comparison.percentileName(97.5));
        assertEquals("p99.844", Comparison.percentileName(99.84375));
    }
}

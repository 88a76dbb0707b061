package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blendbench.engine.stress.PercentilePoint;
import dev.blendbench.engine.stress.Percentiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HgrmTest {
    @Test
    void valuesAndPercentiles_areThoseHdrHistogramPrints_forTheSameHistogram() throws Exception {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) h.recordValue((long) (2e6 * Math.exp(0.5 * r.nextGaussian())));
        for (int i = 0; i < 25; i++) h.recordValue(200_000_000L + r.nextLong(300_000_000L));
        List<PercentilePoint> d = Percentiles.distribution(h);
        Session.Stats stats = new Session.Stats(h.getTotalCount(), h.getMean() / 1e6, 0, 0, 0, 0, 0, h.getMaxValue() / 1e6,
                d.stream().map(p -> new Session.Point(p.percentile(), p.nanos() / 1e6)).toList());
        Session s = new Session("s.json", Session.Kind.SESSION, "", false, Map.of(), "", "", Map.of(), Map.of(),
                Session.Summary.NONE, stats, Session.Stats.EMPTY, Map.of(), List.of(), List.of(), List.of(), null);
        List<String> ours = new String(Hgrm.render(s), StandardCharsets.UTF_8).lines().toList();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        h.outputPercentileDistribution(new PrintStream(b, true, StandardCharsets.UTF_8), Percentiles.TICKS_PER_HALF_DISTANCE, 1e6);
        List<String> theirs = b.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(theirs.get(0), ours.get(0), "the header");
        List<String[]> a = rows(ours), e = rows(theirs);
        assertEquals(e.size(), a.size(), "a row a point");
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i)[0], a.get(i)[0], "value at row " + i);
            assertEquals(e.get(i)[1], a.get(i)[1], "percentile at row " + i);
            assertEquals(Long.parseLong(e.get(i)[2]), Long.parseLong(a.get(i)[2]), 1 + 0.001 * h.getTotalCount(), "total count at row " + i);
            assertEquals(e.get(i).length, a.get(i).length, "columns at row " + i);
        }
        assertTrue(ours.stream().anyMatch(l -> l.startsWith("#[Mean    = ")));
    }

    /** The data rows, split into their columns. */
    private static List<String[]> rows(List<String> lines) {
        return lines.stream().skip(1).filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.strip().split(" +")).toList();
    }
}

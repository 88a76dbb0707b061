package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Out-of-range, malformed and non-finite option values for every subcommand: each is bad usage
 * (exit 2, one line naming the option), never an internal error (exit 1) or a started workload.
 * Arguments are separated by '|'.
 */
class HostileOptionsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "stress|--workers|1|--closed|--jobs|-1",
        "stress|--workers|0|--closed",
        "stress|--workers|1|--closed|--duration|-1s",
        "stress|--workers|1|--closed|--duration|NaN",
        "stress|--workers|1|--closed|--warmup|abc",
        "stress|--workers|1|--rate|0",
        "stress|--workers|1|--rate|Infinity",
        "stress|--workers|1|--closed|--ramp|0",
        "stress|--workers|1|--closed|--ramp|1.5",
        "stress|--workers|1|--closed|--synthetic|exp:abc",
        "stress|--workers|1|--closed|--inject-stall|x",
        "stress|--workers|1|--closed|--synthetic|const:1ms|--strategy|pooled",
        "stress|--workers|1|--closed|--synthetic|const:1ms|--stages|composite,encode",
        "stress|--workers|1|--closed|--synthetic|const:1ms|--max-pixels|10",
        "cliff|--workers|1|--synthetic|const:1ms|--strategy|pooled|--slo|p99=10ms",
        "stress|--workers|1|--closed|--heap|lots",
        "stress|--workers|1|--closed|--think|-5ms",
        "stress|--workers|1|--rate|10|--drain-limit|-1s",
        "stress|--workers|1|--rate|10|--drain-limit|forever",
        "stress|--workers|1|--closed|--drain-limit|5s",
        "stress|--workers|1|--rate|10|--think|5ms",
        "stress|--workers|1|--closed|--arrivals|poisson",
        "stress|--workers|1|--closed|--slo|p99=10ms",
        "stress|--workers|1|--closed|--ramp|1,2|--slo|p97=10ms",
        "stress|--workers|1|--closed|--ramp|1,2|--slo|10ms",
        "cliff|--workers|1|--from|-1|--to|100",
        "cliff|--workers|1|--slo|p99=abc",
        "cliff|--workers|4|--closed|--slo|p99=10ms",
        "cliff|--workers|4|--closed|--from|10|--to|100",
        "cliff|--workers|4|--closed|--arrivals|constant",
        "cliff|--workers|4|--closed|--steps|3",
        "cliff|--workers|4|--closed|--bisections|2",
        "cliff|--workers|2|--closed",
        "cliff|--workers|1|--steps|0",
        "cliff|--workers|1|--bisections|-1",
        "compose|--threads|0|a.png|-o|b.png",
        "compose|--size|0x10|a.png|-o|b.png",
        "compose|--background|#zz|a.png|-o|b.png",
        "compose|--max-pixels|-1|a.png|-o|b.png",
        "compose|a.png:scale=1e-9|-o|b.png",
        "compose|a.png:scale=0.00001:rotate=30|-o|b.png",
        "resize|a.png|--scale|NaN|-o|b.png",
        "resize|a.png|--width|99999999999|-o|b.png",
        "compare|--threshold|-5%|a.json|b.json",
        "compare|--metric|p42|a.json|b.json",
        "diff|--tolerance|-1|a.png|b.png",
        "diff|--tolerance|256|a.png|b.png",
        "diff|--max-pixels|0|a.png|b.png",
        "diff|--threads|0|a.ora",
        "diff|a.png",
        "diff|a.png|b.png|-o|c.webp",
    })
    void isBadUsage_inOneLine(String args) {
        ComposeCommandTest.Result r = ComposeCommandTest.run(args.split("\\|", -1));
        assertEquals(2, r.code(), args + " -> " + r.err());
        String err = r.err().strip();
        assertFalse(err.isEmpty() || err.contains("\n") || err.contains("internal error"), args + " -> " + err);
        assertTrue(err.startsWith("blendbench " + args.substring(0, args.indexOf('|'))), err);
    }

    /** Random LAYER specs from the pieces people (and scripts) get wrong: parsed, or refused as bad input. */
    @org.junit.jupiter.api.Test
    void randomLayerSpecs_parseOrAreBadInput() {
        String[] pieces = {"a.png", ":", "=", "mode", "opacity", "x", "y", "scale", "rotate", "filter", "multiply", "lanczos3", "-1",
            "0", "0.5", "%", "50%", "1e400", "NaN", "Infinity", "-0", "1,5", " ", "", "::", "==", "C:\\img.png", "é", "\u0000", "9999999999"};
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + r.nextInt(8); k > 0; k--) b.append(pieces[r.nextInt(pieces.length)]);
            String spec = b.toString();
            try {
                LayerSpec.parse(spec);
            } catch (BadInputException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n"), spec + " -> " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("'" + spec + "': " + e, e);
            }
        }
    }
}

package dev.blendbench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blendbench.app.report.Comparison;
import dev.blendbench.app.report.Session;
import java.util.List;

/**
 * {@code compare --json}: what {@code compare} prints, as JSON for a CI pipeline to keep or read
 * (schema {@value #SCHEMA}). A figure that is not finite (a ratio to a zero) is {@code null}.
 * The fields are described in docs/stress-json.md.
 */
final class CompareJson {
    static final String SCHEMA = "blendbench-compare/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompareJson() {}

    /** Two sessions: the table, the metric's ratio with its interval, the verdict and what was said beside it. */
    static byte[] session(Session a, Session b, Comparison c, String whereItWent, List<String> asides, boolean regression) {
        ObjectNode root = head(a, b, "sessions", c.metric(), c.threshold(), c.verdict().text(), regression, asides);
        judged(root, c);
        if (!whereItWent.isEmpty()) root.put("whereItWent", whereItWent);
        return bytes(root);
    }

    /** Two ramps: a judgement per load both ran, and the verdict over them. */
    static byte[] ramps(Session a, Session b, List<Comparison.StepComparison> steps, String verdict, List<String> asides,
                        boolean regression) {
        Comparison first = steps.get(0).comparison();
        ObjectNode root = head(a, b, "ramps", first.metric(), first.threshold(), verdict, regression, asides);
        ArrayNode out = root.putArray("steps");
        for (Comparison.StepComparison st : steps) {
            ObjectNode step = out.addObject();
            number(step, "load", st.load());
            step.put("loadText", st.loadText());
            step.put("verdict", st.comparison().verdict().text());
            judged(step, st.comparison());
        }
        return bytes(root);
    }

    private static ObjectNode head(Session a, Session b, String kind, String metric, double threshold, String verdict,
                                   boolean regression, List<String> asides) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("kind", kind);
        root.put("a", a.name());
        root.put("b", b.name());
        root.put("metric", metric.equals("p999") ? "p99.9" : metric);
        number(root, "threshold", threshold);
        root.put("verdict", verdict);
        root.put("regression", regression);
        ArrayNode said = root.putArray("messages");
        asides.forEach(said::add);
        return root;
    }

    /** The ratio of the median interval with its bootstrap interval, the notes and the side-by-side rows. */
    private static void judged(ObjectNode node, Comparison c) {
        number(node, "ratio", c.ratio());
        number(node, "low", c.low());
        number(node, "high", c.high());
        node.put("intervalsA", c.samplesA());
        node.put("intervalsB", c.samplesB());
        ArrayNode notes = node.putArray("notes");
        c.notes().forEach(notes::add);
        ArrayNode rows = node.putArray("rows");
        for (Comparison.Row r : c.rows()) {
            ObjectNode row = rows.addObject();
            row.put("name", r.name());
            number(row, "a", r.a());
            number(row, "b", r.b());
            number(row, "ratio", r.ratio());
        }
    }

    private static void number(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) node.put(field, v);
        else node.putNull(field);
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values did not serialise: " + e.getMessage(), e);
        }
    }
}

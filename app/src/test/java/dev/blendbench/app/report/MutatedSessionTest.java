package dev.blendbench.app.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session files with hostile values — a field removed, a number negative, huge, tiny or made a
 * string, a list emptied, text where a number goes — read and, when read, reported in every
 * format and summed up in a sentence. Reading refuses with a one-line {@link ReportException}
 * naming the file, or gives a session that every report renders: nothing else may escape. A
 * failure names the fixture and seed, to replay it.
 */
class MutatedSessionTest {
    private static final int CASES = 150;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> HOSTILE = List.of(F.numberNode(-1), F.numberNode(0), F.numberNode(1e308), F.numberNode(-1e308),
            F.numberNode(1e-320), F.numberNode(Long.MAX_VALUE), F.numberNode(Long.MIN_VALUE), F.numberNode(0.5), F.textNode(""),
            F.textNode("NaN"), F.textNode("x"), F.nullNode(), F.arrayNode(), F.objectNode(), F.booleanNode(true));

    @TempDir
    Path dir;

    /** Every value in the tree, as a way to replace it (or, for a field, to remove it). */
    private static void slots(JsonNode node, List<Consumer<JsonNode>> replace, List<Runnable> remove) {
        if (node instanceof ObjectNode o) {
            for (String field : iterable(o.fieldNames())) {
                replace.add(v -> o.set(field, v));
                remove.add(() -> o.remove(field));
                slots(o.get(field), replace, remove);
            }
        } else if (node instanceof ArrayNode a) {
            remove.add(a::removeAll);
            for (int i = 0; i < a.size(); i++) {
                int at = i;
                replace.add(v -> a.set(at, v));
                slots(a.get(i), replace, remove);
            }
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    static String mutate(String json, SplittableRandom r) throws IOException {
        JsonNode root = JSON.readTree(json);
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            List<Consumer<JsonNode>> replace = new ArrayList<>();
            List<Runnable> remove = new ArrayList<>();
            slots(root, replace, remove);
            if (r.nextInt(4) == 0 && !remove.isEmpty()) remove.get(r.nextInt(remove.size())).run();
            else if (!replace.isEmpty()) replace.get(r.nextInt(replace.size())).accept(HOSTILE.get(r.nextInt(HOSTILE.size())));
        }
        return JSON.writeValueAsString(root);
    }

    @Test
    void hostileValues_areRefusedWithOneLine_orReportedInEveryFormat() throws IOException {
        for (String fixture : List.of("pooled.json", "race.json", "ramp.json", "cliff.json")) {
            String good;
            try (InputStream in = getClass().getResourceAsStream("/sessions/" + fixture)) {
                good = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            int read = 0, refused = 0;
            for (int seed = 0; seed < CASES; seed++) {
                Path p = dir.resolve(seed + "-" + fixture);
                Files.writeString(p, mutate(good, new SplittableRandom(seed)));
                String where = fixture + " seed " + seed;
                try {
                    Session s = SessionReader.read(p);
                    read++;
                    List<Session> both = List.of(s, s);
                    HtmlReport.render(both);
                    SessionCsv.render(both);
                    Summaries.sentence(s);
                    if (seed % 10 == 0) PdfReport.render(List.of(s));
                } catch (ReportException e) {
                    assertTrue(e.getMessage().startsWith(p.toString()) && !e.getMessage().contains("\n"), where + ": '" + e.getMessage() + "'");
                    refused++;
                } catch (Throwable t) {
                    fail(where + ": " + t, t);
                }
                Files.delete(p);
            }
            assertTrue(read > 0 && refused > 0, fixture + ": " + read + " read, " + refused + " refused");
        }
    }
}

package dev.blendbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.blendbench.app.cli.ComposeCommandTest.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.blendbench.app.report.SessionReader;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class ReportCommandTest {
    @TempDir
    Path dir;

    /** A session file from src/test/resources/sessions (written by this build's stress and cliff commands). */
    Path session(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/sessions/" + name)) {
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    @Test
    void hgrm_isOneSessionsDistribution_asHdrHistogramPrintsIt_andOtherFilesAreRefusedWithOneLine() throws IOException {
        Path out = dir.resolve("s.hgrm");
        Result r = ComposeCommandTest.run("report", session("pooled.json").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("       Value     Percentile TotalCount 1/(1-Percentile)", lines.get(0));
        assertTrue(lines.get(2).matches(" +0\\.941 0\\.000000000000 +0 +1\\.00"), lines.get(2));
        String last = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches(" +128\\.778 1\\.000000000000 +4129"), "the slowest job, at 100 %, without 1/(1-p): " + last);
        assertTrue(lines.contains("#[Total count    =         4129]"), lines.toString());
        for (String[] c : new String[][] {{session("ramp.json").toString(), "ramp.json is a ramp: an .hgrm holds one session's latency distribution"},
                {session("race.json").toString(), "race.json holds no latency distribution (written before stress --json kept it)"}}) {
            r = ComposeCommandTest.run("report", c[0], "-o", dir.resolve("x.hgrm").toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains(c[1]) && r.err().strip().lines().count() == 1, r.err());
        }
        r = ComposeCommandTest.run("report", session("pooled.json").toString(), session("pooled.json").toString(), "-o", dir.resolve("x.hgrm").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("an .hgrm holds one latency distribution: give one session file, not 2"), r.err());
        assertFalse(Files.exists(dir.resolve("x.hgrm")), "nothing written on failure");
    }

    @Test
    void aFileOfAnotherKindGivenForASession_isNamedForWhatItIs(@TempDir Path files) throws IOException {
        Path png = files.resolve("layer.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_ARGB), "png", png.toFile());
        Path pooled = session("pooled.json");
        // what this tool itself writes beside session files, each given where a session belongs
        java.util.Map<String, String> made = new java.util.LinkedHashMap<>();
        made.put("layer.png", "a PNG image");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 6, java.awt.image.BufferedImage.TYPE_INT_RGB), "bmp",
                files.resolve("layer.bmp").toFile());
        made.put("layer.bmp", "a BMP image");
        for (String[] c : new String[][] {{"flat.jpg", "a JPEG image"}, {"flat.tif", "a TIFF image"}, {"scene.ora", "an OpenRaster document"}}) {
            assertEquals(0, ComposeCommandTest.run("compose", png.toString(), "-o", files.resolve(c[0]).toString()).code());
            made.put(c[0], c[1]);
        }
        for (String[] c : new String[][] {{"r.html", "an HTML page (a report?)"}, {"r.pdf", "a PDF (a report?)"},
                {"r.csv", "a CSV file (stress --csv writes the intervals)"}, {"r.hgrm", "an HdrHistogram percentile distribution (.hgrm)"}}) {
            Result r = ComposeCommandTest.run("report", pooled.toString(), "-o", files.resolve(c[0]).toString());
            assertEquals(0, r.code(), r.err());
            made.put(c[0], c[1]);
        }
        for (var e : made.entrySet()) {
            Path f = files.resolve(e.getKey());
            String said = f + ": " + e.getValue() + ", not a session file (stress --json and cliff --json write those)";
            Result r = ComposeCommandTest.run("report", f.toString(), "-o", dir.resolve("x.html").toString());
            assertEquals(2, r.code(), e.getKey());
            assertEquals("blendbench report: " + said, r.err().strip());
            r = ComposeCommandTest.run("compare", pooled.toString(), f.toString());
            assertEquals(2, r.code(), e.getKey());
            // a picture given to compare: the command that compares pictures named too
            boolean picture = e.getValue().endsWith(" image") || e.getValue().endsWith(" document");
            assertEquals("blendbench compare: " + said + (picture ? "; blendbench diff compares pictures" : ""), r.err().strip());
        }
        Path bmw = Files.writeString(files.resolve("bmw.txt"), "BMW fleet, week 48: slower than last week\n");
        assertTrue(ComposeCommandTest.run("compare", pooled.toString(), bmw.toString()).err().contains("not JSON (it begins with 'BMW')"),
                "text that begins as a BMP does is not called one");
        Path notes = Files.writeString(files.resolve("notes.txt"), "# Notes on the run\nslower than last week\n");
        Result said = ComposeCommandTest.run("compare", pooled.toString(), notes.toString());
        assertEquals("blendbench compare: " + notes + ": not JSON (it begins with '#'), so not a session file (stress --json and cliff --json write those)",
                said.err().strip());
        Path broken = files.resolve("broken.json");
        Files.writeString(broken, "{\"version\": 1,\n  \"summary\": {,\n");
        Result r = ComposeCommandTest.run("report", broken.toString(), "-o", dir.resolve("x.html").toString());
        assertTrue(r.err().strip().startsWith("blendbench report: " + broken + ": not valid JSON (line 2, column "), "a broken session file is still said to be one: " + r.err());
    }

    @Test
    void html_isOneSelfContainedFile_withSummaryTablesChartsAndRaceStacks() throws IOException {
        Path out = dir.resolve("r.html");
        Result r = ComposeCommandTest.run("report", session("race.json").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        for (String forbidden : List.of("<script", "<link", "@import", "src=\"http", "href=\"http", "url(http", "<img")) {
            assertFalse(html.contains(forbidden), "fetches or runs something: " + forbidden);
        }
        assertTrue(html.contains("p99 was ") && html.contains("under strategy shared-unsafe"), "summary sentence");
        assertEquals(3, count(html, "<svg"), "percentiles over time, throughput, heap churn");
        assertTrue(html.contains("stage: composite") && html.contains("Machine and JVM"));
        assertTrue(html.contains("Race 1") && html.contains("CompositeWorkload") && html.contains("earlier: write"), "both stacks");
    }

    @Test
    void severalSessions_getAComparisonTableAndChart_andRampsAndCliffsTheirLoadPlots() throws IOException {
        Path out = dir.resolve("all.html");
        Result r = ComposeCommandTest.run("report", session("pooled.json").toString(), session("race.json").toString(),
                session("ramp.json").toString(), session("cliff.json").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("Sessions compared") && html.contains(">pooled<") && html.contains("shared-unsafe (race.json)"));
        assertTrue(html.contains("the knee is at ") && html.contains("p99 rose from "), "ramp and cliff sentences");
        assertTrue(count(html, "Latency versus load") >= 2);
        // the table compares the two sessions; the ramp and the cliff search, which have no one set of figures, compare as curves
        String table = html.substring(html.indexOf("<h2>Sessions compared</h2>"), html.indexOf("<h2>Ramps and cliff searches compared</h2>"));
        assertTrue(table.contains("(race.json)") && !table.contains("(ramp.json)") && !table.contains("(cliff.json)"), table);
        // and judges the second against the first, as the workbench's Strategies tab does
        assertTrue(java.util.regex.Pattern.compile("<p class=\"verdict\">shared-unsafe \\(race\\.json\\) vs pooled: p99 ×\\d+\\.\\d{3} \\(95 % CI"
                + " \\d+\\.\\d{3}–\\d+\\.\\d{3}, \\d+/\\d+ intervals\\) → (slower|faster|no significant change)").matcher(table).find(), table);
        assertTrue(html.contains("Latency versus load, compared"));
    }

    @Test
    void filesOfOneName_fromTwoFolders_areBothReported_namedByFolder() throws IOException {
        // runs from two machines, both called ramp.json: this was an internal error (two chart series of one name)
        Path a = Files.createDirectories(dir.resolve("laptop")).resolve("ramp.json"), b = Files.createDirectories(dir.resolve("server")).resolve("ramp.json");
        Files.copy(session("ramp.json"), a);
        Files.copy(session("ramp.json"), b);
        Path out = dir.resolve("two.html");
        Result r = ComposeCommandTest.run("report", a.toString(), b.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out);
        assertTrue(html.contains("laptop/ramp.json p99") && html.contains("server/ramp.json p99"), "both curves, told apart");
        Path pdf = dir.resolve("same.pdf");
        assertEquals(0, ComposeCommandTest.run("report", a.toString(), a.toString(), "-o", pdf.toString()).code(), "the same file twice");
        Result c = ComposeCommandTest.run("compare", session("pooled.json").toString(), session("pooled.json").toString());
        assertTrue(c.out().contains("pooled.json (2)"), c.out());
    }

    @Test
    void pdf_hasTheSameContent_asText() throws IOException {
        Path out = dir.resolve("r.pdf");
        Result r = ComposeCommandTest.run("report", session("pooled.json").toString(), session("race.json").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        byte[] pdf = Files.readAllBytes(out);
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        PdfReader reader = new PdfReader(pdf);
        assertTrue(reader.getNumberOfPages() >= 3, "pages: " + reader.getNumberOfPages());
        String first = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(first.contains("Sessions compared") && first.contains("p99 was"), first);
        assertTrue(first.replaceAll("\\s+", " ").contains("shared-unsafe (race.json) vs pooled: p99 ×"), "the verdict, as the HTML has it: " + first);
        reader.close();
    }

    @Test
    void csv_hasOneRowPerInterval() throws IOException {
        Path out = dir.resolve("r.csv");
        Path in = session("pooled.json");
        assertEquals(0, ComposeCommandTest.run("report", in.toString(), "-o", out.toString()).code());
        List<String> lines = Files.readAllLines(out);
        JsonNode json = new ObjectMapper().readTree(in.toFile());
        assertTrue(lines.get(0).startsWith("session,step,end_s,throughput_per_s"));
        assertEquals(json.get("intervals").size() + 1, lines.size());
    }

    @Test
    void badInput_exit2WithOneLineNamingTheProblem() throws IOException {
        Path good = session("pooled.json");
        String text = Files.readString(good);
        Path truncated = Files.writeString(dir.resolve("truncated.json"), text.substring(0, text.length() / 2));
        Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"name\": \"something else\", \"version\": 3}");
        Path other = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"acme/2\"}");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2, 3]");
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xC0, 1, 2, 0, (byte) 0xFE});
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(text);
        ((ObjectNode) n.get("latency")).put("p99", "slow");
        Path wrongType = Files.writeString(dir.resolve("wrongtype.json"), n.toString());
        String[][] cases = {
                {dir.resolve("missing.json").toString(), "no such file"},
                {truncated.toString(), "not valid JSON"},
                {foreign.toString(), "not a Blendbench session"},
                {other.toString(), "acme/2"},
                {array.toString(), "not a Blendbench session"},
                {empty.toString(), "not a Blendbench session"},
                {binary.toString(), "not valid JSON"},
                {wrongType.toString(), "latency.p99 is not a number"},
        };
        for (String[] c : cases) {
            Result r = ComposeCommandTest.run("report", c[0], "-o", dir.resolve("x.html").toString());
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[1]), c[1] + " expected in: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.html")), "nothing written on failure");
        Result r = ComposeCommandTest.run("report", good.toString(), "-o", dir.resolve("x.docx").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(".html, .pdf, .csv or .hgrm"), r.err());
        r = ComposeCommandTest.run("report", good.toString(), "-o", dir.resolve("nowhere/x.html").toString());
        assertEquals(2, r.code());
    }

    /** pooled.json with every interval's latency (and the totals) multiplied by {@code k}. */
    Path scaled(double k, String name) throws IOException {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(session("pooled.json").toFile());
        for (JsonNode i : n.get("intervals")) scale((ObjectNode) i.get("latency"), k);
        scale((ObjectNode) n.get("latency"), k);
        return Files.writeString(dir.resolve(name), n.toString());
    }

    private static void scale(ObjectNode stats, double k) {
        for (String f : List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) stats.put(f, stats.get(f).asDouble() * k);
    }

    @Test
    void csv_ofSessionsAndACliffSearch_isRefused_namingTheCliff_notWrittenWithoutIt() throws IOException {
        Path out = dir.resolve("mixed.csv");
        Result r = ComposeCommandTest.run("report", session("pooled.json").toString(), session("cliff.json").toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("blendbench report: a CSV holds the interval series of sessions and ramps, or the rates cliff searches tried, "
                + "not both: write cliff.json to a CSV of its own", r.err().strip());
        assertFalse(Files.exists(out));
        assertEquals(0, ComposeCommandTest.run("report", session("cliff.json").toString(), "-o", out.toString()).code());
        assertTrue(Files.readString(out).startsWith("session,load,measured_ms,passed,throughput_per_s"));
    }

    @Test
    void aSessionThatMeasuredNoJob_saysSo_andShowsNoFiguresRatherThanZeros() throws Exception {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(session("pooled.json").toFile());
        ((ObjectNode) n.get("summary")).put("jobs", 0).put("stopped", true).put("measuredSeconds", 0.0).put("bytesPerJob", 0.0);
        ObjectNode lat = (ObjectNode) n.get("latency");
        for (String f : List.of("count", "mean", "p50", "p90", "p95", "p99", "p999", "max")) lat.put(f, 0);
        dev.blendbench.app.report.Session s = SessionReader.parse(SessionReader.tree(n.toString()), "none.json", "none.json");
        String sentence = dev.blendbench.app.report.Summaries.sentence(s);
        assertTrue(sentence.startsWith("No job was measured. It was stopped in its warm-up."), sentence);
        assertFalse(sentence.contains("allocated"), sentence);
        List<String> row = dev.blendbench.app.report.ReportTables.comparisonRows(List.of(s)).get(0);
        List<String> header = dev.blendbench.app.report.ReportTables.comparisonHeader();
        assertEquals("0", row.get(header.indexOf("jobs")));
        for (String column : List.of("p50", "p95", "p99", "p99.9", "service p99", "busy", "bytes/job")) {
            assertEquals("–", row.get(header.indexOf(column)), column);
        }
    }

    @Test
    void compare_warnsOfASideStoppedShortOrCold_butStillJudges() throws IOException {
        Path a = session("pooled.json");
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        double asked = n.at("/settings/durationSeconds").asDouble();
        ((ObjectNode) n.get("summary")).put("stopped", true).put("warmupJobs", 0);
        Path cut = Files.writeString(dir.resolve("cut.json"), n.toString());
        Result r = ComposeCommandTest.run("compare", a.toString(), cut.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("verdict: no significant change"), r.out());
        assertEquals(List.of("warning: B (cut.json) was stopped after " + SessionReader.fmt(n.at("/summary/measuredSeconds").asDouble())
                        + " s of the " + SessionReader.fmt(asked).replaceAll("\\.0+$", "") + " s asked",
                "warning: B (cut.json) started cold: no job ended in its warm-up"), aside(r));
        // the fixture, a real session of 4 s after 1 s of warm-up, was itself still warming up: said of it too
        assertTrue(r.err().contains("warning: A (pooled.json) was still warming up: its jobs' mean service time fell "), r.err());
        // stopped while an overloaded open loop drained its backlog: past the time asked
        ((ObjectNode) n.get("summary")).put("measuredSeconds", asked + 2.5).put("warmupJobs", 10);
        Files.writeString(cut, n.toString());
        r = ComposeCommandTest.run("compare", a.toString(), cut.toString());
        assertEquals(List.of("warning: B (cut.json) was stopped 2.50 s into draining its backlog, before it was drained"), aside(r));
        // a session that ended at its own --jobs limit is complete
        ((ObjectNode) n.get("settings")).put("maxJobs", n.at("/summary/jobs").asLong());
        ((ObjectNode) n.get("summary")).put("warmupJobs", 10);
        Files.writeString(cut, n.toString());
        r = ComposeCommandTest.run("compare", a.toString(), cut.toString());
        assertEquals(List.of(), aside(r));
    }

    /** The warnings of a compare, but that its fixture (A, and B made from it) was still warming up. */
    private static List<String> aside(Result r) {
        return r.err().strip().lines().filter(l -> !l.contains(" was still warming up: ")).toList();
    }

    @Test
    void compare_ofTwoOpenLoops_showsTheServiceTheWaitAndTheBusyWorkers_andSaysWhereTheDifferenceWent() throws IOException {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(session("pooled.json").toFile());
        ObjectNode load = (ObjectNode) n.at("/settings/load");
        load.removeAll().put("model", "open").put("workers", 2).put("ratePerSecond", n.at("/summary/throughputPerSecond").asDouble())
                .put("arrivals", "constant");
        Path a = Files.writeString(dir.resolve("open-a.json"), n.toString());
        // B: every job waited 5 ms more to start, as a busier queue makes them
        for (String path : new String[] {"/latency", "/intervals"}) {
            List<JsonNode> stats = new java.util.ArrayList<>();
            if (path.equals("/latency")) stats.add(n.at(path));
            else n.at(path).forEach(i -> stats.add(i.get("latency")));
            for (JsonNode st : stats) {
                for (String f : List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) ((ObjectNode) st).put(f, st.get(f).asDouble() + 5);
            }
        }
        Path b = Files.writeString(dir.resolve("open-b.json"), n.toString());
        Result r = ComposeCommandTest.run("compare", a.toString(), b.toString());
        assertEquals(3, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("service p99 +(\\S+) ms +\\1 ms +1\\.000×")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("mean wait +0 ms +5 ms +–")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("busy +(\\d+) % +\\1 % +1\\.000×")), r.out());
        assertTrue(r.out().contains("where it went: the difference in mean latency (") && r.out().contains(" is mostly the wait to start (mean 0 → 5 ms"),
                r.out());
        // closed loops: no wait to start, so no such rows or line
        Result closed = ComposeCommandTest.run("compare", session("pooled.json").toString(), session("pooled.json").toString());
        assertFalse(closed.out().contains("mean wait") || closed.out().contains("where it went"), closed.out());
    }

    @Test
    void compare_twoRamps_stepByStep_slowerWhereAnyLoadIsSlower() throws IOException {
        // two ramps were refused ("ramp.json is a ramp, not a single stress session")
        Path a = session("ramp.json");
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        for (JsonNode st : n.get("steps")) {
            if (st.at("/load/ratePerSecond").asDouble() != 600) continue;
            for (JsonNode i : st.get("intervals")) {
                ObjectNode l = (ObjectNode) i.get("latency");
                for (String f : List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) l.put(f, l.get(f).asDouble() * 1.6);
            }
        }
        Path b = Files.writeString(dir.resolve("slower-at-600.json"), n.toString());
        Result r = ComposeCommandTest.run("compare", a.toString(), b.toString());
        assertEquals(CompareCommand.REGRESSION, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("600 jobs/s\\s+.*1\\.600×.*slower")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("200 jobs/s\\s+.*1\\.000×.*no significant change")), r.out());
        assertTrue(r.out().contains("verdict: slower at 600 jobs/s"), r.out());

        Result same = ComposeCommandTest.run("compare", a.toString(), a.toString());
        assertEquals(0, same.code(), same.out());
        assertTrue(same.out().contains("verdict: no significant change at any load"), same.out());

        // no load in common, or a ramp against a session: bad input, one line
        for (JsonNode st : n.get("steps")) ((ObjectNode) st.get("load")).put("ratePerSecond", st.at("/load/ratePerSecond").asDouble() + 1);
        Path other = Files.writeString(dir.resolve("other-loads.json"), n.toString());
        Result none = ComposeCommandTest.run("compare", a.toString(), other.toString());
        assertEquals(2, none.code());
        assertEquals("blendbench compare: the ramps share no load: compare ramps run at the same steps", none.err().strip());
        Result mixed = ComposeCommandTest.run("compare", a.toString(), session("pooled.json").toString());
        assertEquals(2, mixed.code());
        assertEquals("blendbench compare: ramp.json is a ramp and pooled.json a single session: compare two sessions, or two ramps"
                + " (step by step)", mixed.err().strip());
    }

    @Test
    void compare_saysWhenAFewIntervalsCarryTheDifference_andWhatChangeTheRunsCannotRuleOut() throws IOException {
        Path a = session("pooled.json");
        // a session of 4 s against itself: 37 intervals each, too few to rule out a change of 5 %
        Result same = ComposeCommandTest.run("compare", a.toString(), a.toString());
        assertTrue(same.out().lines().anyMatch(l -> l.matches("note: these runs cannot rule out a change up to 1\\.\\d+× or down to 0\\.\\d+×"
                + " \\(the 95 % interval\\), past the 5 % threshold: longer sessions, with more intervals, narrow the interval")), same.out());
        assertFalse(same.out().contains("over the whole sessions"), same.out());

        // B: three intervals stalled (as a lock held by one worker starves the other), the whole session's p99 doubled by them
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        for (int k : new int[] {10, 20, 30}) ((ObjectNode) n.get("intervals").get(k).get("latency")).put("p99", 900.0);
        ((ObjectNode) n.get("latency")).put("p99", n.at("/latency/p99").asDouble() * 2);
        Path stalls = Files.writeString(dir.resolve("stalls.json"), n.toString());
        Result r = ComposeCommandTest.run("compare", a.toString(), stalls.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("verdict: no significant change"), r.out());
        assertTrue(r.out().contains("note: over the whole sessions B's p99 is 2.000× A's (slower): the difference lies in a few intervals"
                + " (3 of B's 37 worse than all of A's), which the median interval discounts (the worst interval's p99: B 900 ms, A 128.8 ms)"),
                r.out());

        // B: every other interval stalled (a lock that is not fair: one worker starved, then not): the median interval falls
        // between the two kinds and cannot tell, but 18 of 37 intervals worse than all of A's are no chance
        n = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        double typicalA = java.util.stream.StreamSupport.stream(n.get("intervals").spliterator(), false)
                .mapToDouble(in -> in.at("/latency/p99").asDouble()).sorted().skip(n.get("intervals").size() / 2).findFirst().orElseThrow();
        for (int k = 0; k < n.get("intervals").size(); k++) {
            ((ObjectNode) n.get("intervals").get(k).get("latency")).put("p99", k % 2 == 1 ? 900.0 : 0.7 * typicalA);
        }
        ((ObjectNode) n.get("latency")).put("p99", n.at("/latency/p99").asDouble() * 2);
        Path twoKinds = Files.writeString(dir.resolve("two-kinds.json"), n.toString());
        r = ComposeCommandTest.run("compare", a.toString(), twoKinds.toString());
        assertEquals(CompareCommand.REGRESSION, r.code(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("note: the median interval cannot tell \\(its 95 % interval runs \\d\\.\\d+–\\d+\\.\\d+×\\),"
                + " but 18 of B's 37 intervals had a p99 above A's worst \\(128\\.8 ms\\), which chance would give less than once in 1,000"
                + " were the two alike, and over the whole sessions B's p99 is 2\\.000× A's: B's intervals are of two kinds, and its worse"
                + " kind decides")), r.out());
        assertTrue(r.out().contains("verdict: slower (threshold 5 %)"), r.out());
        r = ComposeCommandTest.run("compare", twoKinds.toString(), a.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("verdict: faster (threshold 5 %)") && r.out().contains("18 of A's 37 intervals had a p99 above B's worst"),
                r.out());

        // B: every other interval 2× slower, the others 0.6×: the median interval lies anywhere between, the runs cannot tell
        n = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        int i = 0;
        for (JsonNode in : n.get("intervals")) scale((ObjectNode) in.get("latency"), i++ % 2 == 0 ? 2 : 0.6);
        Path noisy = Files.writeString(dir.resolve("noisy.json"), n.toString());
        r = ComposeCommandTest.run("compare", a.toString(), noisy.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("verdict: no significant change (threshold 5 %)\nnote: these runs cannot rule out a change up to "), r.out());

        // B: every interval's p99 1.6× A's, the whole session's the same: the typical interval moved, the session did not
        n = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        for (JsonNode in : n.get("intervals")) ((ObjectNode) in.get("latency")).put("p99", in.at("/latency/p99").asDouble() * 1.6);
        Path typical = Files.writeString(dir.resolve("typical.json"), n.toString());
        r = ComposeCommandTest.run("compare", a.toString(), typical.toString());
        assertEquals(CompareCommand.REGRESSION, r.code(), r.out());
        assertTrue(r.out().contains("verdict: slower (threshold 5 %)\nnote: over the whole sessions B's p99 is 1.000× A's, within the 5 %"
                + " threshold: the typical interval changed, the sessions' p99 did not"), r.out());
    }

    @Test
    void compare_writesItsJudgementAsJson_forAPipelineToKeep() throws IOException {
        Path a = session("pooled.json");
        Path out = dir.resolve("cmp.json");
        Result r = ComposeCommandTest.run("compare", a.toString(), scaled(1.6, "slow.json").toString(), "--json", out.toString());
        assertEquals(CompareCommand.REGRESSION, r.code(), r.out());
        assertTrue(r.out().strip().endsWith("wrote " + out), r.out());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals("blendbench-compare/1", j.get("schema").asText());
        assertEquals("sessions", j.get("kind").asText());
        assertEquals("slower", j.get("verdict").asText());
        assertTrue(j.get("regression").asBoolean());
        assertEquals("p99", j.get("metric").asText());
        assertEquals(0.05, j.get("threshold").asDouble(), 1e-12);
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "median B / A: %.3f×", j.get("ratio").asDouble())), r.out());
        assertTrue(j.get("low").asDouble() > 1 && j.get("high").asDouble() >= j.get("low").asDouble());
        JsonNode p99 = null;
        for (JsonNode row : j.get("rows")) if (row.get("name").asText().equals("p99")) p99 = row;
        assertEquals(1.6, p99.get("ratio").asDouble(), 1e-9);
        // what stderr said is kept too, and a ratio to a zero is null rather than a bad number
        assertEquals(r.err().strip().lines().toList(), java.util.stream.StreamSupport.stream(j.get("messages").spliterator(), false)
                .map(JsonNode::asText).toList());
        for (JsonNode row : j.get("rows")) {
            if (row.get("name").asText().equals("bytes/job")) assertTrue(row.get("ratio").isNumber() || row.get("ratio").isNull());
        }

        // two ramps: a judgement per load
        Result ramps = ComposeCommandTest.run("compare", session("ramp.json").toString(), session("ramp.json").toString(), "--json",
                out.toString());
        assertEquals(0, ramps.code(), ramps.out() + ramps.err());
        j = new ObjectMapper().readTree(out.toFile());
        assertEquals("ramps", j.get("kind").asText());
        assertEquals("no significant change at any load", j.get("verdict").asText());
        assertFalse(j.get("regression").asBoolean());
        assertTrue(j.get("steps").size() >= 2 && j.get("steps").get(0).has("loadText") && j.get("steps").get(0).has("rows"), j.toString());

        // its own input: refused, the session left as it was
        String before = Files.readString(a);
        Result own = ComposeCommandTest.run("compare", a.toString(), a.toString(), "--json", a.toString());
        assertEquals(2, own.code());
        assertEquals("blendbench compare: " + a + ": is A, a session being compared; write the comparison to another file", own.err().strip());
        assertEquals(before, Files.readString(a));
        // a folder that is not there: refused before anything is read
        Result bad = ComposeCommandTest.run("compare", a.toString(), a.toString(), "--json", dir.resolve("nowhere/cmp.json").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("does not exist") && bad.out().isEmpty(), bad.err() + bad.out());
    }

    @Test
    void compare_saysWhenAnIntervalsPercentileIsItsSlowestJob() throws IOException {
        Path a = session("pooled.json"); // about 100 jobs an interval
        Result r = ComposeCommandTest.run("compare", a.toString(), a.toString(), "--metric", "p99.9");
        assertTrue(r.out().lines().anyMatch(l -> l.matches("note: with \\d+ jobs in a typical 100 ms interval, an interval's p99\\.9 is its"
                + " slowest job \\(p99\\.9 needs 1000 or more to differ\\), so the verdict compares the intervals' slowest jobs")), r.out());
        r = ComposeCommandTest.run("compare", a.toString(), a.toString(), "--metric", "p90");
        assertFalse(r.out().contains("slowest job"), r.out());
        r = ComposeCommandTest.run("compare", a.toString(), a.toString(), "--metric", "max");
        assertFalse(r.out().contains("slowest job"), "max is the slowest job by name: " + r.out());
    }

    @Test
    void compare_ofTwoStrategies_saysSo_andWarnsOnlyOfAnotherJob() throws IOException {
        Path a = session("pooled.json");
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(a.toFile());
        ObjectNode settings = (ObjectNode) n.get("settings");
        settings.put("strategy", "per-worker").put("workload", settings.get("workload").asText().replace("pooled", "per-worker"));
        Path perWorker = Files.writeString(dir.resolve("per-worker.json"), n.toString());
        Result r = ComposeCommandTest.run("compare", a.toString(), perWorker.toString());
        assertEquals(List.of("note: A ran strategy pooled and B per-worker: the comparison is between the strategies"), aside(r));
        settings.put("workload", settings.get("workload").asText().replace("3 layers", "8 layers"));
        Path other = Files.writeString(dir.resolve("other-scene.json"), n.toString());
        r = ComposeCommandTest.run("compare", a.toString(), other.toString());
        assertEquals(List.of("warning: the sessions ran different workloads ('composite 1920x1080, 3 layers, strategy pooled, stages"
                + " composite' vs 'composite 1920x1080, 8 layers, strategy per-worker, stages composite')"), aside(r));
    }

    @Test
    void compare_gatesOnRegressions_withADistinctExitCode() throws IOException {
        Path a = session("pooled.json");
        Result same = ComposeCommandTest.run("compare", a.toString(), a.toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("verdict: no significant change"), same.out());
        assertTrue(same.out().lines().anyMatch(l -> l.matches("bytes/job\\s+[0-9.]+ (B|KB|MB)\\s+[0-9.]+ (B|KB|MB)\\s+1\\.000×")),
                "bytes in human units: " + same.out());
        Result slower = ComposeCommandTest.run("compare", a.toString(), scaled(1.6, "slow.json").toString(), "--threshold", "5%");
        assertEquals(CompareCommand.REGRESSION, slower.code(), slower.out());
        assertTrue(slower.out().contains("verdict: slower") && slower.out().contains("95 % CI"), slower.out());
        Result faster = ComposeCommandTest.run("compare", a.toString(), scaled(0.6, "fast.json").toString(), "--metric", "p50");
        assertEquals(0, faster.code(), faster.out());
        assertTrue(faster.out().contains("verdict: faster"), faster.out());
        Result within = ComposeCommandTest.run("compare", a.toString(), scaled(1.03, "bit.json").toString(), "--threshold", "0.05");
        assertEquals(0, within.code(), within.out());
        assertTrue(within.out().contains("no significant change"), within.out());
    }

    @Test
    void compare_badInput_exit2() throws IOException {
        Path a = session("pooled.json");
        String[][] cases = {
                {"compare", a.toString(), session("ramp.json").toString()},
                {"compare", a.toString(), a.toString(), "--metric", "p42"},
                {"compare", a.toString(), a.toString(), "--threshold", "lots"},
                {"compare", a.toString(), dir.resolve("missing.json").toString()},
                {"compare", a.toString()},
        };
        for (String[] c : cases) {
            Result r = ComposeCommandTest.run(c);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().strip().lines().count() >= 1, r.err());
        }
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }
}

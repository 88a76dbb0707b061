package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Race;
import dev.blendbench.app.report.Session.Stats;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The HTML report: one self-contained file (styles inline, charts as inline SVG drawn by
 * JFreeChart, no scripts, nothing fetched), readable offline and printable.
 */
public final class HtmlReport {
    private HtmlReport() {}

    static final int CHART_W = 880, CHART_H = 300;

    public static byte[] render(List<Session> sessions) {
        sessions = Session.distinctNames(sessions); // charts key their series by name: two of one name must both show
        StringBuilder h = new StringBuilder(64 * 1024);
        String title = sessions.size() == 1 ? "Blendbench report — " + sessions.get(0).name()
                : "Blendbench report — " + sessions.size() + " sessions";
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n")
                .append(CSS).append("</style></head>\n<body><main>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        int[] chart = {0};
        if (sessions.size() > 1) {
            h.append("<section class=\"summary\">");
            for (Session s : sessions) {
                h.append("<p><b>").append(esc(Summaries.label(s))).append(":</b> ").append(esc(Summaries.sentence(s))).append("</p>");
            }
            h.append("</section>\n");
            List<Session> plain = Summaries.plainSessions(sessions), loads = Summaries.loadSearches(sessions);
            if (plain.size() >= 2) {
                h.append("<h2>Sessions compared</h2>\n");
                table(h, ReportTables.comparisonHeader(), ReportTables.comparisonRows(plain), "num");
                String note = Conditions.conditionsNote(plain);
                if (!note.isEmpty()) h.append("<p class=\"muted\">").append(esc(note)).append("</p>\n");
                for (String v : Verdicts.againstFirst(plain)) h.append("<p class=\"verdict\">").append(esc(v)).append("</p>\n");
                h.append(svg(ReportCharts.strategies(plain), chart));
                JFreeChart byPercentile = PercentileChart.compared(plain);
                if (byPercentile != null) h.append(svg(byPercentile, chart));
            }
            if (loads.size() >= 2) {
                h.append("<h2>Ramps and cliff searches compared</h2>\n").append(svg(LoadCurves.loadsCompared(loads), chart));
            }
        }
        for (Session s : sessions) {
            if (sessions.size() > 1) h.append("<hr><h2 class=\"session\">").append(esc(Summaries.label(s))).append("</h2>\n");
            else h.append("<section class=\"summary\"><p>").append(esc(Summaries.sentence(s))).append("</p></section>\n");
            session(h, s, chart);
        }
        h.append("<footer>Written by Blendbench from ").append(sessions.size() == 1 ? "" : "these ")
                .append(esc(String.join(", ", sessions.stream().map(Session::name).toList())))
                .append(". Times in milliseconds. Latency is measured from each job's intended start (no coordinated omission).</footer>\n");
        h.append("</main></body></html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void session(StringBuilder h, Session s, int[] chart) {
        h.append("<div class=\"facts\"><div><h3>Settings</h3>");
        kv(h, ReportTables.settings(s));
        h.append("</div><div><h3>Machine and JVM</h3>");
        kv(h, ReportTables.facts(s));
        h.append("</div></div>\n");
        if (s.kind() == Session.Kind.SESSION && s.latency().count() > 0) {
            h.append("<h2>Percentiles</h2>\n");
            table(h, ReportTables.percentileHeader(), ReportTables.percentileRows(s), "num");
        }
        if (s.kind() == Session.Kind.RAMP) {
            h.append("<h2>Steps</h2>\n");
            table(h, ReportTables.stepHeader(s), ReportTables.stepRows(s), "num");
        }
        if (s.kind() == Session.Kind.CLIFF) {
            h.append("<h2>").append(ReportTables.cliffTitle(s)).append("</h2>\n");
            table(h, ReportTables.cliffHeader(s), ReportTables.cliffRows(s), "num");
        }
        if (s.kind() != Session.Kind.SESSION) {
            h.append("<h2>Latency versus load</h2>\n").append(svg(LoadCurves.latencyVersusLoad(s), chart));
            JFreeChart usl = LoadCurves.throughputVersusWorkers(s);
            if (usl != null) h.append("<h2>Throughput versus workers</h2>\n").append(svg(usl, chart));
        }
        JFreeChart byPercentile = PercentileChart.of(s); // a session's, or each of a ramp's steps'
        if (byPercentile != null) h.append(svg(byPercentile, chart));
        if (!s.intervals().isEmpty()) {
            h.append("<h2>Over time</h2>\n");
            h.append(svg(ReportCharts.percentilesOverTime(s), chart));
            h.append(svg(ReportCharts.throughput(s), chart));
            h.append(svg(ReportCharts.heapChurn(s), chart));
            JFreeChart cpu = CpuChart.cpuOverTime(s);
            if (cpu != null) h.append(svg(cpu, chart));
        }
        if (Summaries.hasRaceSection(s)) {
            h.append("<h2>Race findings</h2>\n");
            JFreeChart races = ReportCharts.racesOverTime(s);
            if (races != null) h.append(svg(races, chart));
            if (s.races().isEmpty()) {
                h.append("<p class=\"muted\">").append(esc(Summaries.noRaces(s))).append("</p>\n");
            }
            int n = 0;
            for (Race r : s.races()) {
                n++;
                h.append("<details").append(n == 1 ? " open" : "").append("><summary><b>Race ").append(n).append("</b> on ")
                        .append(esc(r.surface())).append(", pixels ").append(esc(r.intersection())).append(" — ")
                        .append(r.count()).append(" racing access").append(r.count() == 1 ? "" : "es").append(' ').append(esc(r.threadsPhrase()))
                        .append(esc(r.whenPhrase())).append("</summary>\n<div class=\"stacks\">");
                boolean many = r.count() > 1; // the stacks are of the first pair, an example of them all
                access(h, many ? "first seen, earlier" : "earlier", r.earlier());
                access(h, many ? "first seen, later" : "later", r.later());
                h.append("</div></details>\n");
            }
        }
    }

    private static void access(StringBuilder h, String which, Session.Access a) {
        h.append("<div><h4>").append(which).append(": ").append(esc(a.kind())).append(" by ").append(esc(a.thread()))
                .append(", ").append(esc(a.rect())).append("</h4><pre>");
        for (String f : a.stack()) h.append(esc(f)).append('\n');
        h.append("</pre></div>");
    }

    private static String svg(JFreeChart c, int[] n) {
        SVGGraphics2D g = new SVGGraphics2D(CHART_W, CHART_H);
        g.setDefsKeyPrefix("c" + (n[0]++) + "_");
        c.draw(g, new Rectangle(0, 0, CHART_W, CHART_H));
        String el = g.getSVGElement(null, true, new ViewBox(0, 0, CHART_W, CHART_H), null, null);
        return "<figure class=\"chart\">" + el + "</figure>\n";
    }

    static void table(StringBuilder h, List<String> header, List<List<String>> rows, String cls) {
        h.append("<div class=\"table\"><table class=\"").append(cls).append("\"><thead><tr>");
        for (String c : header) h.append("<th>").append(esc(c)).append("</th>");
        h.append("</tr></thead><tbody>\n");
        for (List<String> r : rows) {
            h.append("<tr>");
            for (int i = 0; i < r.size(); i++) h.append(i == 0 ? "<th>" : "<td>").append(esc(r.get(i))).append(i == 0 ? "</th>" : "</td>");
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    private static void kv(StringBuilder h, Map<String, String> m) {
        List<List<String>> rows = new ArrayList<>();
        m.forEach((k, v) -> rows.add(List.of(k, v)));
        table(h, List.of("", ""), rows, "kv");
    }


    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;background:#f6f7f9;margin:0}
            main{max-width:960px;margin:0 auto;padding:24px 32px 48px;background:#fff}
            h1{font-size:22px;margin:0 0 12px}
            h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
            h2.session{font-size:19px;border:none;margin-top:8px}
            h3{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:0 0 6px}
            h4{font-size:13px;margin:6px 0}
            .summary{background:#eef4ff;border-left:4px solid #2b6cb0;padding:10px 14px;margin:8px 0 16px;font-size:15px}
            .summary p{margin:4px 0}
            .facts{display:grid;grid-template-columns:1fr 1fr;gap:24px}
            table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}
            table.num{width:100%}
            th,td{padding:4px 8px;border-bottom:1px solid #eaecef;text-align:right;white-space:nowrap}
            thead th{background:#f3f4f6;font-weight:600;white-space:normal;vertical-align:bottom}
            thead th:first-child{text-align:left}
            tbody th{text-align:left;font-weight:600;white-space:normal;min-width:8em}
            div.table{overflow-x:auto}
            table.kv th,table.kv td{text-align:left;white-space:normal;word-break:break-word}
            table.kv thead{display:none}
            table.kv th{color:#57606a;font-weight:500;width:40%}
            figure.chart{margin:8px 0 16px}
            figure.chart svg{width:100%;height:auto;display:block}
            details{border:1px solid #e5e7eb;border-radius:4px;margin:8px 0;padding:6px 10px}
            summary{cursor:pointer}
            .stacks{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px}
            pre{font-size:11px;background:#f6f8fa;padding:8px;margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
            .muted{color:#57606a}
            p.verdict{margin:6px 0;padding-left:10px;border-left:3px solid #d0d7de}
            hr{border:none;border-top:3px solid #e5e7eb;margin:36px 0 8px}
            footer{margin-top:32px;color:#57606a;font-size:12px}
            @media print{body{background:#fff}main{padding:0}details{break-inside:avoid}figure{break-inside:avoid}}
            """;
}

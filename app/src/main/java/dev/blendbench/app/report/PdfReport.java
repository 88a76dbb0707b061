package dev.blendbench.app.report;

import dev.blendbench.app.report.Session.Race;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The PDF report (OpenPDF): the same content as the HTML one, A4, charts drawn by JFreeChart
 * straight into PDF vector graphics. Text uses DejaVu Sans when the system has it (all of the
 * report's symbols), else Helvetica.
 */
public final class PdfReport {
    private PdfReport() {}

    private static final float CHART_W = 523, CHART_H = 190;
    private static final java.awt.Color ACCENT = new java.awt.Color(0x2b6cb0);

    public static byte[] render(List<Session> sessions) throws ReportException {
        sessions = Session.distinctNames(sessions); // charts key their series by name: two of one name must both show
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter w = PdfWriter.getInstance(doc, out);
            Fonts f = Fonts.load();
            doc.addTitle("Blendbench report");
            doc.addCreator("Blendbench");
            doc.open();
            String title = sessions.size() == 1 ? "Blendbench report — " + sessions.get(0).name()
                    : "Blendbench report — " + sessions.size() + " sessions";
            doc.add(new Paragraph(title, f.title));
            if (sessions.size() > 1) {
                for (Session s : sessions) summary(doc, f, Summaries.label(s) + ": " + Summaries.sentence(s));
                List<Session> plain = Summaries.plainSessions(sessions), loads = Summaries.loadSearches(sessions);
                if (plain.size() >= 2) {
                    heading(doc, f, "Sessions compared");
                    doc.add(table(f, ReportTables.comparisonHeader(), ReportTables.comparisonRows(plain)));
                    String note = Conditions.conditionsNote(plain);
                    if (!note.isEmpty()) doc.add(new Paragraph(note, f.body));
                    for (String v : Verdicts.againstFirst(plain)) doc.add(new Paragraph(v, f.body));
                    chart(doc, w, ReportCharts.strategies(plain));
                    JFreeChart byPercentile = PercentileChart.compared(plain);
                    if (byPercentile != null) chart(doc, w, byPercentile);
                }
                if (loads.size() >= 2) {
                    heading(doc, f, "Ramps and cliff searches compared");
                    chart(doc, w, LoadCurves.loadsCompared(loads));
                }
            }
            for (Session s : sessions) {
                if (sessions.size() > 1) {
                    doc.newPage();
                    doc.add(new Paragraph(Summaries.label(s), f.title));
                } else {
                    summary(doc, f, Summaries.sentence(s));
                }
                session(doc, w, f, s);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new ReportException("cannot lay out the PDF: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static void session(Document doc, PdfWriter w, Fonts f, Session s) throws DocumentException {
        heading(doc, f, "Settings");
        doc.add(kv(f, ReportTables.settings(s)));
        heading(doc, f, "Machine and JVM");
        doc.add(kv(f, ReportTables.facts(s)));
        if (s.kind() == Session.Kind.SESSION && s.latency().count() > 0) {
            heading(doc, f, "Percentiles (ms)");
            doc.add(table(f, ReportTables.percentileHeader(), ReportTables.percentileRows(s)));
        }
        if (s.kind() == Session.Kind.RAMP) {
            heading(doc, f, "Steps (ms)");
            doc.add(table(f, ReportTables.stepHeader(s), ReportTables.stepRows(s)));
        }
        if (s.kind() == Session.Kind.CLIFF) {
            heading(doc, f, ReportTables.cliffTitle(s));
            doc.add(table(f, ReportTables.cliffHeader(s), ReportTables.cliffRows(s)));
        }
        if (s.kind() != Session.Kind.SESSION) chart(doc, w, LoadCurves.latencyVersusLoad(s));
        JFreeChart usl = LoadCurves.throughputVersusWorkers(s);
        if (usl != null) chart(doc, w, usl);
        JFreeChart byPercentile = PercentileChart.of(s); // a session's, or each of a ramp's steps'
        if (byPercentile != null) chart(doc, w, byPercentile);
        if (!s.intervals().isEmpty()) {
            chart(doc, w, ReportCharts.percentilesOverTime(s));
            chart(doc, w, ReportCharts.throughput(s));
            chart(doc, w, ReportCharts.heapChurn(s));
            JFreeChart cpu = CpuChart.cpuOverTime(s);
            if (cpu != null) chart(doc, w, cpu);
        }
        if (Summaries.hasRaceSection(s)) {
            heading(doc, f, "Race findings");
            JFreeChart races = ReportCharts.racesOverTime(s);
            if (races != null) chart(doc, w, races);
            if (s.races().isEmpty()) doc.add(new Paragraph(Summaries.noRaces(s), f.body));
            int n = 0;
            for (Race r : s.races()) {
                n++;
                doc.add(new Paragraph("Race " + n + " on " + r.surface() + ", pixels " + r.intersection() + " — " + r.count()
                        + " racing access" + (r.count() == 1 ? " " : "es ") + r.threadsPhrase() + r.whenPhrase(), f.bold));
                for (var a : List.of(r.earlier(), r.later())) {
                    doc.add(new Paragraph((r.count() > 1 ? "first seen, " : "") + (a == r.earlier() ? "earlier: " : "later: ") + a.kind() + " by " + a.thread() + ", " + a.rect(), f.body));
                    Paragraph st = new Paragraph(String.join("\n", a.stack()), f.mono);
                    st.setIndentationLeft(12);
                    doc.add(st);
                }
            }
        }
    }

    private static void summary(Document doc, Fonts f, String text) throws DocumentException {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        t.setSpacingAfter(6);
        PdfPCell c = new PdfPCell(new Phrase(text, f.lead));
        c.setBorder(PdfPCell.LEFT);
        c.setBorderWidthLeft(3);
        c.setBorderColorLeft(ACCENT);
        c.setBackgroundColor(new java.awt.Color(0xeef4ff));
        c.setPadding(8);
        t.addCell(c);
        doc.add(t);
    }

    private static void heading(Document doc, Fonts f, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, f.heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static void chart(Document doc, PdfWriter w, JFreeChart c) throws DocumentException {
        PdfContentByte cb = w.getDirectContent();
        PdfTemplate tp = cb.createTemplate(CHART_W, CHART_H);
        Graphics2D g = tp.createGraphics(CHART_W, CHART_H);
        // lay the chart out at the HTML report's size, then scale it onto the page: same proportions of text to plot
        double k = CHART_W / HtmlReport.CHART_W;
        g.scale(k, k);
        c.draw(g, new Rectangle2D.Double(0, 0, HtmlReport.CHART_W, CHART_H / k));
        g.dispose();
        Image img = Image.getInstance(tp);
        img.setAlignment(Element.ALIGN_CENTER);
        img.setSpacingBefore(6);
        doc.add(img);
    }

    private static float textWidth(Font font, String text) {
        return font.getBaseFont() == null ? text.length() * font.getSize() * 0.6f : font.getBaseFont().getWidthPoint(text, font.getSize());
    }

    private static PdfPTable table(Fonts f, List<String> header, List<List<String>> rows) {
        PdfPTable t = new PdfPTable(header.size());
        t.setWidthPercentage(100);
        // each column as wide as its widest text (a header such as "saturated" kept on one line), plus padding
        float[] widths = new float[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = textWidth(f.head, header.get(i));
            for (List<String> r : rows) {
                if (i < r.size()) widths[i] = Math.max(widths[i], textWidth(i == 0 ? f.bold : f.small, r.get(i)));
            }
            widths[i] += 8;
        }
        try {
            t.setWidths(widths);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        t.setSpacingBefore(2);
        t.setHeaderRows(1);
        for (int i = 0; i < header.size(); i++) {
            PdfPCell c = new PdfPCell(new Phrase(header.get(i), f.head));
            c.setBackgroundColor(new java.awt.Color(0xf3f4f6));
            c.setBorderColor(new java.awt.Color(0xdddddd));
            c.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            t.addCell(c);
        }
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                PdfPCell c = new PdfPCell(new Phrase(r.get(i), i == 0 ? f.bold : f.small));
                c.setBorderColor(new java.awt.Color(0xdddddd));
                c.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                t.addCell(c);
            }
        }
        return t;
    }

    private static PdfPTable kv(Fonts f, Map<String, String> m) throws DocumentException {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setWidths(new float[] {2, 5});
        m.forEach((k, v) -> {
            PdfPCell a = new PdfPCell(new Phrase(k, f.small));
            PdfPCell b = new PdfPCell(new Phrase(v, f.small));
            a.setBorder(PdfPCell.BOTTOM);
            b.setBorder(PdfPCell.BOTTOM);
            a.setBorderColor(new java.awt.Color(0xeeeeee));
            b.setBorderColor(new java.awt.Color(0xeeeeee));
            t.addCell(a);
            t.addCell(b);
        });
        return t;
    }

    /** The report's fonts. */
    private record Fonts(Font title, Font heading, Font lead, Font body, Font bold, Font head, Font small, Font mono) {
        static Fonts load() {
            BaseFont regular = base("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", BaseFont.HELVETICA);
            BaseFont bold = base("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", BaseFont.HELVETICA_BOLD);
            BaseFont mono = base("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", BaseFont.COURIER);
            java.awt.Color ink = new java.awt.Color(0x1f2328);
            return new Fonts(new Font(bold, 16, Font.NORMAL, ink), new Font(bold, 12, Font.NORMAL, ink),
                    new Font(regular, 10.5f, Font.NORMAL, ink), new Font(regular, 9, Font.NORMAL, ink),
                    new Font(bold, 8, Font.NORMAL, ink), new Font(bold, 7, Font.NORMAL, ink), new Font(regular, 8, Font.NORMAL, ink),
                    new Font(mono, 6.5f, Font.NORMAL, new java.awt.Color(0x444444)));
        }

        private static BaseFont base(String ttf, String fallback) {
            try {
                if (Files.isReadable(Path.of(ttf))) return BaseFont.createFont(ttf, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                return BaseFont.createFont(fallback, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (java.io.IOException | DocumentException e) {
                throw new IllegalStateException("cannot load a font for the PDF report", e);
            }
        }
    }

}

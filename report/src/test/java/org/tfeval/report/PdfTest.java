package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDFs opened with poppler's pdfinfo and pdftotext, as a reader's viewer would. */
class PdfTest {
    /** The technical report has a title page, findings, methods, results, limitations and appendices. */
    static final int MIN_TECHNICAL_PAGES = 10;

    static Rendered r;

    @BeforeAll
    static void render() {
        r = Rendered.standard();
    }

    static int pages(Path pdf) {
        String info =
                Rendered.run(List.of(Rendered.tool("pdfinfo", "poppler-utils").toString(), pdf.toString()));
        return info.lines()
                .filter(l -> l.startsWith("Pages:"))
                .map(l -> Integer.parseInt(l.substring(6).trim()))
                .findFirst()
                .orElseThrow();
    }

    static String page(Path pdf, int first, int last) {
        return Rendered.run(List.of(
                Rendered.tool("pdftotext", "poppler-utils").toString(),
                "-f",
                Integer.toString(first),
                "-l",
                Integer.toString(last),
                "-layout",
                pdf.toString(),
                "-"));
    }

    @Test
    void the_technical_report_opens_with_a_synthetic_title_page_and_ends_with_the_appendices() {
        Path pdf = r.reports.technicalPdf();
        int n = pages(pdf);
        assertThat(n).isGreaterThanOrEqualTo(MIN_TECHNICAL_PAGES);
        assertThat(page(pdf, 1, 1))
                .contains("SYNTHETIC DATA")
                .contains("Cross-Site Technical Report")
                .contains(r.snapshot.id());
        assertThat(page(pdf, 2, 2)).contains("Contents").contains("Executive summary");
        assertThat(page(pdf, 3, 3)).contains("Executive summary");
        String all = page(pdf, 1, n);
        assertThat(all)
                .contains("Table 1.")
                .contains("Figure 1.")
                .contains("Figure 3.")
                .contains("Limitations")
                .contains("Appendix A: the instrument");
        assertThat(all).contains("Appendix C: the tests behind the methods");
        assertThat(page(pdf, n, n)).contains("Table").contains("page " + n + " of " + n);
    }

    @Test
    void the_practitioner_brief_is_exactly_two_pages() {
        Path pdf = r.reports.briefPdf();
        assertThat(pages(pdf)).isEqualTo(2);
        assertThat(page(pdf, 1, 1))
                .contains("SYNTHETIC DATA")
                .contains("Key figures")
                .contains("What we found");
        assertThat(page(pdf, 2, 2)).contains("What the data support").contains("Keep in mind");
    }

    @Test
    void every_task_force_report_opens_and_names_its_task_force_on_the_title_page() {
        for (var e : r.reports.taskForces().entrySet()) {
            Path pdf = e.getValue().resolve(Reports.TASK_FORCE_REPORT + ".pdf");
            assertThat(pages(pdf)).isGreaterThanOrEqualTo(2);
            assertThat(page(pdf, 1, 1))
                    .contains("Task force report: " + e.getKey())
                    .contains("SYNTHETIC DATA");
        }
    }

    static String info(Path pdf) {
        return Rendered.run(List.of(Rendered.tool("pdfinfo", "poppler-utils").toString(), pdf.toString()));
    }

    @Test
    void every_report_is_on_us_letter_by_default() {
        assertThat(info(r.reports.technicalPdf())).contains("Page size:       612 x 792 pts (letter)");
        assertThat(info(r.reports.briefPdf())).contains("612 x 792 pts (letter)");
        for (var dir : r.reports.taskForces().values())
            assertThat(info(dir.resolve(Reports.TASK_FORCE_REPORT + ".pdf"))).contains("612 x 792 pts (letter)");
    }

    @Test
    void a_document_asked_for_on_a4_is_laid_out_on_a4(@org.junit.jupiter.api.io.TempDir Path dir) {
        var d = org.tfeval.report.document.Document.create("t", "f").paper(org.tfeval.report.document.Paper.A4);
        d.section("A4");
        Path pdf = dir.resolve("a4.pdf");
        org.tfeval.report.document.PdfWriter.write(d.toXhtml(), pdf);
        assertThat(info(pdf)).containsPattern("Page size: +595\\.2\\d* x 841\\.8\\d* pts \\(A4\\)");
    }

    @Test
    void the_contents_give_the_page_each_section_starts_on() {
        Path pdf = r.reports.technicalPdf();
        String contents = page(pdf, 2, 2);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(\\d+)\\. (.+?)[ .]*?\\s(\\d+)\\s*$")
                .matcher(contents);
        int entries = 0;
        while (m.find()) {
            entries++;
            String heading = m.group(1) + ". " + m.group(2).replaceAll("[ .]+$", "");
            int at = Integer.parseInt(m.group(3));
            assertThat(page(pdf, at, at)).as(heading + " on page " + at).contains(heading);
        }
        assertThat(entries).isGreaterThanOrEqualTo(15);
    }

    @Test
    void no_table_caption_is_left_at_the_foot_of_a_page_without_its_table() {
        Path pdf = r.reports.technicalPdf();
        int n = pages(pdf);
        java.util.regex.Pattern caption = java.util.regex.Pattern.compile("^\\s*Table \\d+\\. ");
        int captions = 0;
        for (int p = 1; p <= n; p++) {
            List<String> lines = page(pdf, p, p)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .filter(l -> !l.contains(" of " + n) || !l.contains("page "))
                    .toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!caption.matcher(lines.get(i)).find()) continue;
                captions++;
                // the caption (one or two lines) is followed on its page by the header row and a row
                assertThat(lines.size() - i)
                        .as("page " + p + ": " + lines.get(i))
                        .isGreaterThanOrEqualTo(4);
            }
        }
        assertThat(captions).isGreaterThan(20);
    }
}

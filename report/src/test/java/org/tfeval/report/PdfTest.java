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
        assertThat(page(pdf, 2, 2)).contains("Summary of findings");
        String all = page(pdf, 1, n);
        assertThat(all)
                .contains("Table 1.")
                .contains("Figure 1.")
                .contains("Figure 3.")
                .contains("Limitations")
                .contains("Appendix A: the instrument");
        assertThat(page(pdf, n, n)).contains("Appendix B").contains("page " + n + " of " + n);
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
}

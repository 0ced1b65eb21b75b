package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.report.document.Format;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The technical report read as a reader would: its text, its tables, and the result files beside it. */
class TechnicalReportTest {
    /** The report has at least this many traced numbers (every table of every analysis). */
    static final int MIN_TRACED_NUMBERS = 500;

    static Rendered r;
    static Document html;
    static String text;

    @BeforeAll
    static void render() {
        r = Rendered.standard();
        html = Rendered.xml(r.reports.technicalHtml());
        text = html.getDocumentElement().getTextContent();
    }

    @Test
    void every_number_in_the_report_equals_its_cell_in_the_result_json_beside_it() {
        List<Element> traced = Rendered.withAttribute(html, "data-trace");
        assertThat(traced).hasSizeGreaterThan(MIN_TRACED_NUMBERS);
        for (Element e : traced) {
            assertThat(e.getTextContent())
                    .as(e.getAttribute("data-trace"))
                    .isEqualTo(r.expected(e.getAttribute("data-trace")));
        }
    }

    @Test
    void the_title_page_says_synthetic_data_in_big_letters_and_names_the_snapshot() {
        Element title = Rendered.elements(html, "section").get(0);
        assertThat(title.getAttribute("class")).isEqualTo("title-page");
        assertThat(title.getTextContent()).contains("SYNTHETIC DATA").contains(r.snapshot.id());
        Element banner = (Element) title.getElementsByTagName("p").item(0);
        assertThat(banner.getAttribute("class")).isEqualTo("synthetic");
    }

    @Test
    void tables_and_figures_are_numbered_in_order_and_name_their_source() {
        List<Element> tables = Rendered.elements(html, "table");
        for (int i = 0; i < tables.size(); i++) {
            String caption =
                    tables.get(i).getElementsByTagName("caption").item(0).getTextContent();
            assertThat(caption).startsWith("Table " + (i + 1) + ". ");
        }
        List<Element> figures = Rendered.elements(html, "figure");
        assertThat(figures).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < figures.size(); i++) {
            assertThat(figures.get(i).getElementsByTagName("svg").getLength()).isEqualTo(1);
            assertThat(figures.get(i).getElementsByTagName("figcaption").item(0).getTextContent())
                    .startsWith("Figure " + (i + 1) + ". ")
                    .contains("Source:");
        }
        long fromResults =
                tables.stream().filter(t -> t.hasAttribute("data-source")).count();
        assertThat(fromResults).isGreaterThan(20);
    }

    @Test
    void the_summary_states_the_sex_trafficking_figures_with_both_denominators() {
        ResultTable<OutcomeFunnel.ChargeRow> t =
                r.results.analysis(OutcomeFunnel.ID).table(OutcomeFunnel.TRAFFICKING_CHARGE_TABLE);
        String all = Format.percent(t.first(x -> x.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                .orElseThrow()
                .share()
                .pct());
        String pros = Format.percent(t.first(x -> x.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                .orElseThrow()
                .share()
                .pct());
        Element summary = Rendered.elements(html, "ul").get(0);
        assertThat(summary.getTextContent())
                .contains(all + " of all sex-trafficking investigations")
                .contains(pros + " of those prosecuted");
        // the interval the sentence quotes is the table's design-based one, and the sentence says so
        var share = t.first(x -> x.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                .orElseThrow()
                .share();
        assertThat(summary.getTextContent())
                .contains(Format.percentInterval(share.ciLow(), share.ciHigh()))
                .contains("design-based");
        assertThat(share.ciLow()).isNotEqualTo(share.wilsonLow());
    }

    @Test
    void the_summary_uses_holm_adjusted_p_values_and_leaves_task_force_features_to_the_site_level_table() {
        assertThat(text).doesNotContain("robust intervals excluding 1");
        // the demo study's models have fewer than 10 events per coefficient: the summary says so instead
        assertThat(text.contains("Task-force features are compared at the task-force level")
                        || text.contains("is not reported as a finding"))
                .isTrue();
        assertThat(text).doesNotContain("specialized prosecutor prosecuted more often (odds ratio");
    }

    @Test
    void limitations_are_derived_from_the_data() {
        long sites = r.results.analysis(SampleDescription.ID).table(SampleDescription.SITES).rows().stream()
                .filter(x -> !x.taskForce().equals(SampleDescription.ALL) && x.cases() > 0)
                .count();
        assertThat(text).contains("The case-file findings rest on " + sites + " task forces");
        assertThat(text)
                .contains("involve labor trafficking")
                .contains("point person")
                .contains("Only closed case files");
    }

    @Test
    void the_appendix_lists_every_variable_of_the_snapshots_instrument() {
        for (Form f : r.snapshot.instrument().forms()) {
            for (Variable v : f.variables()) assertThat(text).as(v.name()).contains(v.name());
        }
    }

    @Test
    void the_appendix_lists_the_sha256_of_every_result_file() throws Exception {
        try (var files = Files.list(r.reports.results())) {
            for (var p : (Iterable<java.nio.file.Path>) files::iterator) {
                assertThat(text).as(p.getFileName().toString()).contains(ContentHash.sha256(p));
            }
        }
    }
}

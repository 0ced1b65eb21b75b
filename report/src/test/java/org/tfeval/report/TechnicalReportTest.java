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
        Element summary = Rendered.elements(html, "li").stream()
                .filter(li -> li.getTextContent().contains("A charge under a trafficking statute"))
                .findFirst()
                .orElseThrow();
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

    /** The section headings (h2 with an id) in order, as printed. */
    static List<String> sections() {
        return Rendered.elements(html, "h2").stream()
                .filter(h -> h.hasAttribute("id"))
                .map(Element::getTextContent)
                .toList();
    }

    /** The elements between the section heading starting with {@code heading} and the next section heading. */
    static List<Element> sectionBody(String heading) {
        List<Element> out = new java.util.ArrayList<>();
        org.w3c.dom.Node n = Rendered.elements(html, "h2").stream()
                .filter(h -> h.hasAttribute("id") && h.getTextContent().contains(". " + heading))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + heading))
                .getNextSibling();
        for (; n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) continue;
            if (e.getTagName().equals("h2") && e.hasAttribute("id")) break;
            out.add(e);
        }
        return out;
    }

    @Test
    void the_contents_list_every_section_in_order_and_link_to_it() {
        Element nav = Rendered.elements(html, "nav").get(0);
        List<Element> links = Rendered.elements(nav, "a");
        assertThat(links.stream().map(Element::getTextContent).toList()).isEqualTo(sections());
        for (Element a : links) {
            String id = a.getAttribute("href").substring(1);
            assertThat(Rendered.elements(html, "h2").stream()
                            .anyMatch(h -> h.getAttribute("id").equals(id)))
                    .as(a.getAttribute("href"))
                    .isTrue();
        }
        List<String> names =
                sections().stream().map(h -> h.substring(h.indexOf(". ") + 2)).toList();
        assertThat(names)
                .containsSubsequence(
                        "Executive summary",
                        "Background",
                        "The program",
                        "Research questions",
                        "Methods",
                        "The sample",
                        "Site profiles",
                        "Findings on research question 1",
                        "Findings on research question 2",
                        "Findings on research question 3",
                        "Recommendations",
                        "Limitations",
                        "References",
                        "Appendix A: the instrument",
                        "Appendix B: result files",
                        "Appendix C: the tests behind the methods");
    }

    @Test
    void the_research_questions_are_the_instruments_and_each_names_the_section_that_answers_it() {
        var questions = r.snapshot.instrument().study().researchQuestions();
        assertThat(questions).hasSize(3);
        List<Element> items = sectionBody("Research questions").stream()
                .flatMap(e -> Rendered.elements(e, "li").stream())
                .toList();
        assertThat(items).hasSize(questions.size());
        List<String> secs = sections();
        for (int i = 0; i < questions.size(); i++) {
            String item = items.get(i).getTextContent();
            assertThat(item).startsWith((i + 1) + ". " + questions.get(i).question());
            String wanted = "Findings on research question " + (i + 1);
            String section =
                    secs.stream().filter(h -> h.endsWith(wanted)).findFirst().orElseThrow();
            assertThat(item).endsWith("(Section " + section.substring(0, section.indexOf('.')) + ")");
        }
    }

    @Test
    void the_executive_summary_is_prose_without_cautions_which_the_methods_note_holds() {
        List<Element> body = sectionBody("Executive summary");
        assertThat(body).isNotEmpty();
        for (Element e : body) {
            assertThat(e.getTagName()).isEqualTo("p");
            assertThat(e.getAttribute("class")).isNotEqualTo("caution");
        }
        String methods =
                sectionBody("Methods").stream().map(Element::getTextContent).reduce("", String::concat);
        for (var a : r.results.analyses()) {
            if (a.analysis().equals(org.tfeval.analysis.comparison.TaskForceComparison.ID)) continue;
            if (!a.warnings().isEmpty()) assertThat(methods).contains(a.title() + ":");
            for (String w : a.warnings()) assertThat(methods).contains(w);
        }
    }

    @Test
    void every_task_force_has_a_profile_page_with_its_features_sample_and_outcomes() {
        List<Element> body = sectionBody("Site profiles");
        List<String> taskForces =
                r.results.analysis(SampleDescription.ID).table(SampleDescription.SITES).rows().stream()
                        .map(SampleDescription.SiteRow::taskForce)
                        .filter(tf -> !tf.equals(SampleDescription.ALL))
                        .toList();
        assertThat(taskForces).isNotEmpty();
        List<Element> headings =
                body.stream().filter(e -> e.getTagName().equals("h3")).toList();
        assertThat(headings.stream().map(Element::getTextContent).toList())
                .containsExactlyElementsOf(
                        taskForces.stream().map(tf -> "Task force " + tf).toList());
        for (int i = 1; i < headings.size(); i++) {
            // a page of its own: a page break right before every heading but the first
            int at = body.indexOf(headings.get(i));
            assertThat(body.get(at - 1).getAttribute("class")).isEqualTo("page-break");
        }
        String captions = body.stream()
                .flatMap(e -> Rendered.elements(e, "caption").stream())
                .map(Element::getTextContent)
                .reduce("", (x, y) -> x + "|" + y);
        String words = body.stream().map(Element::getTextContent).reduce("", (x, y) -> x + "|" + y);
        long without = 0;
        for (var row : r.results
                .analysis(SampleDescription.ID)
                .table(SampleDescription.SITES)
                .rows()) {
            if (row.taskForce().equals(SampleDescription.ALL)) continue;
            assertThat(captions).contains(row.taskForce() + ": features and sample");
            // outcomes exactly for the task forces with case files; the others say why there are none
            assertThat(captions.contains(row.taskForce() + ": how far its cases went"))
                    .as(row.taskForce())
                    .isEqualTo(row.cases() > 0);
            if (row.cases() == 0) without++;
        }
        assertThat(words.split("No case files of this task force", -1)).hasSize((int) without + 1);
    }

    @Test
    void findings_cite_the_tables_their_numbers_come_from_and_recommendations_cite_their_findings() {
        var lookup = new org.tfeval.report.findings.ResultLookup(r.results);
        List<Element> tables = Rendered.elements(html, "table");
        java.util.regex.Pattern cite = java.util.regex.Pattern.compile("^ \\(Tables? ([0-9, and]+)\\)\\.$");
        int findings = 0;
        for (Element li : Rendered.elements(html, "li")) {
            String t = li.getTextContent();
            if (!t.startsWith("Finding ")) continue;
            findings++;
            // the sentence, then its citation before the closing full stop
            var st = org.tfeval.report.findings.Findings.summary(lookup).stream()
                    .filter(x -> t.contains(x.text().substring(0, x.text().length() - 1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not a generated finding: " + t));
            String body = st.text().substring(0, st.text().length() - 1);
            var m = cite.matcher(t.substring(t.indexOf(body) + body.length()));
            if (!m.find()) {
                // no citation only when none of its source tables is printed as a numbered table
                for (Element table : tables)
                    assertThat(st.sources().stream()
                                    .anyMatch(src -> table.getAttribute("data-source")
                                            .equals(src.replace("/", ".json, table "))))
                            .as("uncited: " + t)
                            .isFalse();
                continue;
            }
            for (String n : m.group(1).split(", | and ")) {
                String source = tables.get(Integer.parseInt(n.trim()) - 1).getAttribute("data-source");
                assertThat(st.sources().stream().anyMatch(src -> source.equals(src.replace("/", ".json, table "))))
                        .as(t + " cites " + source)
                        .isTrue();
            }
        }
        assertThat(findings).isGreaterThanOrEqualTo(5);
        List<Element> recs = sectionBody("Recommendations").stream()
                .flatMap(e -> Rendered.elements(e, "li").stream())
                .toList();
        assertThat(recs).isNotEmpty();
        long restingOnFindings = 0;
        for (Element li : recs) {
            String t = li.getTextContent();
            var m = java.util.regex.Pattern.compile("findings? ([\\d, and]+)").matcher(t);
            if (t.contains("(rests on finding") && m.find()) {
                restingOnFindings++;
                for (String k : m.group(1).split(",| and ")) {
                    if (k.isBlank()) continue;
                    assertThat(text).contains("Finding " + k.trim() + ". ");
                }
            }
        }
        assertThat(restingOnFindings).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_references_and_the_appendix_of_tests_name_what_the_methods_use_and_the_tests_exist() {
        String refs =
                sectionBody("References").stream().map(Element::getTextContent).reduce("", String::concat);
        assertThat(refs).contains("ICPSR").contains("Wilson, E. B. (1927)").contains("Holm, S. (1979)");
        assertThat(refs).contains("Firth, D. (1993)").contains("Webb, M. D. (2014)");
        // the instrument's offense codes are NIBRS-style: the vocabulary is cited; agreement was not computed here
        assertThat(refs).contains("NIBRS").doesNotContain("Krippendorff");
        List<Element> rows = sectionBody("Appendix C: the tests behind the methods").stream()
                .flatMap(e -> Rendered.elements(e, "tr").stream())
                .skip(1)
                .toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
        java.nio.file.Path repo = java.nio.file.Path.of("").toAbsolutePath().getParent();
        for (Element tr : rows) {
            String test = Rendered.elements(tr, "td").get(1).getTextContent();
            assertThat(repo.resolve(test)).as(test).isRegularFile();
        }
    }
}

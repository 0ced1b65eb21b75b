package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfeval.report.document.Cell;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The task-force reports: own figures in full, other task forces anonymized, no small count of theirs visible. */
class TaskForceReportTest {
    static final int K = ComplementarySuppression.MINIMUM_CELL_SIZE;
    static Rendered r;

    @BeforeAll
    static void render() {
        r = Rendered.standard();
    }

    static long number(String printed) {
        return Long.parseLong(printed.replace(",", ""));
    }

    @Test
    void every_task_force_with_cases_gets_a_report_in_html_pdf_and_its_printed_tables() {
        assertThat(r.reports.taskForces()).isNotEmpty();
        for (Path dir : r.reports.taskForces().values()) {
            assertThat(dir.resolve(Reports.TASK_FORCE_REPORT + ".html")).isRegularFile();
            assertThat(dir.resolve(Reports.TASK_FORCE_REPORT + ".pdf")).isRegularFile();
            assertThat(dir.resolve(Reports.TASK_FORCE_TABLES)).isRegularFile();
        }
    }

    @Test
    void no_count_of_another_task_force_from_1_to_10_is_visible_nor_derivable_from_a_total() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int withheld = 0;
        for (var e : r.reports.taskForces().entrySet()) {
            JsonNode root = json.readTree(
                    e.getValue().resolve(Reports.TASK_FORCE_TABLES).toFile());
            for (JsonNode t : root.path("tables")) {
                JsonNode rows = t.path("rows");
                if (!rows.get(0).get(0).asText().startsWith("Your task force")) continue;
                JsonNode own = rows.get(0);
                for (JsonNode row : rows) {
                    String label = row.get(0).asText();
                    for (int c = 1; c < row.size(); c++) {
                        String v = row.get(c).asText();
                        if (v.equals(Cell.SUPPRESSED)) {
                            withheld++;
                            continue;
                        }
                        if (label.startsWith("Task force ")) {
                            assertThat(number(v))
                                    .as(
                                            "%s %s: %s column %d",
                                            e.getKey(), t.path("caption").asText(), label, c)
                                    .matches(x -> x == 0 || x >= K);
                        } else if (label.equals("All task forces")
                                && !own.get(c).asText().equals(Cell.SUPPRESSED)) {
                            long others = number(v) - number(own.get(c).asText());
                            assertThat(others)
                                    .as(
                                            "%s %s: other task forces together, column %d",
                                            e.getKey(), t.path("caption").asText(), c)
                                    .matches(x -> x == 0 || x >= K);
                        }
                    }
                }
            }
        }
        assertThat(withheld)
                .as("the default study has small counts to withhold")
                .isPositive();
    }

    @Test
    void withheld_cells_print_the_marker_and_carry_no_trace() {
        for (Path dir : r.reports.taskForces().values()) {
            Document d = Rendered.xml(dir.resolve(Reports.TASK_FORCE_REPORT + ".html"));
            for (Element td : Rendered.elements(d, "td")) {
                if ("suppressed".equals(td.getAttribute("class"))) {
                    assertThat(td.getTextContent()).isEqualTo(Cell.SUPPRESSED);
                    assertThat(td.hasAttribute("data-trace")).isFalse();
                }
            }
        }
    }

    @Test
    void other_task_forces_are_never_named_and_their_cells_name_no_source() throws Exception {
        for (var e : r.reports.taskForces().entrySet()) {
            String html = Files.readString(e.getValue().resolve(Reports.TASK_FORCE_REPORT + ".html"));
            String tables = Files.readString(e.getValue().resolve(Reports.TASK_FORCE_TABLES));
            for (String other : r.reports.taskForces().keySet()) {
                if (other.equals(e.getKey())) continue;
                assertThat(html).as("%s names %s", e.getKey(), other).doesNotContain(other);
                assertThat(tables).as("%s tables name %s", e.getKey(), other).doesNotContain(other);
            }
            Document d = Rendered.xml(e.getValue().resolve(Reports.TASK_FORCE_REPORT + ".html"));
            for (Element tr : Rendered.elements(d, "tr")) {
                if (!tr.getTextContent().startsWith("Task force ")) continue;
                for (Element td : Rendered.elements(d, "td")) {
                    if (td.getParentNode() == tr)
                        assertThat(td.hasAttribute("data-trace")).isFalse();
                }
            }
        }
    }

    @Test
    void own_figures_equal_the_result_tables() {
        for (Path dir : r.reports.taskForces().values()) {
            Document d = Rendered.xml(dir.resolve(Reports.TASK_FORCE_REPORT + ".html"));
            List<Element> traced = Rendered.withAttribute(d, "data-trace");
            assertThat(traced).isNotEmpty();
            for (Element e : traced) {
                assertThat(e.getTextContent())
                        .as(e.getAttribute("data-trace"))
                        .isEqualTo(r.expected(e.getAttribute("data-trace")));
            }
        }
    }
}

package org.tfeval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ColumnKind;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.SyntheticSnapshots;
import org.tfeval.report.disclosure.PrintedCell;
import org.tfeval.report.disclosure.ReportSetAudit;
import org.tfeval.report.document.Edition;
import org.tfeval.report.taskforce.TaskForceReport;
import org.tfeval.stats.disclosure.ComplementarySuppression;

/**
 * Issue 10 item 8: the report set discloses nothing one report withholds. The attack is performed
 * by {@link ReportSetAudit} (every attacker, every number of the documents he holds, an exhaustive
 * integer search per withheld count); it must fail on what Reports writes and succeed on a set that
 * publishes the technical report naming task forces (the set as it was before the public edition).
 */
class ReportSetAuditTest {
    static final int K = ComplementarySuppression.MINIMUM_CELL_SIZE;
    static Rendered r;

    @BeforeAll
    static void render() {
        r = Rendered.standard();
    }

    static ReportSetAudit.Documents documents(ReportSet set, Path publicTechnical) {
        Map<String, Path> tfs = new LinkedHashMap<>();
        set.taskForces().forEach((tf, dir) -> tfs.put(tf, dir.resolve(Reports.TASK_FORCE_REPORT + ".html")));
        return new ReportSetAudit.Documents(List.of(publicTechnical, set.briefHtml()), tfs);
    }

    @Test
    void no_withheld_count_of_the_demo_set_can_be_worked_out_by_the_public_or_by_any_task_force() {
        ReportSetAudit.Result a =
                ReportSetAudit.audit(r.results, documents(r.reports, r.reports.publicTechnicalHtml()), K);
        assertThat(a.withheld()).isPositive();
        assertThat(a.checked())
                .as("attacker-count pairs")
                .isGreaterThan(r.reports.taskForces().size());
        assertThat(a.recovered()).isEmpty();
        assertThat(a.undecided()).isZero();
    }

    @Test
    void publishing_the_report_that_names_task_forces_lets_them_work_out_withheld_counts_so_the_attack_is_real() {
        ReportSetAudit.Result a = ReportSetAudit.audit(r.results, documents(r.reports, r.reports.technicalHtml()), K);
        assertThat(a.recovered()).isNotEmpty();
        // the public reader alone recovers counts the task-force reports withhold (a share per task force with its
        // size)
        assertThat(a.recovered())
                .anyMatch(x -> x.attacker().equals(ReportSetAudit.Attacker.PUBLIC)
                        && x.count().startsWith("stage|"));
    }

    @Test
    void generated_studies_with_small_task_forces_are_written_and_pass_the_audit(@TempDir Path dir) {
        for (int[] study : new int[][] {{60, 5}, {45, 4}}) {
            ReportSet set = Reports.standard()
                    .withPdf(false)
                    .build(
                            SyntheticSnapshots.of(study[0], study[1], 7L + study[0], false),
                            AnalysisSettings.defaults(),
                            "test",
                            dir.resolve("s" + study[0]));
            StudyResults results = StudyResults.read(set.results());
            ReportSetAudit.Result a = ReportSetAudit.audit(results, documents(set, set.publicTechnicalHtml()), K);
            assertThat(a.recovered())
                    .as("%d cases at %d task forces", study[0], study[1])
                    .isEmpty();
            assertThat(a.withheld()).isPositive();
        }
    }

    @Test
    void the_public_edition_names_no_task_force_and_the_restricted_one_says_so_on_every_page() throws IOException {
        String pub = Files.readString(r.reports.publicTechnicalHtml());
        String restricted = Files.readString(r.reports.technicalHtml());
        assertThat(r.reports.technicalHtml().getFileName().toString())
                .isEqualTo(Edition.RESTRICTED.fileName(Reports.TECHNICAL) + ".html")
                .contains("restricted");
        for (String tf : TaskForceReport.taskForces(r.results)) {
            assertThat(pub).doesNotContainPattern("(?<![A-Za-z0-9_])" + tf + "(?![A-Za-z0-9_])");
            assertThat(restricted).contains(tf);
        }
        assertThat(pub).contains("Task force A").contains(Edition.PUBLIC.marking());
        // a sentence about one task force names none, so no feature is tied to a label of the table
        assertThat(pub).doesNotContainPattern("\\(Task force [A-Z]+\\)");
        assertThat(restricted).contains(Edition.RESTRICTED.marking()).contains(Edition.RESTRICTED.footer(""));
        String index = Files.readString(r.reports.index());
        assertThat(index)
                .contains(Edition.RESTRICTED.fileName(Reports.TECHNICAL) + ".html\">")
                .contains("RESTRICTED");
    }

    @Test
    void the_public_edition_prints_no_count_of_people_from_1_to_10() {
        int counts = 0;
        for (PrintedCell c : PrintedCell.read(r.reports.publicTechnicalHtml())) {
            if (c.trace() == null || c.withheld()) continue;
            String[] p = c.trace().split("/");
            if (p[3].contains("+")) continue;
            var t = r.results.analysis(p[0]).table(p[1]);
            if (t.column(p[3]).kind() != ColumnKind.COUNT
                    || List.of("task_forces", "with", "without", "unknown", "excluded", "denominator")
                            .contains(p[3])) continue;
            counts++;
            Object v = t.value(Integer.parseInt(p[2]), p[3]);
            assertThat((Long) v).as(c.trace()).matches(n -> n == 0 || n >= K);
        }
        assertThat(counts).isPositive();
    }
}

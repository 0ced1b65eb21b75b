package org.tfeval.report.technical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.sample.SampleDescription.SiteRow;
import org.tfeval.analysis.sample.SampleDescription.TypeBySiteRow;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Cells;
import org.tfeval.report.document.Document;
import org.tfeval.report.document.Format;
import org.tfeval.report.document.TableView;
import org.tfeval.report.findings.ResultLookup;

/**
 * Site profiles: one page per task force with its features and sample (from the sample description's
 * table of task forces), its cases by type of trafficking, and its case outcomes stage by stage (from
 * the funnel's table by task force). Every value is traced to its result cell; the task force's name
 * is printed through the report's {@link SiteLabel}.
 */
final class SiteProfiles {
    /** Columns of the task-force table printed as the profile's features and sample, in order. */
    static final List<String> FEATURES = List.of(
            "scope", "lead_model", "files_provided", "sample_drawn_by", "file_mode", "cases", "victims", "suspects");

    /** Columns of a funnel row printed in the outcomes table. */
    static final List<String> OUTCOME_COLUMNS = List.of("n", "denominator", "pct", "ci_low+ci_high", "pct_of_previous");

    /** Said on the profile of a task force without case files in the snapshot. */
    static final String NO_CASE_FILES =
            "No case files of this task force are in the snapshot, so it has no case outcomes to profile.";

    private SiteProfiles() {}

    /** The task forces profiled: every row of the sample description's task-force table but the total. */
    static List<String> taskForces(ResultLookup lookup) {
        return lookup.table(SampleDescription.ID, SampleDescription.SITES)
                .map(t -> t.rows().stream()
                        .map(SiteRow::taskForce)
                        .filter(tf -> !tf.equals(SampleDescription.ALL))
                        .toList())
                .orElse(List.of());
    }

    /** The heading of a task force's profile. */
    static String heading(SiteLabel label, String taskForce) {
        return "Task force " + label.of(taskForce);
    }

    /** Writes one page per task force. */
    static void write(Document doc, ResultLookup lookup, SiteLabel label, String confidence) {
        var sites = lookup.table(SampleDescription.ID, SampleDescription.SITES);
        if (sites.isEmpty()) return;
        ResultTable<SiteRow> t = sites.get();
        doc.paragraph("One page per task force: its features and sample as recorded, its cases by type of "
                + "trafficking, and how far its cases went. The profiles describe each task force; comparisons between "
                + "task forces are in the findings.");
        boolean first = true;
        for (SiteRow row : t.rows()) {
            if (row.taskForce().equals(SampleDescription.ALL)) continue;
            if (!first) doc.pageBreak();
            first = false;
            String name = label.of(row.taskForce());
            doc.subsection(heading(label, row.taskForce()));
            TableView.Builder b = TableView.builder(name + ": features and sample")
                    .source(SampleDescription.ID, t.id())
                    .headers("Feature", "Value");
            for (String c : FEATURES)
                b.row(Cell.text(t.column(c).label()), Cells.value(SampleDescription.ID, t, row, c));
            doc.table(b.build());
            if (row.cases() == 0) {
                doc.paragraph(NO_CASE_FILES);
                continue;
            }
            types(doc, lookup, row.taskForce());
            outcomes(doc, lookup, name, row.taskForce(), confidence);
        }
    }

    private static void types(Document doc, ResultLookup lookup, String taskForce) {
        lookup.table(SampleDescription.ID, SampleDescription.TYPE_BY_SITE).ifPresent(t -> {
            List<String> parts = new ArrayList<>();
            for (TypeBySiteRow r : t.rows()) {
                if (r.taskForce().equals(taskForce) && r.cases() > 0)
                    parts.add(r.type().toLowerCase(Locale.ROOT) + ": " + Format.count(r.cases(), "case", "cases"));
            }
            if (!parts.isEmpty()) doc.paragraph("Cases by type of trafficking: " + String.join("; ", parts) + ".");
        });
    }

    private static void outcomes(Document doc, ResultLookup lookup, String name, String taskForce, String confidence) {
        lookup.table(OutcomeFunnel.ID, OutcomeFunnel.CASE_BY_SITE).ifPresent(t -> {
            List<String> headers = new ArrayList<>(List.of("Stage"));
            for (String c : OUTCOME_COLUMNS)
                headers.add(c.contains("+") ? confidence + " CI" : t.column(c).label());
            TableView.Builder b = TableView.builder(name + ": how far its cases went")
                    .source(OutcomeFunnel.ID, t.id())
                    .headers(headers.toArray(String[]::new));
            int rows = 0;
            for (StageRow r : t.rows()) {
                if (!r.group().equals(taskForce) || r.share().denominator() == 0) continue;
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.text(r.stage()));
                for (String c : OUTCOME_COLUMNS) {
                    if (c.contains("+")) {
                        String[] lh = c.split("\\+");
                        cells.add(Cells.interval(OutcomeFunnel.ID, t, r, lh[0], lh[1]));
                    } else {
                        cells.add(Cells.value(OutcomeFunnel.ID, t, r, c));
                    }
                }
                b.row(cells);
                rows++;
            }
            if (rows > 0) doc.table(b.build());
        });
    }
}

package org.tfeval.analysis.sample;

import java.util.ArrayList;
import java.util.List;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.Categories;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;

/**
 * Who is in the study: per task force its scope, leadership, whether it provided case files, who
 * drew its sample ({@code TF_SAMPLE_DRAWN_BY}) and how the files were coded ({@code TF_FILE_MODE}),
 * with its numbers of cases, survivors and suspects; how the samples were drawn; and the cases by
 * type of trafficking.
 */
public final class SampleDescription implements Analysis {
    /** Analysis id. */
    public static final String ID = "sample";
    /** Label of the all-sites row. */
    public static final String ALL = "All task forces";

    /** A task force (or {@link #ALL}), how its sample was drawn and coded, and its records. */
    public record SiteRow(
            String taskForce,
            String scope,
            String leadModel,
            String filesProvided,
            String sampleDrawnBy,
            String fileMode,
            long cases,
            long victims,
            long suspects) {}

    /** A sampling variable, one of its values, and the task forces and cases with it. */
    public record SamplingRow(String variable, String value, long taskForces, long cases) {}

    /** A type of trafficking and its share of cases. */
    public record TypeRow(String type, ShareCells share) {}

    /** Cases of a task force with a type of trafficking. */
    public record TypeBySiteRow(String taskForce, String type, long cases) {}

    /** Which cases, and the share with a recorded close date. */
    public record ClosureRow(String cases, ShareCells share) {}

    public static final TableKey<SiteRow> SITES = TableKey.of("sites", SiteRow.class);
    public static final TableKey<SamplingRow> SAMPLING = TableKey.of("sampling", SamplingRow.class);
    public static final TableKey<TypeRow> TRAFFICKING_TYPE = TableKey.of("trafficking_type", TypeRow.class);
    public static final TableKey<TypeBySiteRow> TYPE_BY_SITE = TableKey.of("type_by_site", TypeBySiteRow.class);
    public static final TableKey<ClosureRow> CLOSURE = TableKey.of("closure", ClosureRow.class);

    @Override
    public List<TableKey<?>> tables() {
        return List.of(SITES, SAMPLING, TRAFFICKING_TYPE, TYPE_BY_SITE, CLOSURE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sample description";
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        int g = data.taskForces().size();
        long[] cases = perSite(data.cases(), g);
        long[] victims = perSite(data.victims(), g);
        long[] suspects = perSite(data.suspects(), g);
        ResultTable.Builder<SiteRow> sites = ResultTable.builder(SITES, "Task forces and their samples")
                .text("task_force", "Task force")
                .text("scope", "Scope")
                .text("lead_model", "Leadership")
                .text("files_provided", "Provided case files")
                .text("sample_drawn_by", "Sample drawn by")
                .text("file_mode", "Case files")
                .count("cases", "Cases")
                .count("victims", "Survivors")
                .count("suspects", "Suspects");
        for (TaskForce t : data.taskForces()) {
            int i = t.index();
            sites.add(new SiteRow(
                    t.id(),
                    label(data, "TF_SCOPE", t),
                    label(data, "TF_LEAD_MODEL", t),
                    label(data, "TF_CASE_FILES_PROVIDED", t),
                    label(data, "TF_SAMPLE_DRAWN_BY", t),
                    label(data, "TF_FILE_MODE", t),
                    cases[i],
                    victims[i],
                    suspects[i]));
        }
        sites.add(new SiteRow(
                ALL,
                "",
                "",
                "",
                "",
                "",
                data.cases().rows() - unmatched(data.cases()),
                data.victims().rows() - unmatched(data.victims()),
                data.suspects().rows() - unmatched(data.suspects())));
        sites.note("Counts are records in snapshot " + data.snapshot().shortId()
                + ". Survivors are the victims recorded in the case files.");
        long orphan = unmatched(data.cases()) + unmatched(data.victims()) + unmatched(data.suspects());
        if (orphan > 0) sites.note(orphan + " records name no task force of the snapshot and are left out.");

        ResultTable.Builder<SamplingRow> sampling = ResultTable.builder(
                        SAMPLING, "How the case samples were drawn and coded")
                .text("variable", "Variable")
                .text("value", "Value")
                .count("task_forces", "Task forces")
                .count("cases", "Cases");
        for (String v : List.of("TF_CASE_FILES_PROVIDED", "TF_SAMPLE_DRAWN_BY", "TF_FILE_MODE")) {
            List<Integer> values = new ArrayList<>();
            data.codes("task_force", v).forEach(c -> values.add(c.intValue()));
            for (TaskForce t : data.taskForces()) {
                if (!values.contains(t.code(v))) values.add(t.code(v));
            }
            for (int value : values) {
                long tfs = 0;
                long n = 0;
                for (TaskForce t : data.taskForces()) {
                    if (t.code(v) == value) {
                        tfs++;
                        n += cases[t.index()];
                    }
                }
                if (tfs > 0 || value >= 0)
                    sampling.add(
                            new SamplingRow(data.variableLabel("task_force", v), codeLabel(data, v, value), tfs, n));
            }
        }

        ResultTable.Builder<TypeRow> types = ResultTable.builder(
                        TRAFFICKING_TYPE, "Cases by type of trafficking investigated")
                .text("type", "Type")
                .shareColumns("Cases");
        Categories ht = Categories.of(
                data.cases().code("HT_TYPE"), i -> data.cases().site(i) >= 0, data.codes("case", "HT_TYPE"));
        for (var e : ht.counts().entrySet()) {
            Share s = new Share(e.getValue(), ht.total(), ht.excluded());
            types.add(new TypeRow(
                    data.label("case", "HT_TYPE", e.getKey()),
                    ShareCells.of(s, Intervals.wilson(s, settings.confidence()))));
        }
        types.note(settings.confidenceLabel() + " Wilson intervals.");
        if (ht.excluded().total() > 0) types.note("Left out: " + ht.excluded().describe(data.instrument()) + ".");

        ResultTable.Builder<TypeBySiteRow> bySite = ResultTable.builder(
                        TYPE_BY_SITE, "Cases by task force and type of trafficking")
                .text("task_force", "Task force")
                .text("type", "Type")
                .count("cases", "Cases");
        var htCol = data.cases().code("HT_TYPE");
        List<Long> htCodes = data.codes("case", "HT_TYPE");
        for (TaskForce t : data.sitesWithCases()) {
            long[] n = new long[htCodes.size()];
            for (int i = 0; i < data.cases().rows(); i++) {
                if (data.cases().site(i) != t.index()) continue;
                int k = htCodes.indexOf((long) htCol.get(i));
                if (k >= 0) n[k]++;
            }
            for (int k = 0; k < htCodes.size(); k++)
                bySite.add(new TypeBySiteRow(t.id(), data.label("case", "HT_TYPE", htCodes.get(k)), n[k]));
        }
        bySite.note("Cases with a recorded type of trafficking.");

        ResultTable.Builder<ClosureRow> closed = ResultTable.builder(CLOSURE, "Case files with a recorded close date")
                .text("cases", "Cases")
                .shareColumns("With a close date");
        var close = data.cases().date("CASE_CLOSE_DATE");
        Share withDate = Share.count(
                data.cases().rows(),
                i -> data.cases().site(i) >= 0,
                i -> close.isKnown(i) ? Share.EVENT : close.missingCode(i) < 0 ? close.missingCode(i) : Share.NO_EVENT);
        closed.add(new ClosureRow(
                "All cases", ShareCells.of(withDate, Intervals.wilson(withDate, settings.confidence()))));
        closed.note(
                "The sample frames listed closed cases only; a case file without a close date is counted as not recorded.");

        return new AnalysisResult(
                ID,
                title(),
                "Counts of task forces, case files, survivors and suspects in the snapshot, by task force; "
                        + "the task-force variables TF_CASE_FILES_PROVIDED, TF_SAMPLE_DRAWN_BY and TF_FILE_MODE describe how each sample was drawn and coded.",
                List.of(sites.build(), sampling.build(), types.build(), bySite.build(), closed.build()),
                List.of());
    }

    static long[] perSite(FormData f, int sites) {
        long[] out = new long[sites];
        for (int i = 0; i < f.rows(); i++) {
            if (f.site(i) >= 0) out[f.site(i)]++;
        }
        return out;
    }

    private static long unmatched(FormData f) {
        long n = 0;
        for (int i = 0; i < f.rows(); i++) {
            if (f.site(i) < 0) n++;
        }
        return n;
    }

    private static String label(StudyData data, String variable, TaskForce t) {
        return codeLabel(data, variable, t.code(variable));
    }

    static String codeLabel(StudyData data, String variable, int code) {
        if (code < 0) {
            return data.instrument()
                    .missingCode(code)
                    .map(data.instrument()::missingLabel)
                    .orElse("code " + code);
        }
        return data.label("task_force", variable, code);
    }
}

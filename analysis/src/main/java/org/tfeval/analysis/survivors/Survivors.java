package org.tfeval.analysis.survivors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.Categories;
import org.tfeval.analysis.data.ExactTests;
import org.tfeval.analysis.data.Exclusions;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.GroupedShares;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;

/**
 * Survivors (the victims recorded in the case files): demographics and background; how the
 * justice system treated them ({@code V_ARRESTED}, {@code V_CHARGED}, {@code V_INTERVIEWED},
 * {@code V_REFERRED_SERVICES}, {@code V_COOPERATED}, {@code V_TESTIFIED}), by type of trafficking;
 * and survivor arrests by whether the task force said it may arrest survivors
 * ({@code TF_MAY_ARREST_SURVIVORS}). Shares are design-based ({@link SampleDesign}: a survivor weighs what the coded
 * case of its task force weighs, task force as the cluster), with the unweighted share and its Wilson interval beside
 * them; a single task force's shares rest on one cluster and have the Wilson interval only.
 */
public final class Survivors implements Analysis {
    /** Analysis id. */
    public static final String ID = "survivors";
    /** Coded demographic and background variables described. */
    public static final List<String> DEMOGRAPHICS = List.of(
            "V_GENDER",
            "V_MINOR",
            "V_RACE",
            "V_HISPANIC",
            "V_CITIZEN",
            "V_CRIM_RECORD",
            "V_FOSTER_CARE",
            "V_REL_SUSPECT");
    /** Treatment flags, in the order reports list them. */
    public static final List<String> TREATMENT =
            List.of("V_ARRESTED", "V_CHARGED", "V_INTERVIEWED", "V_REFERRED_SERVICES", "V_COOPERATED", "V_TESTIFIED");

    /** A demographic variable, one of its categories, and its share of survivors. */
    public record DemographicRow(String variable, String category, ShareCells share) {}

    /** A group (all, a type of trafficking, or a task force), a treatment, and the share of survivors so treated. */
    public record TreatmentRow(String group, String measure, ShareCells share) {}

    /** A policy on arresting survivors, the task forces with it, and the share of their survivors arrested. */
    public record PolicyRow(String policy, long taskForces, ShareCells share) {}

    public static final TableKey<DemographicRow> DEMOGRAPHICS_TABLE = TableKey.of("demographics", DemographicRow.class);
    public static final TableKey<TreatmentRow> TREATMENT_TABLE = TableKey.of("treatment", TreatmentRow.class);
    public static final TableKey<TreatmentRow> TREATMENT_BY_SITE = TableKey.of("treatment_by_site", TreatmentRow.class);
    public static final TableKey<PolicyRow> ARREST_BY_POLICY = TableKey.of("arrest_by_policy", PolicyRow.class);

    @Override
    public List<TableKey<?>> tables() {
        return List.of(DEMOGRAPHICS_TABLE, TREATMENT_TABLE, TREATMENT_BY_SITE, ARREST_BY_POLICY);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Survivors";
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        double conf = settings.confidence();
        SampleDesign design = SampleDesign.of(data, settings.frames());
        String designNote = design.describe(settings.confidenceLabel());
        FormData v = data.victims();
        IntPredicate known = i -> v.site(i) >= 0;
        List<ResultTable<?>> tables = new ArrayList<>();

        ResultTable.Builder<DemographicRow> db = ResultTable.builder(
                        DEMOGRAPHICS_TABLE, "Survivors' demographics and background")
                .text("variable", "Variable")
                .text("category", "Category")
                .shareColumns("Survivors");
        for (String var : DEMOGRAPHICS) {
            var col = v.code(var);
            List<Long> codes = data.codes("victim", var);
            Categories cat = Categories.of(col, known, codes);
            for (var e : cat.counts().entrySet()) {
                db.add(new DemographicRow(
                        data.variableLabel("victim", var),
                        data.label("victim", var, e.getKey()),
                        ShareCells.estimate(v, known, Categories.status(col, codes, e.getKey()), design, conf)));
            }
        }
        db.note(
                "Each variable's shares are of survivors with a recorded value; the 'Excluded' column counts those without.");
        db.note(designNote);
        tables.add(db.build());

        ResultTable.Builder<TreatmentRow> tb = ResultTable.builder(
                        TREATMENT_TABLE, "How survivors were treated, by type of trafficking")
                .text("type", "Type")
                .text("measure", "Measure")
                .shareColumns("Survivors");
        var ht = v.code("HT_TYPE");
        var arrested = v.code("V_ARRESTED");
        List<Object[]> groups = new ArrayList<>();
        groups.add(new Object[] {"All", known});
        for (Long code : data.codes("case", "HT_TYPE")) {
            int t = code.intValue();
            groups.add(new Object[] {
                data.label("case", "HT_TYPE", t), (IntPredicate) i -> known.test(i) && ht.get(i) == t
            });
        }
        for (Object[] g : groups) {
            IntPredicate rows = (IntPredicate) g[1];
            for (String var : TREATMENT) {
                java.util.function.IntUnaryOperator status;
                String measure = data.variableLabel("victim", var);
                if (var.equals("V_CHARGED")) {
                    var charged = v.code(var);
                    // a survivor not arrested was not charged (V_CHARGED is not applicable then)
                    status = i -> arrested.get(i) == 0
                            ? Share.NO_EVENT
                            : arrested.get(i) == 1 ? charged.get(i) : arrested.get(i);
                } else {
                    status = v.code(var)::get;
                }
                tb.add(new TreatmentRow((String) g[0], measure, ShareCells.estimate(v, rows, status, design, conf)));
            }
        }
        tb.note("'Victim charged' is of all survivors (a survivor not arrested counts as not charged).");
        tb.note(designNote);
        tables.add(tb.build());

        ResultTable.Builder<TreatmentRow> sb = ResultTable.builder(
                        TREATMENT_BY_SITE, "How survivors were treated, by task force")
                .text("task_force", "Task force")
                .text("measure", "Measure")
                .shareColumns("Survivors");
        List<String> bySiteMeasures = List.of("V_ARRESTED", "V_REFERRED_SERVICES", "V_COOPERATED", "V_TESTIFIED");
        List<GroupedShares> bySite = bySiteMeasures.stream()
                .map(var -> GroupedShares.count(v.rows(), data.taskForces().size(), v::site, v.code(var)::get))
                .toList();
        for (TaskForce t : data.sitesWithCases()) {
            for (int k = 0; k < bySiteMeasures.size(); k++) {
                Share s = bySite.get(k).share(t.index());
                sb.add(new TreatmentRow(
                        t.id(),
                        data.variableLabel("victim", bySiteMeasures.get(k)),
                        ShareCells.of(s, Intervals.wilson(s, conf))));
            }
        }
        sb.note("Each task force's rows rest on one cluster: " + settings.confidenceLabel()
                + " Wilson intervals of its own survivors, unweighted ('%' and the unweighted columns are the same).");
        tables.add(sb.build());

        ResultTable.Builder<PolicyRow> pb = ResultTable.builder(
                        ARREST_BY_POLICY, "Survivors arrested, by whether the task force may arrest survivors")
                .text("policy", "Task force may arrest survivors")
                .count("task_forces", "Task forces")
                .shareColumns("Survivors arrested");
        for (int policy : new int[] {1, 0}) {
            List<TaskForce> tfs = data.sitesWithCases().stream()
                    .filter(t -> t.code("TF_MAY_ARREST_SURVIVORS") == policy)
                    .toList();
            boolean[] in = new boolean[data.taskForces().size()];
            tfs.forEach(t -> in[t.index()] = true);
            pb.add(new PolicyRow(
                    data.label("task_force", "TF_MAY_ARREST_SURVIVORS", policy),
                    tfs.size(),
                    ShareCells.estimate(v, i -> in[v.site(i)], arrested::get, design, conf)));
        }
        pb.note("Policy from the task-force interviews (TF_MAY_ARREST_SURVIVORS).");
        pb.note(designNote);
        ResultTable<PolicyRow> arrests = pb.build();
        if (arrests.rowCount() == 2) {
            Share yes =
                    new Share(arrests.row(0).share().n(), arrests.row(0).share().denominator(), Exclusions.NONE);
            Share no =
                    new Share(arrests.row(1).share().n(), arrests.row(1).share().denominator(), Exclusions.NONE);
            double p = ExactTests.fisher(yes, no);
            if (!Double.isNaN(p))
                pb.note(String.format(
                        java.util.Locale.ROOT, "Fisher's exact test, survivors counted as independent: p = %.3f.", p));
        }
        tables.add(pb.build());
        return new AnalysisResult(
                ID,
                title(),
                "Distributions and shares among survivors with a recorded value, with " + settings.confidenceLabel()
                        + " intervals, design-based (weighted, task force as the cluster) with the unweighted share and"
                        + " its Wilson interval beside each; a single task force's shares are unweighted with Wilson"
                        + " intervals.",
                tables,
                List.of());
    }
}

package org.tfeval.analysis.design;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.DesignEstimate;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.IntColumn;
import org.tfeval.analysis.data.Interval;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;
import org.tfeval.snapshot.DrawDesign;

/**
 * The design the shares are estimated with. Table {@code draw}: per task force with a recorded draw, the frame size
 * N, the cases drawn n, replacements drawn and used (a replacement is coded in place of an unusable sampled file and
 * counts as that file), sampled files not coded, coded cases in the snapshot, inclusion probability n_used / N and
 * weight N / n_used, and who drew the sample ({@code TF_SAMPLE_DRAWN_BY}). Table {@code weighting}: the headline
 * shares three ways: weighted design-based (the default of every analysis; {@link SampleDesign}), unweighted with the
 * task force as the cluster (the same linearization with equal weights), and as independent cases with a Wilson
 * interval (what earlier versions printed).
 */
public final class DesignWeights implements Analysis {
    /** Analysis id. */
    public static final String ID = "sample-design";
    /** Label of the all-task-forces row. */
    public static final String ALL = "All task forces";

    /**
     * A task force's draw.
     *
     * @param taskForce         TF_ID, or {@link #ALL}
     * @param drawnBy           who drew the sample (task-force form)
     * @param frame             N
     * @param sampled           n drawn into the sample
     * @param replacementsDrawn ordered replacements drawn
     * @param replacementsUsed  replacements coded in place of unusable sampled files
     * @param sampleNotCoded    sampled files not coded (unusable or not yet coded)
     * @param used              drawn entries coded (sampled and replacements)
     * @param coded             coded cases of the task force in the snapshot
     * @param inclusion         inclusion probability n_used / N (null for the total row)
     * @param weight            design weight N / n_used (null for the total row)
     */
    public record DrawRow(
            String taskForce,
            String drawnBy,
            long frame,
            long sampled,
            long replacementsDrawn,
            long replacementsUsed,
            long sampleNotCoded,
            long used,
            long coded,
            Double inclusion,
            Double weight) {}

    /**
     * One share three ways.
     *
     * @param measure       what is estimated
     * @param unit          cases or suspects
     * @param events        rows with the event
     * @param trials        rows with a known status
     * @param weighted      weighted design-based estimate (null when no weights)
     * @param weightedLow   its interval
     * @param weightedHigh  its interval
     * @param clustered     unweighted estimate with the task force as the cluster
     * @param clusteredLow  its interval
     * @param clusteredHigh its interval
     * @param naive         unweighted share of independent cases
     * @param wilsonLow     its Wilson interval
     * @param wilsonHigh    its Wilson interval
     */
    public record WeightingRow(
            String measure,
            String unit,
            long events,
            long trials,
            Double weighted,
            Double weightedLow,
            Double weightedHigh,
            Double clustered,
            Double clusteredLow,
            Double clusteredHigh,
            Double naive,
            Double wilsonLow,
            Double wilsonHigh) {}

    public static final TableKey<DrawRow> DRAW = TableKey.of("draw", DrawRow.class);
    public static final TableKey<WeightingRow> WEIGHTING = TableKey.of("weighting", WeightingRow.class);

    /** The suspect race variable and the code of the headline share. */
    static final String RACE = "S_RACE";

    static final int BLACK = 2;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sample design and weights";
    }

    @Override
    public List<TableKey<?>> tables() {
        return List.of(DRAW, WEIGHTING);
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        DrawDesign design = data.drawDesign();
        int g = data.taskForces().size();
        long[] coded = new long[g];
        for (int i = 0; i < data.cases().rows(); i++)
            if (data.cases().site(i) >= 0) coded[data.cases().site(i)]++;
        ResultTable.Builder<DrawRow> draw = ResultTable.builder(DRAW, "The recorded sample draw of each task force")
                .text("task_force", "Task force")
                .text("drawn_by", "Sample drawn by")
                .count("frame", "Case list (N)")
                .count("sampled", "Drawn (n)")
                .count("replacements_drawn", "Replacements drawn")
                .count("replacements_used", "Replacements used")
                .count("sample_not_coded", "Sampled, not coded")
                .count("used", "Drawn and coded")
                .count("coded", "Coded cases")
                .proportion("inclusion", "Inclusion probability")
                .number("weight", "Weight");
        long[] total = new long[7];
        for (TaskForce t : data.taskForces()) {
            var d = design.site(t.id());
            if (d.isEmpty()) continue;
            DrawDesign.Site s = d.get();
            draw.add(new DrawRow(
                    t.id(),
                    label(data, t),
                    s.frameSize(),
                    s.sampleSize(),
                    s.replacementsDrawn(),
                    s.replacementsUsed(),
                    s.sampleNotCoded(),
                    s.used(),
                    coded[t.index()],
                    s.used() == 0 ? null : s.inclusionProbability(),
                    s.used() == 0 ? null : s.weight()));
            long[] add = {
                s.frameSize(),
                s.sampleSize(),
                s.replacementsDrawn(),
                s.replacementsUsed(),
                s.sampleNotCoded(),
                s.used(),
                coded[t.index()]
            };
            for (int i = 0; i < add.length; i++) total[i] += add[i];
        }
        List<String> warnings = new ArrayList<>();
        if (design.isEmpty()) {
            draw.note("The snapshot holds no recorded sample draw: the shares are not weighted (every case weighs 1).");
            warnings.add("no recorded sample draw: the shares are unweighted");
        } else {
            draw.add(new DrawRow(
                    ALL, "", total[0], total[1], total[2], total[3], total[4], total[5], total[6], null, null));
            DrawDesign.Site any = design.sites().get(0);
            draw.note("Simple random samples without replacement per task force from its case list (draw "
                    + any.drawId() + ", seed " + any.seed() + ", sizes " + any.sizeRule() + "; " + any.method()
                    + "). A replacement is coded in place of an unusable sampled file and counts as that file: the "
                    + "inclusion probability is drawn-and-coded / N and the weight its inverse, N / drawn-and-coded.");
        }

        SampleDesign weighted = SampleDesign.of(data, settings.frames());
        SampleDesign clustered = SampleDesign.unweighted(data);
        double conf = settings.confidence();
        ResultTable.Builder<WeightingRow> w = ResultTable.builder(
                        WEIGHTING,
                        "Headline shares: weighted, unweighted by task-force cluster, and as independent cases")
                .text("measure", "Share")
                .text("unit", "Of")
                .count("events", "n")
                .count("trials", "Known")
                .proportion("weighted", "% weighted")
                .proportion("weighted_low", "CI low")
                .proportion("weighted_high", "CI high")
                .proportion("clustered", "% unweighted, clustered")
                .proportion("clustered_low", "CI low")
                .proportion("clustered_high", "CI high")
                .proportion("naive", "% unweighted, independent")
                .proportion("wilson_low", "Wilson low")
                .proportion("wilson_high", "Wilson high");
        FormData cases = data.cases();
        String[][] outcomes = {
            {StudyData.CASE_ARREST, "Cases with an arrest"},
            {StudyData.CASE_PROSECUTION, "Cases prosecuted"},
            {StudyData.CASE_HT_CHARGE, "Cases with a trafficking charge"},
            {StudyData.CASE_CONVICTION, "Cases with a conviction (any charge)"}
        };
        for (String[] o : outcomes) {
            IntColumn col = cases.code(o[0]);
            w.add(row(o[1], "cases", cases, i -> true, col::get, weighted, clustered, conf));
        }
        FormData suspects = data.suspects();
        if (data.instrument().form("suspect").find(RACE).isPresent()) {
            IntColumn race = suspects.code(RACE);
            w.add(row(
                    "Suspects recorded as Black or African American",
                    "suspects",
                    suspects,
                    i -> true,
                    i -> race.get(i) < 0 ? race.get(i) : race.get(i) == BLACK ? Share.EVENT : Share.NO_EVENT,
                    weighted,
                    clustered,
                    conf));
        }
        w.note("'% weighted': " + weighted.describe(settings.confidenceLabel()).replace("'%' and its ", ""));
        w.note("'% unweighted, clustered': every case weighs 1, task force as the cluster (the same linearization);"
                + " '% unweighted, independent': cases as independent draws with a Wilson interval, which ignores"
                + " both the clustering and the sampling fractions.");
        return new AnalysisResult(
                ID,
                title(),
                "The recorded draw of each task force (frame size, cases drawn, replacements) gives inclusion "
                        + "probabilities and weights N / drawn-and-coded; shares are estimated weighted with the task "
                        + "force as the cluster (Taylor linearization, as R survey's svydesign(ids = ~tf, weights = ~w) "
                        + "and svyciprop), beside the unweighted alternatives.",
                List.of(draw.build(), w.build()),
                warnings);
    }

    private static WeightingRow row(
            String measure,
            String unit,
            FormData rows,
            IntPredicate domain,
            IntUnaryOperator status,
            SampleDesign weighted,
            SampleDesign clustered,
            double conf) {
        Share naive = Share.count(rows.rows(), i -> rows.site(i) >= 0 && domain.test(i), status);
        Interval wilson = naive.trials() == 0 ? Interval.NONE : Intervals.wilson(naive, conf);
        DesignEstimate we = weighted.weighted()
                ? weighted.share(rows.rows(), rows::site, domain, status, conf)
                : DesignEstimate.NONE;
        DesignEstimate cl = clustered.share(rows.rows(), rows::site, domain, status, conf);
        return new WeightingRow(
                measure,
                unit,
                naive.events(),
                naive.trials(),
                finite(we.estimate()),
                finite(we.interval().low()),
                finite(we.interval().high()),
                finite(cl.estimate()),
                finite(cl.interval().low()),
                finite(cl.interval().high()),
                finite(naive.proportion()),
                finite(wilson.low()),
                finite(wilson.high()));
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String label(StudyData data, TaskForce t) {
        int code = t.code("TF_SAMPLE_DRAWN_BY");
        return code < 0 ? "" : data.label("task_force", "TF_SAMPLE_DRAWN_BY", code);
    }
}

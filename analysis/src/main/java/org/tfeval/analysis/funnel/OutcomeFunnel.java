package org.tfeval.analysis.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.Conviction;
import org.tfeval.analysis.data.Exclusions;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.GroupedShares;
import org.tfeval.analysis.data.Intervals;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.analysis.data.TaskForce;

/**
 * The outcome funnel. At case level a case reaches a stage when any of its suspects did
 * ({@link StudyData#CASE_OUTCOMES}); at suspect level from {@code S_ARRESTED},
 * {@code S_PROSECUTED}, {@code S_HT_CHARGED}, {@code S_DISPOSITION} (trial or plea) and
 * {@code S_SENTENCE_TYPE}. Each stage's share is of all investigations (cases or suspects) with a
 * known status, and of those that reached the previous stage. The funnel is nested: a row reaches a stage
 * only when it reached the stage before it on its path ({@link Stage#nested}); after prosecution the
 * trafficking path (trafficking charge, then conviction after a trafficking charge) and the any-charge path
 * (conviction on any charge, then sentence) are separate rows, each with its own previous stage. Shares of
 * all rows and of each type are design-based ({@link SampleDesign}: task force as the cluster), with the
 * unweighted share and its Wilson interval beside them; a single task force's shares have Wilson intervals
 * only (one cluster). Missing codes are left out of denominators and counted.
 */
public final class OutcomeFunnel implements Analysis {
    /** Analysis id. */
    public static final String ID = "funnel";

    public static final String INVESTIGATION = "Investigation";
    public static final String ARREST = "Arrest";
    public static final String PROSECUTION = "Prosecution";
    public static final String TRAFFICKING_CHARGE = "Trafficking charge";
    /** Trafficking path: charged under a trafficking statute and convicted (on any of the suspect's charges). */
    public static final String HT_CONVICTION = "Conviction after a trafficking charge";
    /** Any-charge path: convicted on any charge, of the prosecuted. */
    public static final String CONVICTION = "Conviction (any charge)";
    /** Any-charge path: sentenced, of the convicted. */
    public static final String SENTENCE = "Sentence (any charge)";
    /** Group label of all rows. */
    public static final String ALL = "All";
    /** The instrument's code classes of HT_TYPE: sex trafficking only, and any labor trafficking. */
    public static final String SEX_TRAFFICKING_CLASS = "sex_trafficking";

    public static final String LABOR_TRAFFICKING_CLASS = "labor_trafficking";
    /**
     * A row of the funnel tables: a group (type of trafficking or task force, or {@link #ALL}), a
     * stage, the share that reached it, and the share of those that reached the previous stage.
     */
    public record StageRow(String group, String stage, ShareCells share, Double pctOfPrevious) {}

    /** A row of the trafficking-charge table: level (cases, suspects), which denominator, the share. */
    public record ChargeRow(String level, String denominator, ShareCells share) {}

    public static final TableKey<StageRow> CASE_BY_TYPE = TableKey.of("case_by_type", StageRow.class);
    public static final TableKey<StageRow> CASE_BY_SITE = TableKey.of("case_by_site", StageRow.class);
    public static final TableKey<StageRow> SUSPECT_BY_TYPE = TableKey.of("suspect_by_type", StageRow.class);
    public static final TableKey<StageRow> SUSPECT_BY_SITE = TableKey.of("suspect_by_site", StageRow.class);
    public static final TableKey<ChargeRow> TRAFFICKING_CHARGE_TABLE =
            TableKey.of("trafficking_charge", ChargeRow.class);

    /** Denominator labels of the trafficking-charge share. */
    public static final String OF_ALL_SEX = "Of all sex-trafficking investigations";

    public static final String OF_PROSECUTED_SEX = "Of prosecuted sex-trafficking investigations";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Outcome funnel";
    }

    @Override
    public List<TableKey<?>> tables() {
        return List.of(CASE_BY_TYPE, CASE_BY_SITE, SUSPECT_BY_TYPE, SUSPECT_BY_SITE, TRAFFICKING_CHARGE_TABLE);
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        double conf = settings.confidence();
        Conviction conviction = Conviction.of(data.instrument());
        SampleDesign design = SampleDesign.of(data, settings.frames());
        List<ResultTable<?>> tables = new ArrayList<>();
        tables.add(funnel(
                CASE_BY_TYPE,
                "Case outcomes by type of trafficking",
                "type",
                "Type",
                data,
                data.cases(),
                Stage.caseStages(),
                types(data, data.cases()),
                conf,
                "Cases",
                design,
                settings));
        tables.add(funnel(
                CASE_BY_SITE,
                "Case outcomes by task force",
                "task_force",
                "Task force",
                data,
                data.cases(),
                Stage.caseStages(),
                sites(data, data.cases()),
                conf,
                "Cases",
                design,
                settings));
        tables.add(funnel(
                SUSPECT_BY_TYPE,
                "Suspect outcomes by type of trafficking",
                "type",
                "Type",
                data,
                data.suspects(),
                Stage.suspectStages(conviction),
                types(data, data.suspects()),
                conf,
                "Suspects",
                design,
                settings));
        tables.add(funnel(
                SUSPECT_BY_SITE,
                "Suspect outcomes by task force",
                "task_force",
                "Task force",
                data,
                data.suspects(),
                Stage.suspectStages(conviction),
                sites(data, data.suspects()),
                conf,
                "Suspects",
                design,
                settings));
        tables.add(traffickingCharge(data, conf, settings, design));
        return new AnalysisResult(
                ID,
                title(),
                "Shares of cases and suspects reaching each stage (arrest, prosecution, charge under a trafficking "
                        + "statute, conviction (" + conviction.words()
                        + "), sentence), of all investigations with a known status, design-based with the task force as the cluster ("
                        + settings.confidenceLabel()
                        + " intervals; the unweighted share and its Wilson interval beside it); also of those that reached "
                        + "the previous stage. The funnel is nested; the trafficking path and the any-charge path are separate rows. "
                        + "A case reaches a stage when any of its suspects did.",
                tables,
                warnings(data));
    }

    private static List<String> warnings(StudyData data) {
        List<String> w = new ArrayList<>();
        int labor = 0;
        var ht = data.cases().code("HT_TYPE");
        Set<Long> laborCodes = data.instrument().codeClass("HT_TYPE", LABOR_TRAFFICKING_CLASS);
        for (int i = 0; i < ht.size(); i++) {
            if (laborCodes.contains((long) ht.get(i))) labor++;
        }
        if (labor < SMALL_GROUP) {
            w.add(
                    "Only " + labor
                            + " cases involve labor trafficking: their shares have wide intervals and say little about labor cases in general.");
        }
        return w;
    }

    /** Below this many cases a group's shares are flagged as imprecise. */
    public static final int SMALL_GROUP = 30;

    /**
     * Rows split into groups counted in one pass: {@code groupOf} gives a row's group (negative:
     * left out); {@code printed} lists the groups printed, by label, with {@link #ALL_GROUPS} for
     * the sum of every group.
     */
    record Groups(
            int count, IntUnaryOperator groupOf, List<String> labels, List<Integer> printed, boolean oneCluster) {}

    /** Index in {@link Groups#printed} standing for all groups together. */
    static final int ALL_GROUPS = -1;

    static Groups types(StudyData data, FormData f) {
        var ht = f.code("HT_TYPE");
        List<Long> codes = data.codes("case", "HT_TYPE");
        int max = codes.stream().mapToInt(Long::intValue).max().orElse(0);
        int[] index = new int[max + 1];
        java.util.Arrays.fill(index, codes.size());
        for (int k = 0; k < codes.size(); k++) index[codes.get(k).intValue()] = k;
        List<String> labels = new ArrayList<>();
        List<Integer> printed = new ArrayList<>();
        labels.add(ALL);
        printed.add(ALL_GROUPS);
        for (int k = 0; k < codes.size(); k++) {
            labels.add(data.label("case", "HT_TYPE", codes.get(k)));
            printed.add(k);
        }
        // one more group for missing or undocumented types: counted in All, not printed alone
        return new Groups(
                codes.size() + 1,
                i -> {
                    if (f.site(i) < 0) return -1;
                    int v = ht.get(i);
                    return v >= 0 && v <= max ? index[v] : codes.size();
                },
                labels,
                printed,
                false);
    }

    static Groups sites(StudyData data, FormData f) {
        List<String> labels = new ArrayList<>();
        List<Integer> printed = new ArrayList<>();
        for (TaskForce t : data.sitesWithCases()) {
            labels.add(t.id());
            printed.add(t.index());
        }
        labels.add(ALL);
        printed.add(ALL_GROUPS);
        return new Groups(data.taskForces().size(), f::site, labels, printed, true);
    }

    private static ResultTable<StageRow> funnel(
            TableKey<StageRow> id,
            String title,
            String key,
            String keyLabel,
            StudyData data,
            FormData f,
            List<Stage> stages,
            Groups groups,
            double conf,
            String unit,
            SampleDesign design,
            AnalysisSettings settings) {
        ResultTable.Builder<StageRow> b = ResultTable.builder(id, title)
                .text(key, keyLabel)
                .text("stage", "Stage")
                .shareColumns(unit)
                .proportion("pct_of_previous", "% of previous stage");
        List<IntUnaryOperator> status = Stage.nested(stages, f);
        List<String> names = stages.stream().map(Stage::name).toList();
        List<GroupedShares> shares = new ArrayList<>();
        List<GroupedShares> ofPrevious = new ArrayList<>();
        for (int k = 0; k < stages.size(); k++) {
            shares.add(GroupedShares.count(f.rows(), groups.count(), groups.groupOf(), status.get(k)));
            if (k > 0) {
                IntUnaryOperator prev = status.get(names.indexOf(stages.get(k).previous()));
                ofPrevious.add(GroupedShares.count(
                        f.rows(),
                        groups.count(),
                        i -> prev.applyAsInt(i) == Share.EVENT
                                ? groups.groupOf().applyAsInt(i)
                                : -1,
                        status.get(k)));
            }
        }
        Exclusions all = Exclusions.NONE;
        for (int g = 0; g < groups.printed().size(); g++) {
            int group = groups.printed().get(g);
            java.util.function.IntPredicate in = group == ALL_GROUPS ? k -> true : k -> k == group;
            for (int k = 0; k < stages.size(); k++) {
                Share s = shares.get(k).sum(in);
                var ci = Intervals.wilson(s, conf);
                Double previous = k == 0 ? null : ofPrevious.get(k - 1).sum(in).proportion();
                ShareCells cells;
                if (groups.oneCluster() && group != ALL_GROUPS) {
                    cells = ShareCells.of(s, ci);
                } else {
                    IntUnaryOperator st = status.get(k);
                    var groupOf = groups.groupOf();
                    cells = ShareCells.of(
                            s,
                            ci,
                            design.share(
                                    f.rows(),
                                    f::site,
                                    i -> {
                                        int gi = groupOf.applyAsInt(i);
                                        return gi >= 0 && (group == ALL_GROUPS || gi == group);
                                    },
                                    st,
                                    conf));
                }
                b.add(new StageRow(groups.labels().get(g), stages.get(k).name(), cells, previous));
                if (group == ALL_GROUPS) all = all.plus(s.excluded());
            }
        }
        b.note("Shares are of all " + unit.toLowerCase(java.util.Locale.ROOT) + " with a known status at that stage; "
                + "'% of previous stage' is of those that reached the stage before on the same path. The funnel is nested: "
                + "a stage counts only " + unit.toLowerCase(java.util.Locale.ROOT)
                + " that reached every earlier stage of its path. After prosecution there are two paths: "
                + TRAFFICKING_CHARGE + " then " + HT_CONVICTION + "; and " + CONVICTION + " then " + SENTENCE + ".");
        if (groups.oneCluster())
            b.note("Each task force's rows rest on one cluster: " + settings.confidenceLabel()
                    + " Wilson intervals of its own cases, unweighted. The 'All' rows: "
                    + design.describe(settings.confidenceLabel()));
        else b.note(design.describe(settings.confidenceLabel()));
        for (int k = 1; k < stages.size(); k++) {
            IntUnaryOperator own = stages.get(k).status().apply(f);
            IntUnaryOperator prev = status.get(names.indexOf(stages.get(k).previous()));
            long skipped = 0;
            for (int i = 0; i < f.rows(); i++) {
                if (f.site(i) >= 0 && own.applyAsInt(i) == Share.EVENT && prev.applyAsInt(i) == Share.NO_EVENT)
                    skipped++;
            }
            if (skipped > 0)
                b.note(skipped + " "
                        + (skipped == 1
                                ? unit.toLowerCase(java.util.Locale.ROOT).replaceAll("s$", "")
                                : unit.toLowerCase(java.util.Locale.ROOT))
                        + " recorded at '" + stages.get(k).name() + "' without '"
                        + stages.get(k).previous()
                        + "' are not counted at that stage (the funnel is nested).");
        }
        if (all.total() > 0)
            b.note("Left out of denominators (all stages, all " + unit.toLowerCase(java.util.Locale.ROOT) + "): "
                    + all.describe(data.instrument()) + ".");
        return b.build();
    }

    private static ResultTable<ChargeRow> traffickingCharge(
            StudyData data, double conf, AnalysisSettings settings, SampleDesign design) {
        ResultTable.Builder<ChargeRow> b = ResultTable.builder(
                        TRAFFICKING_CHARGE_TABLE,
                        "Sex-trafficking investigations charged under a trafficking statute, "
                                + "with both denominators")
                .text("level", "Level")
                .text("denominator_label", "Denominator")
                .shareColumns("Charged");
        FormData c = data.cases();
        var ht = c.code("HT_TYPE");
        var pros = c.code(StudyData.CASE_PROSECUTION);
        var charge = c.code(StudyData.CASE_HT_CHARGE);
        Set<Long> sexCodes = data.instrument().codeClass("HT_TYPE", SEX_TRAFFICKING_CLASS);
        IntPredicate sex = i -> c.site(i) >= 0 && sexCodes.contains((long) ht.get(i));
        Share all = Share.count(c.rows(), sex, i -> Stage.yesNo(charge.get(i)));
        Share prosecuted = Share.count(c.rows(), i -> sex.test(i) && pros.get(i) == 1, i -> Stage.yesNo(charge.get(i)));
        IntUnaryOperator chargeStatus = i -> Stage.yesNo(charge.get(i));
        b.add(new ChargeRow(
                "Cases",
                OF_ALL_SEX,
                ShareCells.of(
                        all,
                        Intervals.wilson(all, conf),
                        design.share(c.rows(), c::site, sex::test, chargeStatus, conf))));
        b.add(new ChargeRow(
                "Cases",
                OF_PROSECUTED_SEX,
                ShareCells.of(
                        prosecuted,
                        Intervals.wilson(prosecuted, conf),
                        design.share(c.rows(), c::site, i -> sex.test(i) && pros.get(i) == 1, chargeStatus, conf))));
        FormData s = data.suspects();
        var sht = s.code("HT_TYPE");
        var sp = s.code("S_PROSECUTED");
        var sc = s.code("S_HT_CHARGED");
        IntPredicate ssex = i -> s.site(i) >= 0 && sexCodes.contains((long) sht.get(i));
        IntUnaryOperator sAllStatus =
                i -> sp.get(i) == 0 ? Share.NO_EVENT : sp.get(i) == 1 ? Stage.yesNo(sc.get(i)) : Stage.yesNo(sp.get(i));
        IntUnaryOperator sProsStatus = i -> Stage.yesNo(sc.get(i));
        IntPredicate sProsecuted = i -> ssex.test(i) && sp.get(i) == 1;
        Share sAll = Share.count(s.rows(), ssex, sAllStatus);
        Share sPros = Share.count(s.rows(), sProsecuted, sProsStatus);
        b.add(new ChargeRow(
                "Suspects",
                "Of all suspects in sex-trafficking investigations",
                ShareCells.of(
                        sAll, Intervals.wilson(sAll, conf), design.share(s.rows(), s::site, ssex, sAllStatus, conf))));
        b.add(new ChargeRow(
                "Suspects",
                "Of prosecuted suspects in sex-trafficking investigations",
                ShareCells.of(
                        sPros,
                        Intervals.wilson(sPros, conf),
                        design.share(s.rows(), s::site, sProsecuted, sProsStatus, conf))));
        b.note(
                "The published figure ('33% prosecuted under trafficking statutes') leaves its denominator open; both are given. "
                        + "Sex-trafficking investigations are cases with HT_TYPE "
                        + sexCodes.stream()
                                .sorted()
                                .map(code -> code + " (" + data.label("case", "HT_TYPE", code) + ")")
                                .toList()
                        + ". "
                        + design.describe(settings.confidenceLabel()));
        return b.build();
    }
}

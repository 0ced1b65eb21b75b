package org.tfeval.analysis.identification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.Categories;
import org.tfeval.analysis.data.ExactTests;
import org.tfeval.analysis.data.FormData;
import org.tfeval.analysis.data.SampleDesign;
import org.tfeval.analysis.data.Share;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.instrument.Variable;

/**
 * How cases were identified and investigated: {@code ID_SOURCE} by type of trafficking; the share
 * of cases with each evidence type ({@code EVID_*}, the instrument's {@code evidence} group),
 * overall and for cases with an actual victim and sting-only cases; and the outcomes of
 * actual-victim cases against sting-only cases (an undercover sting, the instrument's {@code ID_SOURCE} code class "sting", without
 * an actual victim). Shares are design-based ({@link SampleDesign}: weighted, task force as the cluster), with the
 * unweighted share and its Wilson interval beside them; Fisher's exact test treats cases as independent (said in its
 * note).
 */
public final class Identification implements Analysis {
    /** Analysis id. */
    public static final String ID = "identification";
    /** The instrument's code class of {@code ID_SOURCE} that means an undercover sting. */
    public static final String STING_CLASS = "sting";
    /** Instrument group of the evidence flags. */
    public static final String EVIDENCE_GROUP = "evidence";

    public static final String ACTUAL_VICTIM = "Actual victim present";
    public static final String STING_ONLY = "Sting only (no actual victim)";
    public static final String OTHER_NO_VICTIM = "Other, no actual victim";

    /** A group of cases (all, or a type of trafficking), an identification source and its share. */
    public record SourceRow(String type, String source, ShareCells share) {}

    /** Which cases, and the share with an actual victim present. */
    public record VictimRow(String cases, ShareCells share) {}

    /** An evidence type, which cases, and the share of them with it. */
    public record EvidenceRow(String evidence, String cases, ShareCells share) {}

    /** Which cases (actual victim, sting only, ...), an outcome, and the share that reached it. */
    public record OutcomeRow(String cases, String outcome, ShareCells share) {}

    /** An outcome and Fisher's exact p-value of actual-victim against sting-only cases. */
    public record TestRow(String outcome, Double fisherP) {}

    public static final TableKey<SourceRow> ID_SOURCE = TableKey.of("id_source", SourceRow.class);
    public static final TableKey<VictimRow> ACTUAL_VICTIM_TABLE = TableKey.of("actual_victim", VictimRow.class);
    public static final TableKey<EvidenceRow> EVIDENCE = TableKey.of("evidence", EvidenceRow.class);
    public static final TableKey<OutcomeRow> OUTCOMES_BY_VICTIM_PRESENCE =
            TableKey.of("outcomes_by_victim_presence", OutcomeRow.class);
    public static final TableKey<TestRow> VICTIM_PRESENCE_TESTS = TableKey.of("victim_presence_tests", TestRow.class);

    @Override
    public List<TableKey<?>> tables() {
        return List.of(ID_SOURCE, ACTUAL_VICTIM_TABLE, EVIDENCE, OUTCOMES_BY_VICTIM_PRESENCE, VICTIM_PRESENCE_TESTS);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Identification and investigation";
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        double conf = settings.confidence();
        SampleDesign design = SampleDesign.of(data, settings.frames());
        String designNote = design.describe(settings.confidenceLabel());
        FormData c = data.cases();
        var ht = c.code("HT_TYPE");
        var src = c.code("ID_SOURCE");
        var actual = c.code("ACTUAL_VICTIM");
        List<ResultTable<?>> tables = new ArrayList<>();

        ResultTable.Builder<SourceRow> sb = ResultTable.builder(
                        ID_SOURCE, "How cases were identified, by type of trafficking")
                .text("type", "Type")
                .text("source", "Identified through")
                .shareColumns("Cases");
        List<Object[]> groups = new ArrayList<>();
        groups.add(new Object[] {"All", (IntPredicate) i -> c.site(i) >= 0});
        for (Long code : data.codes("case", "HT_TYPE")) {
            int t = code.intValue();
            groups.add(new Object[] {
                data.label("case", "HT_TYPE", t), (IntPredicate) i -> c.site(i) >= 0 && ht.get(i) == t
            });
        }
        List<Long> sourceCodes = data.codes("case", "ID_SOURCE");
        for (Object[] g : groups) {
            IntPredicate in = (IntPredicate) g[1];
            Categories cat = Categories.of(src, in, sourceCodes);
            for (var e : cat.counts().entrySet()) {
                sb.add(new SourceRow(
                        (String) g[0],
                        data.label("case", "ID_SOURCE", e.getKey()),
                        ShareCells.estimate(c, in, Categories.status(src, sourceCodes, e.getKey()), design, conf)));
            }
        }
        sb.note("Shares are of cases with a recorded source.");
        sb.note(designNote);
        tables.add(sb.build());

        Set<Long> sting = data.instrument().codeClass("ID_SOURCE", STING_CLASS);
        IntPredicate withVictim = i -> c.site(i) >= 0 && actual.get(i) == 1;
        IntPredicate stingOnly = i -> c.site(i) >= 0 && actual.get(i) == 0 && sting.contains((long) src.get(i));
        IntPredicate otherNoVictim =
                i -> c.site(i) >= 0 && actual.get(i) == 0 && !sting.contains((long) src.get(i)) && src.get(i) >= 0;

        ResultTable.Builder<VictimRow> vb = ResultTable.builder(
                        ACTUAL_VICTIM_TABLE, "Cases with an actual victim present")
                .text("cases", "Cases")
                .shareColumns("With an actual victim");
        vb.add(new VictimRow("All cases", ShareCells.estimate(c, i -> true, actual::get, design, conf)));
        vb.add(new VictimRow(
                "Undercover stings",
                ShareCells.estimate(c, i -> sting.contains((long) src.get(i)), actual::get, design, conf)));
        vb.add(new VictimRow(
                "Other sources",
                ShareCells.estimate(
                        c, i -> !sting.contains((long) src.get(i)) && src.get(i) >= 0, actual::get, design, conf)));
        vb.note(designNote);
        tables.add(vb.build());

        ResultTable.Builder<EvidenceRow> eb = ResultTable.builder(EVIDENCE, "Evidence in the case files")
                .text("evidence", "Evidence")
                .text("cases", "Cases")
                .shareColumns("Cases with it");
        for (Variable v : data.instrument().form("case").variables()) {
            if (!EVIDENCE_GROUP.equals(v.group())) continue;
            var col = c.code(v.name());
            String label = v.label().replaceFirst("^Evidence: ", "");
            for (Object[] g : List.of(
                    new Object[] {"All cases", (IntPredicate) i -> c.site(i) >= 0},
                    new Object[] {ACTUAL_VICTIM, withVictim},
                    new Object[] {STING_ONLY, stingOnly})) {
                eb.add(new EvidenceRow(
                        label, (String) g[0], ShareCells.estimate(c, (IntPredicate) g[1], col::get, design, conf)));
            }
        }
        eb.note(designNote);
        tables.add(eb.build());

        ResultTable.Builder<OutcomeRow> ob = ResultTable.builder(
                        OUTCOMES_BY_VICTIM_PRESENCE, "Outcomes of cases with an actual victim and of sting-only cases")
                .text("cases", "Cases")
                .text("outcome", "Outcome")
                .shareColumns("Cases");
        for (Object[] g :
                List.of(new Object[] {ACTUAL_VICTIM, withVictim}, new Object[] {STING_ONLY, stingOnly}, new Object[] {
                    OTHER_NO_VICTIM, otherNoVictim
                })) {
            for (String[] o : List.of(
                    new String[] {"Arrest", StudyData.CASE_ARREST},
                    new String[] {"Prosecution", StudyData.CASE_PROSECUTION},
                    new String[] {"Trafficking charge", StudyData.CASE_HT_CHARGE},
                    new String[] {"Conviction", StudyData.CASE_CONVICTION})) {
                ob.add(new OutcomeRow(
                        (String) g[0],
                        o[0],
                        ShareCells.estimate(c, (IntPredicate) g[1], c.code(o[1])::get, design, conf)));
            }
        }
        ResultTable.Builder<TestRow> tb = ResultTable.builder(
                        VICTIM_PRESENCE_TESTS, "Actual-victim against sting-only cases: Fisher's exact test")
                .text("outcome", "Outcome")
                .pValue("fisher_p", "Fisher p (two-sided)");
        for (String[] o : List.of(
                new String[] {"Arrest", StudyData.CASE_ARREST},
                new String[] {"Prosecution", StudyData.CASE_PROSECUTION},
                new String[] {"Trafficking charge", StudyData.CASE_HT_CHARGE},
                new String[] {"Conviction", StudyData.CASE_CONVICTION})) {
            tb.add(new TestRow(
                    o[0],
                    ShareCells.orNull(
                            ExactTests.fisher(Share.of(c.code(o[1]), withVictim), Share.of(c.code(o[1]), stingOnly)))));
        }
        tb.note(
                "Cases counted as independent; cases cluster within task forces, so the p-values overstate the evidence.");
        ob.note(
                "Sting-only: identified through an undercover sting (ID_SOURCE = 1) with no actual victim (ACTUAL_VICTIM = 0), "
                        + "typically an officer posing as a buyer or seller.");
        ob.note(designNote);
        tables.add(ob.build());
        tables.add(tb.build());
        return new AnalysisResult(
                ID,
                title(),
                "Distributions of the identification source and shares of cases with each evidence type and "
                        + "outcome, with " + settings.confidenceLabel()
                        + " intervals, design-based (weighted, task force as the cluster) with the unweighted share and"
                        + " its Wilson interval beside each, for cases with an actual victim and sting-only cases; Fisher's exact "
                        + "test compares the two.",
                tables,
                List.of());
    }
}

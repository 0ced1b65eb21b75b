package org.tfeval.analysis.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tfeval.analysis.Analysis;
import org.tfeval.analysis.AnalysisResult;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.TableKey;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.snapshot.CodingPairs;
import org.tfeval.stats.agreement.AgreementBootstrap;
import org.tfeval.stats.agreement.CodingTable;
import org.tfeval.stats.agreement.KappaWeights;
import org.tfeval.stats.agreement.TwoCoderAgreement;

/**
 * How reliably the case files were coded: from the snapshot's double-coded files ({@link CodingPairs}: the first
 * and the blind second pass's value of every entered variable of every record both passes have), per coded variable
 * the pairs, percent agreement, and Cohen's (1960) kappa with a unit-level percentile bootstrap interval (stats'
 * {@link AgreementBootstrap}; oracles in stats' tests: published agreement examples (AgreementReferenceTest) and
 * the R script {@code make_agreement_bootstrap_fixture.R} beside its fixture; the unit is the coded record,
 * resampled with both codes together). Missing codes count as categories (a coder who records a value
 * the other marks "not recorded" disagrees). Variables without a disagreement and without variation have no kappa
 * (its expected agreement is 1): the table says so rather than printing 1. Free-text, date and number variables are
 * not in the table (agreement on them is not a category match).
 */
public final class CodingReliability implements Analysis {
    /** Analysis id. */
    public static final String ID = "coding-reliability";
    /** Fewest pairs of a variable for a bootstrap interval. */
    public static final int MIN_PAIRS_FOR_INTERVAL = 10;
    /** Bootstrap draws. */
    public static final int DRAWS = 2000;

    /**
     * Agreement on one variable.
     *
     * @param form       the form
     * @param variable   the variable name
     * @param label      its label
     * @param cases      double-coded case files with the variable
     * @param pairs      coded pairs (records both passes have)
     * @param agreements pairs with the same value
     * @param agreement  share of pairs that agree (0-1, printed as a percentage)
     * @param kappa      Cohen's kappa; null when undefined (no variation expected)
     * @param kappaLow   bootstrap interval's lower limit; null without an interval
     * @param kappaHigh  upper limit; null without an interval
     * @param note       why a figure is missing, or empty
     */
    public record VariableRow(
            String form,
            String variable,
            String label,
            long cases,
            long pairs,
            long agreements,
            Double agreement,
            Double kappa,
            Double kappaLow,
            Double kappaHigh,
            String note) {}

    /** The per-variable agreement table. */
    public static final TableKey<VariableRow> AGREEMENT = TableKey.of("agreement", VariableRow.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Coder reliability";
    }

    @Override
    public List<TableKey<?>> tables() {
        return List.of(AGREEMENT);
    }

    @Override
    public AnalysisResult run(StudyData data, AnalysisSettings settings) {
        CodingPairs pairs = data.codingPairs();
        ResultTable.Builder<VariableRow> t = ResultTable.builder(
                        AGREEMENT, "Agreement of the first and the blind second coding, by variable")
                .text("form", "Form")
                .text("variable", "Variable")
                .text("label", "Label")
                .count("cases", "Case files")
                .count("pairs", "Pairs")
                .count("agreements", "Agreeing")
                .proportion("agreement", "% agreement")
                .number("kappa", "Cohen's kappa")
                .number("kappa_low", "CI low")
                .number("kappa_high", "CI high")
                .text("note", "Note");
        Map<String, List<CodingPairs.Pair>> byVariable = new LinkedHashMap<>();
        for (Form f : data.instrument().forms())
            for (Variable v : f.variables())
                if (v.type() == VariableType.CODE) byVariable.put(f.name() + "\u0000" + v.name(), new ArrayList<>());
        for (CodingPairs.Pair p : pairs.pairs()) {
            List<CodingPairs.Pair> l = byVariable.get(p.form() + "\u0000" + p.variable());
            if (l != null) l.add(p);
        }
        AgreementBootstrap bootstrap = AgreementBootstrap.create()
                .withDraws(DRAWS)
                .withSeed(settings.seed())
                .withConfidence(settings.confidence());
        TreeSet<String> allCases = new TreeSet<>();
        for (Map.Entry<String, List<CodingPairs.Pair>> e : byVariable.entrySet()) {
            List<CodingPairs.Pair> l = e.getValue();
            if (l.isEmpty()) continue;
            String[] fv = e.getKey().split("\u0000");
            Variable v = data.instrument().form(fv[0]).variable(fv[1]);
            TreeSet<String> categories = new TreeSet<>();
            TreeSet<String> cases = new TreeSet<>();
            long agree = 0;
            for (CodingPairs.Pair p : l) {
                categories.add(p.first());
                categories.add(p.second());
                cases.add(p.caseId());
                if (p.first().equals(p.second())) agree++;
            }
            allCases.addAll(cases);
            List<String> cats = new ArrayList<>(categories);
            long[][] table = new long[cats.size()][cats.size()];
            int[][] codes = new int[2][l.size()];
            for (int i = 0; i < l.size(); i++) {
                codes[0][i] = cats.indexOf(l.get(i).first());
                codes[1][i] = cats.indexOf(l.get(i).second());
                table[codes[0][i]][codes[1][i]]++;
            }
            double kappa =
                    cats.size() < 2 ? Double.NaN : TwoCoderAgreement.of(table).cohenKappa();
            Double low = null;
            Double high = null;
            String note = "";
            if (!Double.isFinite(kappa)) {
                note = "kappa undefined: both coders used one value throughout";
            } else if (l.size() < MIN_PAIRS_FOR_INTERVAL) {
                note = "no interval: fewer than " + MIN_PAIRS_FOR_INTERVAL + " pairs";
            } else {
                double[] numeric = new double[cats.size()];
                for (int i = 0; i < numeric.length; i++) numeric[i] = i;
                CodingTable ct = new CodingTable(List.of("first", "second"), cats, numeric, codes);
                AgreementBootstrap.Interval ci = bootstrap.kappa(ct, 0, 1, KappaWeights.NONE);
                if (Double.isFinite(ci.low())) {
                    low = ci.low();
                    high = ci.high();
                }
                if (ci.usable() < ci.draws())
                    note = (ci.draws() - ci.usable()) + " of " + ci.draws()
                            + " bootstrap draws had no variation and were left out";
            }
            t.add(new VariableRow(
                    fv[0],
                    fv[1],
                    v.label(),
                    cases.size(),
                    l.size(),
                    agree,
                    (double) agree / l.size(),
                    Double.isFinite(kappa) ? kappa : null,
                    low,
                    high,
                    note));
        }
        List<String> warnings = new ArrayList<>();
        if (pairs.isEmpty()) {
            t.note("No case file of this snapshot was double-coded: coder reliability cannot be estimated.");
            warnings.add("no double-coded case files: coder reliability is not estimated");
        } else {
            t.note(allCases.size() + " case files were coded twice, the second time blind; "
                    + "agreement is measured on the two independent codings, before reconciliation. "
                    + "Kappa's " + settings.confidenceLabel() + " interval: unit-level percentile bootstrap, "
                    + DRAWS + " draws of coded records (seed " + settings.seed() + ").");
        }
        return new AnalysisResult(
                ID,
                title(),
                "Percent agreement and Cohen's kappa of the first and the blind second coding of the double-coded "
                        + "case files, per coded variable, with unit-level percentile bootstrap intervals.",
                List.of(t.build()),
                warnings);
    }
}

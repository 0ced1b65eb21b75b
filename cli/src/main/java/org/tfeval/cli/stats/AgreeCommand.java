package org.tfeval.cli.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.cli.OutputFormat;
import org.tfeval.stats.agreement.AgreementBootstrap;
import org.tfeval.stats.agreement.CodingTable;
import org.tfeval.stats.agreement.FleissKappa;
import org.tfeval.stats.agreement.KappaWeights;
import org.tfeval.stats.agreement.KrippendorffAlpha;
import org.tfeval.stats.agreement.MeasurementLevel;
import org.tfeval.stats.agreement.TwoCoderAgreement;
import org.tfeval.stats.frame.DataFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tfeval agree}: inter-coder agreement. CSV layout: one row per unit, one column per coder, a
 * blank cell where the coder did not code the unit.
 */
@Command(
        name = "agree",
        header = "Inter-coder agreement on a CSV file: Krippendorff's alpha, Fleiss' and Cohen's kappa.",
        description = {
            "Inter-coder agreement. CSV layout: one row per unit, one column per coder, blank = not coded.",
            "Reports Krippendorff's alpha at --level (missing codes allowed), Fleiss' kappa over units every coder",
            "coded, and for two coders Cohen's kappa, weighted kappa (linear and quadratic weights on the numeric",
            "order of the codes), Scott's pi and percent agreement. Intervals for alpha and the kappas come from a",
            "unit-level percentile bootstrap (units resampled with replacement; --reps draws, --seed)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "2:bad input: missing column, fewer than two coders, text codes with --level interval|ratio"
        })
public final class AgreeCommand extends StatsCommand {

    @Option(names = "--coders", split = ",", paramLabel = "COL", description = "Coder columns (default: every column).")
    List<String> coders = new ArrayList<>();

    @Option(
            names = "--level",
            defaultValue = "nominal",
            paramLabel = "LEVEL",
            description = "nominal (default) | ordinal | interval | ratio, for Krippendorff's alpha.")
    String level;

    @Option(
            names = "--reps",
            defaultValue = "2000",
            paramLabel = "N",
            description = "Bootstrap draws for the intervals (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(
            names = "--seed",
            defaultValue = "20070401",
            paramLabel = "S",
            description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--conf",
            defaultValue = "0.95",
            paramLabel = "LEVEL",
            description = "Confidence level of the intervals (default ${DEFAULT-VALUE}).")
    double conf;

    @Override
    String run(DataFrame frame) {
        MeasurementLevel lv = MeasurementLevel.parse(level);
        CodingTable t = CodingTable.of(frame, coders);
        if (lv.needsNumbers() && t.numericValues() == null) {
            throw new IllegalArgumentException("--level " + level + " needs numeric codes, but some codes are text");
        }
        List<String> warnings = new ArrayList<>();
        KrippendorffAlpha alpha = KrippendorffAlpha.of(t, lv);
        AgreementBootstrap boot =
                AgreementBootstrap.create().withDraws(reps).withSeed(seed).withConfidence(conf);
        AgreementBootstrap.Interval alphaCi = boot.alpha(t, lv);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", t.units());
        m.put("coders", t.coders());
        m.put("categories", t.categories());
        m.put("level", lv.name().toLowerCase());
        m.put("krippendorff_alpha", alpha.alpha());
        m.put("krippendorff_alpha_ci", List.of(alphaCi.low(), alphaCi.high()));
        m.put("observed_disagreement", alpha.observedDisagreement());
        m.put("expected_disagreement", alpha.expectedDisagreement());
        m.put("pairable_units", alpha.pairableUnits());
        m.put("pairable_values", alpha.pairableValues());
        long[][] complete = t.completeUnitCounts();
        if (complete.length > 0) {
            m.put("fleiss_kappa", FleissKappa.of(complete).kappa());
            m.put("fleiss_units", complete.length);
            if (complete.length < t.units()) {
                warnings.add("Fleiss' kappa uses the " + complete.length + " of " + t.units()
                        + " units coded by every coder");
            }
        } else {
            m.put("fleiss_kappa", null);
            m.put("fleiss_units", 0);
            warnings.add("no unit was coded by every coder, so Fleiss' kappa is not defined");
        }
        if (t.coders().size() == 2) {
            TwoCoderAgreement a = TwoCoderAgreement.of(t.crossTable(0, 1));
            m.put("percent_agreement", a.percentAgreement());
            m.put("cohen_kappa", a.cohenKappa());
            m.put("cohen_kappa_ci", ci(boot.kappa(t, 0, 1, KappaWeights.NONE)));
            m.put("scott_pi", a.scottPi());
            if (t.numericValues() != null) {
                for (KappaWeights w : List.of(KappaWeights.LINEAR, KappaWeights.QUADRATIC)) {
                    AgreementBootstrap.Interval wk = boot.kappa(t, 0, 1, w);
                    String key = "weighted_kappa_" + w.name().toLowerCase(java.util.Locale.ROOT);
                    m.put(key, wk.estimate());
                    m.put(key + "_ci", ci(wk));
                }
            } else {
                warnings.add("weighted kappa needs ordered (numeric) codes; the codes here are text");
            }
        } else {
            m.put("percent_agreement", null);
            m.put("cohen_kappa", null);
            m.put("scott_pi", null);
        }
        m.put("interval_method", alphaCi.method() + ", " + Math.round(100 * conf) + "%");
        m.put("warnings", warnings);
        m.put("missing_codes", missingJson(t.coders()));
        if (outputFormat() == OutputFormat.JSON) {
            return Json.write(m);
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "%d units, %d coders (%s), %d categories%n%n",
                t.units(),
                t.coders().size(),
                String.join(", ", t.coders()),
                t.categories().size()));
        b.append(String.format(
                "Krippendorff's alpha (%s): %s  [%s, %s]   (Do %s, De %s; %d pairable units)%n",
                m.get("level"),
                num(alpha.alpha()),
                num(alphaCi.low()),
                num(alphaCi.high()),
                num(alpha.observedDisagreement()),
                num(alpha.expectedDisagreement()),
                alpha.pairableUnits()));
        if (m.get("fleiss_kappa") != null) {
            b.append(String.format(
                    "Fleiss' kappa: %s   (%d units)%n", num((Double) m.get("fleiss_kappa")), complete.length));
        }
        if (m.get("cohen_kappa") != null) {
            b.append(String.format(
                    "Cohen's kappa: %s   Scott's pi: %s   agreement: %s%n",
                    num((Double) m.get("cohen_kappa")), num((Double) m.get("scott_pi")), num((Double)
                            m.get("percent_agreement"))));
            b.append(String.format("  Cohen's kappa interval %s%n", interval(m.get("cohen_kappa_ci"))));
            for (String w : List.of("linear", "quadratic")) {
                if (m.containsKey("weighted_kappa_" + w)) {
                    b.append(String.format(
                            "Weighted kappa (%s): %s  %s%n",
                            w,
                            num((Double) m.get("weighted_kappa_" + w)),
                            interval(m.get("weighted_kappa_" + w + "_ci"))));
                }
            }
        }
        b.append("Intervals: ").append(m.get("interval_method")).append('\n');
        for (String w : warnings) {
            b.append("warning: ").append(w).append('\n');
        }
        b.append(missingText(t.coders()));
        return b.toString();
    }

    private static List<Double> ci(AgreementBootstrap.Interval i) {
        return List.of(i.low(), i.high());
    }

    @SuppressWarnings("unchecked")
    private static String interval(Object ci) {
        List<Double> l = (List<Double>) ci;
        return "[" + num(l.get(0)) + ", " + num(l.get(1)) + "]";
    }
}

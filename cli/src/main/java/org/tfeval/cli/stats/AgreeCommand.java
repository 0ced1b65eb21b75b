package org.tfeval.cli.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.cli.OutputFormat;
import org.tfeval.stats.agreement.CodingTable;
import org.tfeval.stats.agreement.FleissKappa;
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
            "coded, and for two coders Cohen's kappa, Scott's pi and percent agreement."
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

    @Override
    String run(DataFrame frame) {
        MeasurementLevel lv = MeasurementLevel.parse(level);
        CodingTable t = CodingTable.of(frame, coders);
        if (lv.needsNumbers() && t.numericValues() == null) {
            throw new IllegalArgumentException("--level " + level + " needs numeric codes, but some codes are text");
        }
        List<String> warnings = new ArrayList<>();
        KrippendorffAlpha alpha = KrippendorffAlpha.of(t, lv);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", t.units());
        m.put("coders", t.coders());
        m.put("categories", t.categories());
        m.put("level", lv.name().toLowerCase());
        m.put("krippendorff_alpha", alpha.alpha());
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
            m.put("scott_pi", a.scottPi());
        } else {
            m.put("percent_agreement", null);
            m.put("cohen_kappa", null);
            m.put("scott_pi", null);
        }
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
                "Krippendorff's alpha (%s): %s   (Do %s, De %s; %d pairable units)%n",
                m.get("level"),
                num(alpha.alpha()),
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
        }
        for (String w : warnings) {
            b.append("warning: ").append(w).append('\n');
        }
        b.append(missingText(t.coders()));
        return b.toString();
    }
}

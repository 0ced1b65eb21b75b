package org.tfeval.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.identification.Identification;
import org.tfeval.analysis.prediction.OutcomePrediction;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.document.Format;

/**
 * Recommendations the results support, each made only when its condition holds in the data and
 * worded with the figure that triggers it.
 */
public final class Recommendations {
    /** Below this share of prosecuted sex-trafficking cases charged under a trafficking statute, charging practice is questioned. */
    public static final double LOW_TRAFFICKING_CHARGE = 0.5;
    /** Below this share of survivors referred to services, referral is recommended. */
    public static final double FULL_REFERRAL = 0.9;
    /** A disproportionality ratio whose lower limit (or, without one, whose estimate) exceeds this is flagged. */
    public static final double DISPROPORTION = 1.5;
    /** Above this share of stings without an actual victim, victim-centred case building is recommended. */
    public static final double STING_ONLY_SHARE = 0.5;
    /** Median days to disposition above this are flagged. */
    public static final double SLOW_DISPOSITION_DAYS = 365;

    private Recommendations() {
    }

    public static List<Statement> from(ResultLookup r) {
        List<Statement> out = new ArrayList<>();
        r.row(OutcomeFunnel.ID, "trafficking_charge", "level", "Cases", "denominator_label", OutcomeFunnel.OF_PROSECUTED_SEX)
                .filter(x -> x.number("pct") != null && x.number("pct") < LOW_TRAFFICKING_CHARGE).ifPresent(x -> {
                    String prosecutor = r.row(OutcomePrediction.ID, "prosecution", "term", "tf_spec_prosecutor")
                            .filter(p -> p.number("robust_low") != null && p.number("robust_low") > 1)
                            .map(p -> " Task forces with a specialized prosecutor prosecuted more often (odds ratio " + Format.number(p.number("odds_ratio"))
                                    + "); consider one where there is none.").orElse("");
                    out.add(Statement.of("Review charging: only " + x.pct("pct") + " of prosecuted sex-trafficking cases carried a trafficking charge. "
                            + "Record why other statutes were chosen (for example a plea, or sparing survivors from testifying) so the choice can be "
                            + "weighed." + prosecutor, OutcomeFunnel.ID + "/trafficking_charge", OutcomePrediction.ID + "/prosecution"));
                });
        r.row(Survivors.ID, "treatment", "type", "All", "measure", "Victim arrested").filter(x -> x.count("n") != null && x.count("n") > 0)
                .ifPresent(x -> out.add(Statement.of(String.format(Locale.ROOT, "Screen before arresting: %s survivors (%s) were arrested. Adopt "
                        + "screening and non-arrest protocols for people identified as possible victims.", Format.count(x.count("n")), x.pct("pct")),
                        Survivors.ID + "/treatment")));
        r.row(Survivors.ID, "treatment", "type", "All", "measure", "Referred to services")
                .filter(x -> x.number("pct") != null && x.number("pct") < FULL_REFERRAL)
                .ifPresent(x -> out.add(Statement.of("Refer every survivor: only " + x.pct("pct") + " of survivors with a recorded referral were "
                        + "referred to services. Make referral part of every case's checklist and record it.", Survivors.ID + "/treatment")));
        r.table(Disproportionality.ID, "suspects").ifPresent(t -> {
            for (int i = 0; i < t.rowCount(); i++) {
                Double ratio = t.number(i, "ratio");
                Double low = t.number(i, "ratio_low");
                if (ratio == null || t.count(i, "n") < Findings.MIN_GROUP_FOR_TEXT) continue;
                if ((low != null ? low : ratio) > DISPROPORTION) {
                    out.add(Statement.of(String.format(Locale.ROOT, "Examine who is targeted: %s people were %s of suspects, %s times their share of "
                            + "the benchmark population. Review how stings and online operations select whom they target.", t.text(i, "race"),
                            Format.percent(t.number(i, "share")), Format.number(ratio)), Disproportionality.ID + "/suspects"));
                }
            }
        });
        r.row(Identification.ID, "actual_victim", "cases", "Undercover stings").filter(x -> x.count("denominator") != null
                && x.count("denominator") > 0 && 1 - x.number("pct") > STING_ONLY_SHARE).ifPresent(x -> {
                    var sting = r.row(Identification.ID, "outcomes_by_victim_presence", "cases", Identification.STING_ONLY, "outcome", "Trafficking charge");
                    var victim = r.row(Identification.ID, "outcomes_by_victim_presence", "cases", Identification.ACTUAL_VICTIM, "outcome",
                            "Trafficking charge");
                    String contrast = sting.isPresent() && victim.isPresent() && sting.get().number("pct") != null && victim.get().number("pct") != null
                            && sting.get().number("pct") < victim.get().number("pct") ? " Sting-only cases carried a trafficking charge in "
                                    + sting.get().pct("pct") + " of cases, against " + victim.get().pct("pct") + " with an actual victim." : "";
                    out.add(Statement.of("Build cases from victims, not only stings: " + Format.percent(1 - x.number("pct")) + " of undercover "
                            + "stings involved no actual victim." + contrast, Identification.ID + "/actual_victim",
                            Identification.ID + "/outcomes_by_victim_presence"));
                });
        r.table(SampleDescription.ID, "trafficking_type").ifPresent(t -> {
            long labor = 0;
            long all = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                all = t.count(i, "denominator");
                if (t.text(i, "type").startsWith("Labor") || t.text(i, "type").startsWith("Both")) labor += t.count(i, "n");
            }
            if (all > 0 && (double) labor / all < Limitations.SMALL_LABOR_SHARE) {
                out.add(Statement.of(String.format(Locale.ROOT, "Reach labor trafficking: only %s of cases involved it. Partner with labor agencies "
                        + "and worker organizations, and screen for labor exploitation in other investigations.", Format.percent((double) labor / all)),
                        SampleDescription.ID + "/trafficking_type"));
            }
        });
        r.row(TimeToDisposition.ID, "summary", "type", Findings.SEX).filter(x -> x.number("median_days") != null
                && x.number("median_days") > SLOW_DISPOSITION_DAYS).ifPresent(x -> out.add(Statement.of("Track time in court: the median time from "
                        + "arrest to disposition was " + Format.number(x.number("median_days")) + " days; keep survivors informed and supported "
                        + "through it.", TimeToDisposition.ID + "/summary")));
        out.add(Statement.of("Record outcomes completely and the same way at every task force (the instrument's codes), so that the next "
                + "evaluation can compare task forces on more than a handful of sites."));
        return out;
    }
}

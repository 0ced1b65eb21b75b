package org.tfeval.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.identification.Identification;
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

    private Recommendations() {}

    public static List<Statement> from(ResultLookup r) {
        List<Statement> out = new ArrayList<>();
        r.row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.TRAFFICKING_CHARGE_TABLE,
                        x -> x.level().equals("Cases") && x.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                .map(OutcomeFunnel.ChargeRow::share)
                .filter(x -> x.pct() != null && x.pct() < LOW_TRAFFICKING_CHARGE)
                .ifPresent(x -> {
                    double alpha = 1 - Double.parseDouble(r.results().settings().getOrDefault("confidence", "0.95"));
                    // only what the task-force-level comparison supports: tested, Holm-adjusted, in favour
                    String prosecutor = r.row(
                                    TaskForceComparison.ID,
                                    TaskForceComparison.SITE_LEVEL,
                                    p -> p.feature().equals("Specialized prosecutor"))
                            .filter(p -> p.prosecutionHolmP() != null
                                    && p.prosecutionHolmP() < alpha
                                    && p.prosecutionDifference() != null
                                    && p.prosecutionDifference() > 0)
                            .map(p ->
                                    " Task forces with a specialized prosecutor prosecuted more of their cases (exact "
                                            + "task-force-level test, Holm-adjusted p "
                                            + Format.pValue(p.prosecutionHolmP())
                                            + ", " + p.with() + " against " + p.without()
                                            + " task forces); consider one where there is none.")
                            .orElse("");
                    out.add(Statement.of(
                            "Review charging: only " + Format.percent(x.pct())
                                    + " of prosecuted sex-trafficking cases carried a trafficking charge. "
                                    + "Record why other statutes were chosen (for example a plea, or sparing survivors from testifying) so the choice can be "
                                    + "weighed." + prosecutor,
                            OutcomeFunnel.ID + "/trafficking_charge",
                            TaskForceComparison.ID + "/site_level"));
                });
        treatment(r, "Victim arrested")
                .filter(x -> x.n() > 0)
                .ifPresent(x -> out.add(Statement.of(
                        String.format(
                                Locale.ROOT,
                                "Screen before arresting: %s of %s %s arrested, an estimated %s of survivors. Adopt "
                                        + "screening and non-arrest protocols for people identified as possible victims.",
                                Format.count(x.n()),
                                Format.count(x.denominator(), "survivor", "survivors"),
                                Format.noun(x.n(), "was", "were"),
                                x.pct() == null ? "share not computed" : Format.percent(x.pct())),
                        Survivors.ID + "/treatment")));
        treatment(r, "Referred to services")
                .filter(x -> x.pct() != null && x.pct() < FULL_REFERRAL)
                .ifPresent(x -> out.add(Statement.of(
                        "Refer every survivor: only " + Format.percent(x.pct())
                                + " of survivors with a recorded referral were "
                                + "referred to services. Make referral part of every case's checklist and record it.",
                        Survivors.ID + "/treatment")));
        r.table(Disproportionality.ID, Disproportionality.SUSPECTS).ifPresent(t -> {
            for (Disproportionality.RaceRow x : t.rows()) {
                Double ratio = x.ratio();
                Double low = x.ratioLow();
                if (ratio == null || x.n() < Findings.MIN_GROUP_FOR_TEXT) continue;
                if ((low != null ? low : ratio) > DISPROPORTION) {
                    out.add(Statement.of(
                            String.format(
                                    Locale.ROOT,
                                    "Examine who is targeted: %s people were %s of suspects, %s times their share of "
                                            + "the benchmark population. Review how stings and online operations select whom they target.",
                                    x.race(),
                                    Format.percent(x.share()),
                                    Format.number(ratio)),
                            Disproportionality.ID + "/suspects"));
                }
            }
        });
        r.row(
                        Identification.ID,
                        Identification.ACTUAL_VICTIM_TABLE,
                        x -> x.cases().equals("Undercover stings"))
                .map(Identification.VictimRow::share)
                .filter(x -> x.denominator() > 0 && 1 - x.pct() > STING_ONLY_SHARE)
                .ifPresent(x -> {
                    var sting = charge(r, Identification.STING_ONLY);
                    var victim = charge(r, Identification.ACTUAL_VICTIM);
                    String contrast = sting.isPresent()
                                    && victim.isPresent()
                                    && sting.get().pct() != null
                                    && victim.get().pct() != null
                                    && sting.get().pct() < victim.get().pct()
                            ? " Sting-only cases carried a trafficking charge in "
                                    + Format.percent(sting.get().pct()) + " of cases, against "
                                    + Format.percent(victim.get().pct()) + " with an actual victim."
                            : "";
                    out.add(Statement.of(
                            "Build cases from victims, not only stings: " + Format.percent(1 - x.pct())
                                    + " of undercover " + "stings involved no actual victim." + contrast,
                            Identification.ID + "/actual_victim",
                            Identification.ID + "/outcomes_by_victim_presence"));
                });
        r.table(SampleDescription.ID, SampleDescription.TRAFFICKING_TYPE).ifPresent(t -> {
            long labor = 0;
            long all = 0;
            for (SampleDescription.TypeRow x : t.rows()) {
                all = x.share().denominator();
                if (x.type().startsWith("Labor") || x.type().startsWith("Both"))
                    labor += x.share().n();
            }
            if (all > 0 && (double) labor / all < Limitations.SMALL_LABOR_SHARE) {
                out.add(Statement.of(
                        String.format(
                                Locale.ROOT,
                                "Reach labor trafficking: only %s of cases involved it. Partner with labor agencies "
                                        + "and worker organizations, and screen for labor exploitation in other investigations.",
                                Format.percent((double) labor / all)),
                        SampleDescription.ID + "/trafficking_type"));
            }
        });
        r.row(TimeToDisposition.ID, TimeToDisposition.SUMMARY, x -> x.type().equals(Findings.SEX))
                .filter(x -> x.medianDays() != null && x.medianDays() > SLOW_DISPOSITION_DAYS)
                .ifPresent(x -> out.add(Statement.of(
                        "Track time in court: the median time from "
                                + "arrest to disposition was " + Format.number(x.medianDays())
                                + " days; keep survivors informed and supported "
                                + "through it.",
                        TimeToDisposition.ID + "/summary")));
        out.add(Statement.of(
                "Record outcomes completely and the same way at every task force (the instrument's codes), so that the next "
                        + "evaluation can compare task forces on more than a handful of sites."));
        return out;
    }

    private static java.util.Optional<ShareCells> treatment(ResultLookup r, String measure) {
        return r.row(
                        Survivors.ID,
                        Survivors.TREATMENT_TABLE,
                        x -> x.group().equals("All") && x.measure().equals(measure))
                .map(Survivors.TreatmentRow::share);
    }

    private static java.util.Optional<ShareCells> charge(ResultLookup r, String cases) {
        return r.row(
                        Identification.ID,
                        Identification.OUTCOMES_BY_VICTIM_PRESENCE,
                        x -> x.cases().equals(cases) && x.outcome().equals("Trafficking charge"))
                .map(Identification.OutcomeRow::share);
    }
}

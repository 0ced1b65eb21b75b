package org.tfeval.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.charging.Charging;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.funnel.OutcomeFunnel.ChargeRow;
import org.tfeval.analysis.funnel.OutcomeFunnel.StageRow;
import org.tfeval.analysis.identification.Identification;
import org.tfeval.analysis.prediction.OutcomePrediction;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.document.Format;

/**
 * The summary of findings, generated from the results: one statement per analysis that ran, each
 * built from its tables' values.
 */
public final class Findings {
    /** A share below this many people is not singled out in the text. */
    public static final int MIN_GROUP_FOR_TEXT = 5;
    /** Label of sex trafficking in the HT_TYPE value set. */
    static final String SEX = "Sex trafficking";

    private Findings() {}

    /** Every statement the results support, in report order. */
    public static List<Statement> summary(ResultLookup r) {
        List<Statement> out = new ArrayList<>();
        sample(r).ifPresent(out::add);
        funnel(r).ifPresent(out::add);
        traffickingCharge(r).ifPresent(out::add);
        charging(r).ifPresent(out::add);
        identification(r).ifPresent(out::add);
        survivors(r).ifPresent(out::add);
        disparity(r).ifPresent(out::add);
        disposition(r).ifPresent(out::add);
        prediction(r).forEach(out::add);
        r.table(TaskForceComparison.ID, TaskForceComparison.STATEMENT)
                .filter(t -> t.rowCount() > 0)
                .ifPresent(t -> out.add(Statement.of(t.row(0).statement(), TaskForceComparison.ID + "/statement")));
        return out;
    }

    static Optional<Statement> sample(ResultLookup r) {
        return r.table(SampleDescription.ID, SampleDescription.SITES)
                .flatMap(t -> t.first(x -> x.taskForce().equals(SampleDescription.ALL))
                        .map(all -> {
                            long withCases = t.rows().stream()
                                    .filter(x -> !x.taskForce().equals(SampleDescription.ALL) && x.cases() > 0)
                                    .count();
                            return Statement.of(
                                    String.format(
                                            Locale.ROOT,
                                            "The study holds %s from %d of its %s, with %s and %s.",
                                            Format.count(all.cases(), "case file", "case files"),
                                            withCases,
                                            Format.count(t.rowCount() - 1, "task force", "task forces"),
                                            Format.count(all.victims(), "survivor", "survivors"),
                                            Format.count(all.suspects(), "suspect", "suspects")),
                                    SampleDescription.ID + "/sites");
                        }));
    }

    private static Optional<ShareCells> sexStage(ResultLookup r, String stage) {
        return r.row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.CASE_BY_TYPE,
                        x -> x.group().equals(SEX) && x.stage().equals(stage))
                .map(StageRow::share);
    }

    static Optional<Statement> funnel(ResultLookup r) {
        var inv = sexStage(r, OutcomeFunnel.INVESTIGATION);
        var arrest = sexStage(r, OutcomeFunnel.ARREST);
        var pros = sexStage(r, OutcomeFunnel.PROSECUTION);
        var conv = sexStage(r, OutcomeFunnel.CONVICTION);
        if (inv.isEmpty() || arrest.isEmpty() || pros.isEmpty() || inv.get().n() == 0) return Optional.empty();
        String c = r.confidence();
        return Optional.of(Statement.of(
                String.format(
                        Locale.ROOT,
                        "Of %s, %s led to an arrest%s and %s to a " + "prosecution%s%s.",
                        Format.count(inv.get().n(), "sex-trafficking investigation", "sex-trafficking investigations"),
                        Format.percent(arrest.get().pct()),
                        ResultLookup.ci(c, arrest.get()),
                        Format.percent(pros.get().pct()),
                        ResultLookup.ci(c, pros.get()),
                        conv.map(x -> "; " + Format.percent(x.pct()) + " ended in a conviction" + ResultLookup.ci(c, x))
                                .orElse("")),
                OutcomeFunnel.ID + "/case_by_type"));
    }

    /** Said after every design-based share: which interval it is (the tables give the unweighted one too). */
    public static final String DESIGN_BASED =
            "Intervals are design-based (task force as the cluster); the tables also give the unweighted share with its Wilson interval.";

    static Optional<Statement> traffickingCharge(ResultLookup r) {
        var all = r.row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.TRAFFICKING_CHARGE_TABLE,
                        x -> x.level().equals("Cases") && x.denominator().equals(OutcomeFunnel.OF_ALL_SEX))
                .map(ChargeRow::share);
        var pros = r.row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.TRAFFICKING_CHARGE_TABLE,
                        x -> x.level().equals("Cases") && x.denominator().equals(OutcomeFunnel.OF_PROSECUTED_SEX))
                .map(ChargeRow::share);
        if (all.isEmpty() || pros.isEmpty() || all.get().denominator() == 0) return Optional.empty();
        String c = r.confidence();
        return Optional.of(Statement.of(
                String.format(
                        Locale.ROOT,
                        "A charge under a trafficking statute followed in %s of all sex-trafficking "
                                + "investigations%s, or %s of those prosecuted%s: a share of this kind depends on its denominator, so both are given. "
                                + DESIGN_BASED,
                        Format.percent(all.get().pct()),
                        ResultLookup.ci(c, all.get()),
                        Format.percent(pros.get().pct()),
                        ResultLookup.ci(c, pros.get())),
                OutcomeFunnel.ID + "/trafficking_charge"));
    }

    static Optional<Statement> charging(ResultLookup r) {
        return r.table(Charging.ID, Charging.TOP_CHARGE)
                .filter(t -> t.rowCount() > 0)
                .flatMap(t -> {
                    Charging.TopChargeRow best = t.rows().stream()
                            .filter(x -> x.share().pct() != null)
                            .reduce((a, b) -> b.share().pct() > a.share().pct() ? b : a)
                            .orElse(null);
                    if (best == null || best.share().n() == 0) return Optional.empty();
                    String c = r.confidence();
                    var statute = r.row(
                            Charging.ID,
                            Charging.STATUTE,
                            x -> x.type().equals("All")
                                    && x.measure().equals("Top charge under a trafficking statute"));
                    return Optional.of(Statement.of(
                            String.format(
                                    Locale.ROOT,
                                    "The most common top charge of prosecuted suspects was %s, an estimated %s%s%s. "
                                            + DESIGN_BASED,
                                    best.charge().toLowerCase(Locale.ROOT),
                                    Format.percent(best.share().pct()),
                                    ResultLookup.ci(c, best.share()),
                                    statute.filter(s -> s.share().pct() != null)
                                            .map(s -> "; "
                                                    + Format.percent(s.share().pct())
                                                    + ResultLookup.ci(c, s.share())
                                                    + " had a trafficking statute as their top charge")
                                            .orElse("")),
                            Charging.ID + "/top_charge",
                            Charging.ID + "/statute"));
                });
    }

    static Optional<Statement> identification(ResultLookup r) {
        Optional<ResultTable<Identification.SourceRow>> t = r.table(Identification.ID, Identification.ID_SOURCE);
        if (t.isEmpty()) return Optional.empty();
        Identification.SourceRow best = null;
        for (Identification.SourceRow x : t.get().rows()) {
            if (x.type().equals(SEX)
                    && x.share().pct() != null
                    && (best == null || x.share().pct() > best.share().pct())) best = x;
        }
        if (best == null || best.share().n() == 0) return Optional.empty();
        String c = r.confidence();
        var stings = r.row(
                Identification.ID,
                Identification.ACTUAL_VICTIM_TABLE,
                x -> x.cases().equals("Undercover stings"));
        String stingText = stings.filter(
                        x -> x.share().denominator() > 0 && x.share().pct() != null)
                .map(x -> "; " + Format.percent(1 - x.share().pct()) + " of stings involved no actual victim")
                .orElse("");
        return Optional.of(Statement.of(
                String.format(
                        Locale.ROOT,
                        "Sex-trafficking cases most often came to the task forces through %s, an estimated %s%s%s. "
                                + DESIGN_BASED,
                        best.source().toLowerCase(Locale.ROOT),
                        Format.percent(best.share().pct()),
                        ResultLookup.ci(c, best.share()),
                        stingText),
                Identification.ID + "/id_source",
                Identification.ID + "/actual_victim"));
    }

    static Optional<Statement> survivors(ResultLookup r) {
        var referred = r.row(
                        Survivors.ID,
                        Survivors.TREATMENT_TABLE,
                        x -> x.group().equals("All") && x.measure().equals("Referred to services"))
                .map(Survivors.TreatmentRow::share);
        var arrested = r.row(
                        Survivors.ID,
                        Survivors.TREATMENT_TABLE,
                        x -> x.group().equals("All") && x.measure().equals("Victim arrested"))
                .map(Survivors.TreatmentRow::share);
        if (referred.isEmpty()
                || arrested.isEmpty()
                || referred.get().denominator() == 0
                || referred.get().pct() == null
                || arrested.get().pct() == null) return Optional.empty();
        String c = r.confidence();
        return Optional.of(Statement.of(
                String.format(
                        Locale.ROOT,
                        "Of %s with a recorded referral, %s%s were referred to services; %s of %s %s "
                                + "themselves arrested, an estimated %s%s. "
                                + DESIGN_BASED,
                        Format.count(referred.get().denominator(), "survivor", "survivors"),
                        Format.percent(referred.get().pct()),
                        ResultLookup.ci(c, referred.get()),
                        Format.count(arrested.get().n()),
                        Format.count(arrested.get().denominator(), "survivor", "survivors"),
                        Format.noun(arrested.get().n(), "was", "were"),
                        Format.percent(arrested.get().pct()),
                        ResultLookup.ci(c, arrested.get())),
                Survivors.ID + "/treatment"));
    }

    static Optional<Statement> disparity(ResultLookup r) {
        return r.table(Disproportionality.ID, Disproportionality.SUSPECTS).flatMap(t -> {
            Disproportionality.RaceRow row = null;
            for (Disproportionality.RaceRow x : t.rows()) {
                if (x.ratio() == null || x.n() < MIN_GROUP_FOR_TEXT) continue;
                if (row == null || x.ratio() > row.ratio()) row = x;
            }
            if (row == null) return Optional.empty();
            boolean illustrative =
                    Boolean.parseBoolean(r.results().settings().getOrDefault("benchmark_illustrative", "false"));
            return Optional.of(Statement.of(
                    String.format(
                            Locale.ROOT,
                            "%s people were %s of suspects with a recorded race against %s of the %s "
                                    + "population%s: %s times their share%s. " + DESIGN_BASED,
                            row.race(),
                            Format.percent(row.share()),
                            Format.percent(row.benchmark()),
                            illustrative ? "illustrative benchmark" : "benchmark",
                            "",
                            Format.number(row.ratio()),
                            ResultLookup.numberCi(r.confidence(), row.ratioLow(), row.ratioHigh())),
                    Disproportionality.ID + "/suspects"));
        });
    }

    static Optional<Statement> disposition(ResultLookup r) {
        return r.row(
                        TimeToDisposition.ID,
                        TimeToDisposition.SUMMARY,
                        x -> x.type().equals(SEX))
                .filter(x -> x.medianDays() != null)
                .map(x -> Statement.of(
                        String.format(
                                Locale.ROOT,
                                "Prosecuted sex-trafficking suspects waited a median of %s days from arrest to disposition%s; %s "
                                        + "still pending when the files were coded.",
                                Format.number(x.medianDays()),
                                ResultLookup.numberCi(r.confidence(), x.medianLow(), x.medianHigh()),
                                Format.count(x.pending(), "was", "were")),
                        TimeToDisposition.ID + "/summary"));
    }

    static List<Statement> prediction(ResultLookup r) {
        List<Statement> out = new ArrayList<>();
        double alpha = 1 - Double.parseDouble(r.results().settings().getOrDefault("confidence", "0.95"));
        for (String[] o : OutcomePrediction.OUTCOMES) {
            String outcome = (o[2].equals("Prosecution") ? "" : "a ") + o[2].toLowerCase(Locale.ROOT);
            Optional<OutcomePrediction.ModelRow> model = r.row(
                    OutcomePrediction.ID,
                    OutcomePrediction.MODELS,
                    m -> m.outcome().equals(o[2]));
            if (model.isPresent() && !model.get().status().equals(OutcomePrediction.REPORTED)) {
                out.add(Statement.of(
                        "The model of " + outcome + " is not reported as a finding ("
                                + model.get().status().substring(OutcomePrediction.NOT_A_FINDING.length()) + ").",
                        OutcomePrediction.ID + "/" + OutcomePrediction.MODELS.id()));
                continue;
            }
            r.table(OutcomePrediction.ID, OutcomePrediction.coefficients(o[1])).ifPresent(t -> {
                List<String> up = new ArrayList<>();
                List<String> down = new ArrayList<>();
                long screened = 0;
                for (OutcomePrediction.CoefficientRow x : t.rows()) {
                    if (x.term().equals("intercept")) continue;
                    if (x.term().startsWith(OutcomePrediction.SITE_TERM_PREFIX)) continue;
                    Double p = x.robustHolmP();
                    Double or = x.oddsRatio();
                    if (p == null || or == null) continue;
                    screened++;
                    if (p >= alpha) continue;
                    String words = x.label().replaceAll(" \\(.*\\)$", "").toLowerCase(Locale.ROOT) + " (odds ratio "
                            + Format.number(or) + ", Holm-adjusted p " + Format.pValue(p) + ")";
                    if (or > 1) up.add(words);
                    else down.add(words);
                }
                String text;
                if (up.isEmpty() && down.isEmpty()) {
                    text = "No case characteristic was associated with the odds of " + outcome
                            + " after Holm's adjustment for the "
                            + Format.count(screened, "coefficient", "coefficients")
                            + " screened.";
                } else {
                    text = "Odds of " + outcome + " were higher with "
                            + (up.isEmpty() ? "none of the case characteristics" : String.join(", ", up))
                            + (down.isEmpty() ? "" : " and lower with " + String.join(", ", down))
                            + " (robust p-values, Holm-adjusted over the "
                            + Format.count(screened, "coefficient", "coefficients")
                            + " screened); with this few task forces such associations are fragile.";
                }
                out.add(Statement.of(
                        text
                                + " Task-force features are compared at the task-force level, not in these case-level models.",
                        OutcomePrediction.ID + "/" + o[1]));
            });
        }
        return out;
    }
}

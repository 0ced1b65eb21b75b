package org.tfeval.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.charging.Charging;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
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

    private Findings() {
    }

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
        r.table(TaskForceComparison.ID, "statement").filter(t -> t.rowCount() > 0)
                .ifPresent(t -> out.add(Statement.of(t.text(0, "statement"), TaskForceComparison.ID + "/statement")));
        return out;
    }

    static Optional<Statement> sample(ResultLookup r) {
        return r.row(SampleDescription.ID, "sites", "task_force", SampleDescription.ALL).map(all -> {
            ResultTable t = all.table();
            long withCases = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if (!t.text(i, "task_force").equals(SampleDescription.ALL) && t.count(i, "cases") > 0) withCases++;
            }
            return Statement.of(String.format(Locale.ROOT, "The study holds %s case files from %d of its %d task forces, with %s survivors and %s "
                    + "suspects.", Format.count(all.count("cases")), withCases, t.rowCount() - 1, Format.count(all.count("victims")),
                    Format.count(all.count("suspects"))), SampleDescription.ID + "/sites");
        });
    }

    static Optional<Statement> funnel(ResultLookup r) {
        var inv = r.row(OutcomeFunnel.ID, "case_by_type", "type", SEX, "stage", OutcomeFunnel.INVESTIGATION);
        var arrest = r.row(OutcomeFunnel.ID, "case_by_type", "type", SEX, "stage", OutcomeFunnel.ARREST);
        var pros = r.row(OutcomeFunnel.ID, "case_by_type", "type", SEX, "stage", OutcomeFunnel.PROSECUTION);
        var conv = r.row(OutcomeFunnel.ID, "case_by_type", "type", SEX, "stage", OutcomeFunnel.CONVICTION);
        if (inv.isEmpty() || arrest.isEmpty() || pros.isEmpty() || inv.get().count("n") == 0) return Optional.empty();
        String c = r.confidence();
        return Optional.of(Statement.of(String.format(Locale.ROOT, "Of %s sex-trafficking investigations, %s led to an arrest%s and %s to a "
                + "prosecution%s%s.", Format.count(inv.get().count("n")), arrest.get().pct("pct"), arrest.get().ci(c), pros.get().pct("pct"),
                pros.get().ci(c), conv.map(x -> "; " + x.pct("pct") + " ended in a conviction" + x.ci(c)).orElse("")), OutcomeFunnel.ID + "/case_by_type"));
    }

    static Optional<Statement> traffickingCharge(ResultLookup r) {
        var all = r.row(OutcomeFunnel.ID, "trafficking_charge", "level", "Cases", "denominator_label", OutcomeFunnel.OF_ALL_SEX);
        var pros = r.row(OutcomeFunnel.ID, "trafficking_charge", "level", "Cases", "denominator_label", OutcomeFunnel.OF_PROSECUTED_SEX);
        if (all.isEmpty() || pros.isEmpty() || all.get().count("denominator") == 0) return Optional.empty();
        String c = r.confidence();
        return Optional.of(Statement.of(String.format(Locale.ROOT, "A charge under a trafficking statute followed in %s of all sex-trafficking "
                + "investigations%s, or %s of those prosecuted%s: a share of this kind depends on its denominator, so both are given.", all.get().pct("pct"),
                all.get().ci(c), pros.get().pct("pct"), pros.get().ci(c)), OutcomeFunnel.ID + "/trafficking_charge"));
    }

    static Optional<Statement> charging(ResultLookup r) {
        return r.table(Charging.ID, "top_charge").filter(t -> t.rowCount() > 0).flatMap(t -> {
            int best = -1;
            for (int i = 0; i < t.rowCount(); i++) {
                if (best < 0 || t.count(i, "n") > t.count(best, "n")) best = i;
            }
            if (t.count(best, "n") == 0) return Optional.empty();
            var statute = r.row(Charging.ID, "statute", "type", "All", "measure", "Top charge under a trafficking statute");
            return Optional.of(Statement.of(String.format(Locale.ROOT, "The most common top charge of prosecuted suspects was %s (%s)%s.",
                    t.text(best, "charge").toLowerCase(Locale.ROOT), Format.percent(t.number(best, "pct")),
                    statute.map(s -> "; " + s.pct("pct") + " had a trafficking statute as their top charge").orElse("")),
                    Charging.ID + "/top_charge", Charging.ID + "/statute"));
        });
    }

    static Optional<Statement> identification(ResultLookup r) {
        Optional<ResultTable> t = r.table(Identification.ID, "id_source");
        if (t.isEmpty()) return Optional.empty();
        ResultTable s = t.get();
        int best = -1;
        for (int i = 0; i < s.rowCount(); i++) {
            if (s.text(i, "type").equals(SEX) && (best < 0 || s.count(i, "n") > s.count(best, "n"))) best = i;
        }
        if (best < 0 || s.count(best, "n") == 0) return Optional.empty();
        var stings = r.row(Identification.ID, "actual_victim", "cases", "Undercover stings");
        String stingText = stings.filter(x -> x.count("denominator") > 0)
                .map(x -> "; " + Format.percent(1 - x.number("pct")) + " of stings involved no actual victim").orElse("");
        return Optional.of(Statement.of(String.format(Locale.ROOT, "Sex-trafficking cases most often came to the task forces through %s (%s)%s.",
                s.text(best, "source").toLowerCase(Locale.ROOT), Format.percent(s.number(best, "pct")), stingText), Identification.ID + "/id_source",
                Identification.ID + "/actual_victim"));
    }

    static Optional<Statement> survivors(ResultLookup r) {
        var referred = r.row(Survivors.ID, "treatment", "type", "All", "measure", "Referred to services");
        var arrested = r.row(Survivors.ID, "treatment", "type", "All", "measure", "Victim arrested");
        if (referred.isEmpty() || arrested.isEmpty() || referred.get().count("denominator") == 0) return Optional.empty();
        return Optional.of(Statement.of(String.format(Locale.ROOT, "Of %s survivors with a recorded referral, %s were referred to services; %s "
                + "survivors (%s) were themselves arrested.", Format.count(referred.get().count("denominator")), referred.get().pct("pct"),
                Format.count(arrested.get().count("n")), arrested.get().pct("pct")), Survivors.ID + "/treatment"));
    }

    static Optional<Statement> disparity(ResultLookup r) {
        return r.table(Disproportionality.ID, "suspects").flatMap(t -> {
            int best = -1;
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.number(i, "ratio") == null || t.count(i, "n") < MIN_GROUP_FOR_TEXT) continue;
                if (best < 0 || t.number(i, "ratio") > t.number(best, "ratio")) best = i;
            }
            if (best < 0) return Optional.empty();
            var row = new ResultLookup.Row(t, best);
            boolean illustrative = Boolean.parseBoolean(r.results().settings().getOrDefault("benchmark_illustrative", "false"));
            return Optional.of(Statement.of(String.format(Locale.ROOT, "%s people were %s of suspects with a recorded race against %s of the %s "
                    + "population%s: %s times their share%s.", row.text("race"), row.pct("share"), row.pct("benchmark"),
                    illustrative ? "illustrative benchmark" : "benchmark", "", Format.number(row.number("ratio")),
                    row.ci(r.confidence(), "ratio_low", "ratio_high")), Disproportionality.ID + "/suspects"));
        });
    }

    static Optional<Statement> disposition(ResultLookup r) {
        return r.row(TimeToDisposition.ID, "summary", "type", SEX).filter(x -> x.number("median_days") != null).map(x -> Statement.of(
                String.format(Locale.ROOT, "Prosecuted sex-trafficking suspects waited a median of %s days from arrest to disposition%s; %s were "
                        + "still pending when the files were coded.", Format.number(x.number("median_days")),
                        x.ci(r.confidence(), "median_low", "median_high"), Format.count(x.count("pending"))), TimeToDisposition.ID + "/summary"));
    }

    static List<Statement> prediction(ResultLookup r) {
        List<Statement> out = new ArrayList<>();
        for (String[] o : OutcomePrediction.OUTCOMES) {
            r.table(OutcomePrediction.ID, o[1]).ifPresent(t -> {
                List<String> up = new ArrayList<>();
                List<String> down = new ArrayList<>();
                for (int i = 0; i < t.rowCount(); i++) {
                    if (t.text(i, "term").equals("intercept")) continue;
                    Double lo = t.number(i, "robust_low");
                    Double hi = t.number(i, "robust_high");
                    Double or = t.number(i, "odds_ratio");
                    if (lo == null || hi == null || or == null) continue;
                    String words = t.text(i, "label").replaceAll(" \\(.*\\)$", "").toLowerCase(Locale.ROOT) + " (odds ratio " + Format.number(or) + ")";
                    if (lo > 1) up.add(words);
                    else if (hi < 1) down.add(words);
                }
                String outcome = (o[2].equals("Prosecution") ? "" : "a ") + o[2].toLowerCase(Locale.ROOT);
                String text;
                if (up.isEmpty() && down.isEmpty()) {
                    text = "No case characteristic or task-force feature had a robust interval for its odds ratio of " + outcome + " that excluded 1.";
                } else {
                    text = "Odds of " + outcome + " were higher with " + (up.isEmpty() ? "none of the predictors" : String.join(", ", up))
                            + (down.isEmpty() ? "" : " and lower with " + String.join(", ", down))
                            + " (robust intervals excluding 1); with this few task forces such associations are fragile.";
                }
                out.add(Statement.of(text, OutcomePrediction.ID + "/" + o[1]));
            });
        }
        return out;
    }
}

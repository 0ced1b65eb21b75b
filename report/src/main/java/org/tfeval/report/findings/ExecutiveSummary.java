package org.tfeval.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.comparison.TaskForceComparison;
import org.tfeval.analysis.comparison.TaskForceComparison.SiteLevelRow;
import org.tfeval.analysis.comparison.TaskForceComparison.Verdict;
import org.tfeval.analysis.disparity.Disproportionality;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.analysis.survivors.Survivors;
import org.tfeval.report.document.Format;

/**
 * The executive summary: a few paragraphs of prose, each generated from the result tables it cites
 * (the sample, the funnel, survivors and disproportionality, the task-force-level comparison, the
 * case-level models) and closing with what the recommendations rest on. It states findings only:
 * the analyses' warnings and caveats belong to the methods note and the limitations.
 */
public final class ExecutiveSummary {
    private ExecutiveSummary() {}

    /** The paragraphs, in order; {@code recommendations} is how many recommendations the report makes. */
    public static List<Statement> from(ResultLookup r, int recommendations) {
        List<Statement> out = new ArrayList<>();
        scope(r).ifPresent(out::add);
        outcomes(r).ifPresent(out::add);
        survivors(r).ifPresent(out::add);
        taskForces(r).ifPresent(out::add);
        List<Statement> models = Findings.prediction(r);
        if (!models.isEmpty()) {
            List<String> sources = new ArrayList<>();
            StringBuilder b = new StringBuilder();
            for (Statement m : models) {
                b.append(b.length() == 0 ? "" : " ").append(m.text());
                m.sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
            }
            out.add(new Statement(b.toString(), sources));
        }
        out.add(Statement.of(String.format(
                Locale.ROOT,
                "The report makes %s, each resting on the findings and tables it cites; the methods note and the "
                        + "limitations say how far the findings carry.",
                Format.count(recommendations, "recommendation", "recommendations"))));
        return out;
    }

    static Optional<Statement> scope(ResultLookup r) {
        return r.table(SampleDescription.ID, SampleDescription.SITES)
                .flatMap(t -> t.first(x -> x.taskForce().equals(SampleDescription.ALL))
                        .map(all -> {
                            long withCases = t.rows().stream()
                                    .filter(x -> !x.taskForce().equals(SampleDescription.ALL) && x.cases() > 0)
                                    .count();
                            return Statement.of(
                                    String.format(
                                            Locale.ROOT,
                                            "This evaluation read %s of investigations into possible human trafficking "
                                                    + "from %d of the study's %s, involving %s and %s, and followed each case from "
                                                    + "investigation to sentence.",
                                            Format.count(all.cases(), "closed case file", "closed case files"),
                                            withCases,
                                            Format.count(t.rowCount() - 1, "task force", "task forces"),
                                            Format.count(all.victims(), "survivor", "survivors"),
                                            Format.count(all.suspects(), "suspect", "suspects")),
                                    SampleDescription.ID + "/" + SampleDescription.SITES.id());
                        }));
    }

    static Optional<Statement> outcomes(ResultLookup r) {
        Optional<ShareCells> inv = stage(r, OutcomeFunnel.INVESTIGATION);
        Optional<ShareCells> arrest = stage(r, OutcomeFunnel.ARREST);
        Optional<ShareCells> pros = stage(r, OutcomeFunnel.PROSECUTION);
        if (inv.isEmpty() || arrest.isEmpty() || pros.isEmpty() || inv.get().n() == 0) return Optional.empty();
        Optional<ShareCells> all = charge(r, OutcomeFunnel.OF_ALL_SEX);
        Optional<ShareCells> ofPros = charge(r, OutcomeFunnel.OF_PROSECUTED_SEX);
        String charge = all.isPresent()
                        && ofPros.isPresent()
                        && all.get().pct() != null
                        && ofPros.get().pct() != null
                ? String.format(
                        Locale.ROOT,
                        " A charge under a trafficking statute followed in %s of "
                                + "the sex-trafficking investigations, or %s of those prosecuted.",
                        Format.percent(all.get().pct()),
                        Format.percent(ofPros.get().pct()))
                : "";
        List<String> sources = new ArrayList<>(List.of(OutcomeFunnel.ID + "/" + OutcomeFunnel.CASE_BY_TYPE.id()));
        if (!charge.isEmpty()) sources.add(OutcomeFunnel.ID + "/" + OutcomeFunnel.TRAFFICKING_CHARGE_TABLE.id());
        return Optional.of(new Statement(
                String.format(
                                Locale.ROOT,
                                "Of %s, %s led to an arrest and %s to a " + "prosecution.",
                                Format.count(
                                        inv.get().n(),
                                        "sex-trafficking investigation",
                                        "sex-trafficking investigations"),
                                Format.percent(arrest.get().pct()),
                                Format.percent(pros.get().pct()))
                        + charge,
                sources));
    }

    static Optional<Statement> survivors(ResultLookup r) {
        Optional<ShareCells> referred = treatment(r, "Referred to services");
        Optional<ShareCells> arrested = treatment(r, "Victim arrested");
        List<String> parts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (referred.isPresent() && arrested.isPresent() && referred.get().denominator() > 0) {
            parts.add(String.format(
                    Locale.ROOT,
                    "Of %s with a recorded referral, %s were referred to services, and %s %s arrested themselves.",
                    Format.count(referred.get().denominator(), "survivor", "survivors"),
                    Format.percent(referred.get().pct()),
                    Format.count(arrested.get().n(), "survivor", "survivors"),
                    Format.noun(arrested.get().n(), "was", "were")));
            sources.add(Survivors.ID + "/" + Survivors.TREATMENT_TABLE.id());
        }
        r.table(Disproportionality.ID, Disproportionality.SUSPECTS).ifPresent(t -> {
            Disproportionality.RaceRow row = null;
            for (Disproportionality.RaceRow x : t.rows()) {
                if (x.ratio() == null || x.n() < Findings.MIN_GROUP_FOR_TEXT) continue;
                if (row == null || x.ratio() > row.ratio()) row = x;
            }
            if (row == null) return;
            boolean illustrative =
                    Boolean.parseBoolean(r.results().settings().getOrDefault("benchmark_illustrative", "false"));
            parts.add(String.format(
                    Locale.ROOT,
                    "%s people made up %s of suspects with a recorded race, %s times their share of the %s population.",
                    row.race(),
                    Format.percent(row.share()),
                    Format.number(row.ratio()),
                    illustrative ? "illustrative benchmark" : "benchmark"));
            sources.add(Disproportionality.ID + "/" + Disproportionality.SUSPECTS.id());
        });
        return parts.isEmpty() ? Optional.empty() : Optional.of(new Statement(String.join(" ", parts), sources));
    }

    static Optional<Statement> taskForces(ResultLookup r) {
        return r.table(TaskForceComparison.ID, TaskForceComparison.SITE_LEVEL)
                .filter(t -> t.rowCount() > 0)
                .map(t -> {
                    double alpha = 1 - Double.parseDouble(r.results().settings().getOrDefault("confidence", "0.95"));
                    long tested = 0;
                    long differed = 0;
                    for (SiteLevelRow x : t.rows()) {
                        if (!x.verdict().equals(Verdict.TESTED.words())) continue;
                        tested++;
                        if (below(x.prosecutionHolmP(), alpha) || below(x.chargeHolmP(), alpha)) differed++;
                    }
                    String result = tested == 0
                            ? "none had enough task forces on both sides to be tested, so every difference is described, "
                                    + "not tested"
                            : String.format(
                                    Locale.ROOT,
                                    "%s enough task forces on both sides to be tested, and %s after Holm's adjustment%s",
                                    Format.count(tested, "had", "had"),
                                    differed == 0
                                            ? (tested == 1
                                                    ? "its outcomes did not differ"
                                                    : "none of them differed in outcomes")
                                            : Format.count(
                                                    differed, "differed in its outcomes", "differed in their outcomes"),
                                    tested == t.rowCount()
                                            ? ""
                                            : "; "
                                                    + Format.noun(
                                                            t.rowCount() - tested, "the other is", "the others are")
                                                    + " described, not tested");
                    return Statement.of(
                            String.format(
                                    Locale.ROOT,
                                    "Task-force features were compared with the task force, not the case, as the unit: of "
                                            + "%s, %s.",
                                    Format.count(t.rowCount(), "feature", "features"),
                                    result),
                            TaskForceComparison.ID + "/" + TaskForceComparison.SITE_LEVEL.id());
                });
    }

    private static boolean below(Double p, double alpha) {
        return p != null && p < alpha;
    }

    private static Optional<ShareCells> stage(ResultLookup r, String stage) {
        return r.row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.CASE_BY_TYPE,
                        x -> x.group().equals(Findings.SEX) && x.stage().equals(stage))
                .map(OutcomeFunnel.StageRow::share);
    }

    private static Optional<ShareCells> charge(ResultLookup r, String denominator) {
        return r.row(
                        OutcomeFunnel.ID,
                        OutcomeFunnel.TRAFFICKING_CHARGE_TABLE,
                        x -> x.level().equals("Cases") && x.denominator().equals(denominator))
                .map(OutcomeFunnel.ChargeRow::share);
    }

    private static Optional<ShareCells> treatment(ResultLookup r, String measure) {
        return r.row(
                        Survivors.ID,
                        Survivors.TREATMENT_TABLE,
                        x -> x.group().equals("All") && x.measure().equals(measure))
                .map(Survivors.TreatmentRow::share);
    }
}

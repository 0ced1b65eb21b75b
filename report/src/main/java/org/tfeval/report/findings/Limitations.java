package org.tfeval.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tfeval.analysis.disposition.TimeToDisposition;
import org.tfeval.analysis.funnel.OutcomeFunnel;
import org.tfeval.analysis.sample.SampleDescription;
import org.tfeval.report.document.Format;

/**
 * Limitations read off the data: how many task forces, how few labor cases, who drew the samples,
 * how the files were coded, closed cases only, pending dispositions, and how the snapshot was
 * taken.
 */
public final class Limitations {
    /** Fewer labor-trafficking cases than this are called too few to describe. */
    public static final int FEW_LABOR_CASES = 30;
    /** A labor share below this is called an underrepresentation. */
    public static final double SMALL_LABOR_SHARE = 0.10;

    private Limitations() {}

    public static List<Statement> from(ResultLookup r) {
        List<Statement> out = new ArrayList<>();
        var snap = r.results().snapshot();
        if (snap.synthetic())
            out.add(Statement.of(
                    "The data are synthetic: they demonstrate the analyses and say nothing about real task forces."));
        r.table(SampleDescription.ID, SampleDescription.SITES).ifPresent(t -> {
            int total = t.rowCount() - 1;
            long withCases = t.rows().stream()
                    .filter(x -> !x.taskForce().equals(SampleDescription.ALL) && x.cases() > 0)
                    .count();
            out.add(Statement.of(
                    String.format(
                            Locale.ROOT,
                            "The case-file findings rest on %s%s. Task forces chosen for an evaluation "
                                    + "are not a random sample of all task forces, and %s too few to generalize from or to separate the effect of any "
                                    + "task-force feature from the others.",
                            Format.count(withCases, "task force", "task forces"),
                            withCases < total
                                    ? " (" + (total - withCases) + " of the " + total + " did not provide case files)"
                                    : "",
                            Format.count(withCases, "site is", "sites are")),
                    SampleDescription.ID + "/sites"));
        });
        r.table(SampleDescription.ID, SampleDescription.TRAFFICKING_TYPE).ifPresent(t -> {
            long labor = 0;
            long all = 0;
            for (SampleDescription.TypeRow x : t.rows()) {
                all = x.share().denominator();
                if (x.type().startsWith("Labor") || x.type().startsWith("Both"))
                    labor += x.share().n();
            }
            double share = all == 0 ? 0 : (double) labor / all;
            if (labor < FEW_LABOR_CASES || share < SMALL_LABOR_SHARE) {
                out.add(Statement.of(
                        String.format(
                                Locale.ROOT,
                                "Only %s (%s) %s labor trafficking: too few to describe labor trafficking "
                                        + "investigations, which the findings mostly do not cover.",
                                Format.count(labor, "case", "cases"),
                                Format.percent(share),
                                Format.noun(labor, "involves", "involve")),
                        SampleDescription.ID + "/trafficking_type"));
            }
        });
        r.table(SampleDescription.ID, SampleDescription.SAMPLING).ifPresent(t -> {
            for (SampleDescription.SamplingRow x : t.rows()) {
                String var = x.variable();
                String val = x.value();
                long tfs = x.taskForces();
                if (tfs == 0) continue;
                if (var.startsWith("Who drew") && val.startsWith("Task-force")) {
                    out.add(Statement.of(
                            String.format(
                                    Locale.ROOT,
                                    "At %s a task-force point person, not the research team, drew the "
                                            + "case sample (%s): the task force chose which files counted, and those samples may not be random.",
                                    Format.count(tfs, "task force", "task forces"),
                                    Format.count(x.cases(), "case", "cases")),
                            SampleDescription.ID + "/sampling"));
                }
                if (var.startsWith("Case-file mode") && val.startsWith("Paper")) {
                    out.add(Statement.of(
                            String.format(
                                    Locale.ROOT,
                                    "At %s coders read paper files on site; what a file did not record "
                                            + "is counted as not recorded, not as absent.",
                                    Format.count(tfs, "task force", "task forces")),
                            SampleDescription.ID + "/sampling"));
                }
            }
        });
        String closedCount = r.row(
                        SampleDescription.ID,
                        SampleDescription.CLOSURE,
                        x -> x.cases().equals("All cases"))
                .map(x -> " (" + Format.count(x.share().n()) + " of "
                        + Format.count(x.share().denominator() + x.share().excluded(), "file", "files") + " "
                        + Format.noun(x.share().n(), "records", "record") + " a close date)")
                .orElse("");
        out.add(Statement.of(
                "Only closed case files were sampled" + closedCount
                        + ": investigations still open, and what happened after a file "
                        + "was closed, are not represented.",
                SampleDescription.ID + "/closure"));
        r.table(TimeToDisposition.ID, TimeToDisposition.SUMMARY).ifPresent(t -> {
            long pending = t.rows().stream()
                    .mapToLong(TimeToDisposition.SummaryRow::pending)
                    .sum();
            if (pending > 0)
                out.add(Statement.of(
                        String.format(
                                Locale.ROOT,
                                "%s still pending in court when the files "
                                        + "were coded; %s time to disposition is censored.",
                                Format.count(
                                        pending, "prosecuted suspect's case was", "prosecuted suspects' cases were"),
                                Format.noun(pending, "its", "their")),
                        TimeToDisposition.ID + "/summary"));
        });
        r.table(OutcomeFunnel.ID, OutcomeFunnel.CASE_BY_TYPE).ifPresent(t -> {
            long excluded = t.rows().stream()
                    .filter(x -> x.group().equals(OutcomeFunnel.ALL))
                    .mapToLong(x -> x.share().excluded())
                    .max()
                    .orElse(0);
            if (excluded > 0)
                out.add(Statement.of(
                        String.format(
                                Locale.ROOT,
                                "Up to %s a recorded outcome at some stage and %s left "
                                        + "out of that stage's denominator.",
                                Format.count(excluded, "case lacks", "cases lack"),
                                Format.noun(excluded, "is", "are")),
                        OutcomeFunnel.ID + "/case_by_type"));
        });
        if (snap.allowErrors()) {
            out.add(Statement.of(String.format(
                    Locale.ROOT,
                    "The snapshot was taken with %s unresolved (--allow-errors): values "
                            + "that break the instrument's codes are left out as undocumented.",
                    Format.count(snap.validationErrors(), "validation error", "validation errors"))));
        }
        if (Boolean.parseBoolean(r.results().settings().getOrDefault("benchmark_illustrative", "false"))) {
            out.add(Statement.of(
                    "The population benchmark is an illustrative national table, not the task forces' jurisdictions: disproportionality "
                            + "ratios show the method, not a finding."));
        }
        out.add(
                Statement.of(
                        "The case files show what the task forces recorded; survivors were not interviewed, so their view of the process is missing."));
        return out;
    }
}

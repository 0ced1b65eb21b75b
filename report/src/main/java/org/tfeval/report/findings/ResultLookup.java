package org.tfeval.report.findings;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.ShareCells;
import org.tfeval.analysis.StudyResults;
import org.tfeval.analysis.TableKey;
import org.tfeval.report.document.Format;

/** Reads typed rows out of study results, for generated text. */
public final class ResultLookup {
    private final StudyResults results;

    public ResultLookup(StudyResults results) {
        this.results = Objects.requireNonNull(results, "results");
    }

    public StudyResults results() {
        return results;
    }

    /** A table, if its analysis ran and returned it. */
    public <R extends Record> Optional<ResultTable<R>> table(String analysis, TableKey<R> key) {
        if (!results.has(analysis) || !results.analysis(analysis).has(key)) return Optional.empty();
        return Optional.of(results.analysis(analysis).table(key));
    }

    /** The first row {@code test} accepts, if any. */
    public <R extends Record> Optional<R> row(String analysis, TableKey<R> key, Predicate<R> test) {
        return table(analysis, key).flatMap(t -> t.first(test));
    }

    /** The interval of a share, as {@code  (95% CI a–b%)}, or empty when not computed. */
    public static String ci(String confidenceLabel, ShareCells s) {
        return percentCi(confidenceLabel, s.ciLow(), s.ciHigh());
    }

    /** An interval of proportions, as {@code  (95% CI a–b%)}, or empty when not computed. */
    public static String percentCi(String confidenceLabel, Double low, Double high) {
        if (low == null || high == null) return "";
        return " (" + confidenceLabel + " CI " + Format.percentInterval(low, high) + "%)";
    }

    /** An interval of numbers, as {@code  (95% CI a–b)}, or empty when not computed. */
    public static String numberCi(String confidenceLabel, Double low, Double high) {
        if (low == null || high == null) return "";
        return " (" + confidenceLabel + " CI " + Format.numberInterval(low, high) + ")";
    }

    /** The confidence level label of the results, e.g. {@code 95%}. */
    public String confidence() {
        double c = Double.parseDouble(results.settings().getOrDefault("confidence", "0.95"));
        double pct = c * 100;
        return (pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct)) + "%";
    }
}

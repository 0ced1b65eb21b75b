package org.tfeval.report.findings;

import java.util.Objects;
import java.util.Optional;
import org.tfeval.analysis.ResultTable;
import org.tfeval.analysis.StudyResults;
import org.tfeval.report.document.Format;

/** Reads values out of study results by table and row keys, for generated text. */
public final class ResultLookup {
    private final StudyResults results;

    public ResultLookup(StudyResults results) {
        this.results = Objects.requireNonNull(results, "results");
    }

    public StudyResults results() {
        return results;
    }

    /** A table, if its analysis ran. */
    public Optional<ResultTable> table(String analysis, String table) {
        if (!results.has(analysis)) return Optional.empty();
        return results.analysis(analysis).tables().stream().filter(t -> t.id().equals(table)).findFirst();
    }

    /** The row matching column/value pairs, if any. */
    public Optional<Row> row(String analysis, String table, String... keys) {
        return table(analysis, table).flatMap(t -> {
            int r = t.find(keys);
            return r < 0 ? Optional.empty() : Optional.of(new Row(t, r));
        });
    }

    /** One row of a result table. */
    public record Row(ResultTable table, int index) {
        public Double number(String column) {
            return table.number(index, column);
        }

        public Long count(String column) {
            return table.count(index, column);
        }

        public String text(String column) {
            return table.text(index, column);
        }

        /** A proportion column as a percentage. */
        public String pct(String column) {
            return Format.percent(number(column));
        }

        /** The Wilson interval of a share row, as {@code 95% CI a–b}, or empty when not computed. */
        public String ci(String confidenceLabel) {
            return ci(confidenceLabel, "ci_low", "ci_high");
        }

        public String ci(String confidenceLabel, String low, String high) {
            Double lo = number(low);
            Double hi = number(high);
            if (lo == null || hi == null) return "";
            var kind = table.columns().get(table.columnIndex(low)).kind();
            return " (" + confidenceLabel + " CI " + Format.interval(kind, lo, hi) + (kind == org.tfeval.analysis.ColumnKind.PROPORTION ? "%" : "") + ")";
        }
    }

    /** The confidence level label of the results, e.g. {@code 95%}. */
    public String confidence() {
        double c = Double.parseDouble(results.settings().getOrDefault("confidence", "0.95"));
        double pct = c * 100;
        return (pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct)) + "%";
    }
}

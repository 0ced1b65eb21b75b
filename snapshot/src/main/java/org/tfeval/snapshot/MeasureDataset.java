package org.tfeval.snapshot;

import java.util.List;
import org.tfeval.snapshot.write.DatasetQuery;

/**
 * The performance-measure datasets a snapshot holds when its study has measures (issue 14): the values as
 * reported (each with the catalogue version it was reported under), the catalogue versions, the totals the
 * coded case files give with the records behind them, and the LE/VS reconciliation with the explanations
 * recorded. Each is one Parquet file, rows in key order; the columns are the format analyses and reports read.
 */
public enum MeasureDataset {
    /** Every catalogue version values were stored under. */
    CATALOGUES(
            "measure_catalogue",
            "Measure catalogue versions",
            List.of(col("version", "VARCHAR"), col("catalogue_id", "VARCHAR"), col("sha256", "VARCHAR"))),
    /** Every reported value. */
    REPORTED(
            "measure_value",
            "Reported performance measures",
            List.of(
                    col("tf_id", "VARCHAR"),
                    col("system", "VARCHAR"),
                    col("award", "VARCHAR"),
                    col("measure_id", "VARCHAR"),
                    col("disaggregation", "VARCHAR"),
                    col("period_start", "DATE"),
                    col("period_end", "DATE"),
                    col("value", "BIGINT"),
                    col("catalogue_version", "VARCHAR"))),
    /** Reported totals beside the counts of the coded case files, per computable measure, task force and quarter. */
    COMPUTED(
            "measure_computed",
            "Performance measures computed from the case files",
            List.of(
                    col("tf_id", "VARCHAR"),
                    col("measure_id", "VARCHAR"),
                    col("period_start", "DATE"),
                    col("reported", "BIGINT"),
                    col("computed", "BIGINT"),
                    col("difference", "VARCHAR"))),
    /** The coded records behind each computed count (the drill-down): record ID and the date counted, no value. */
    CASE_RECORDS(
            "measure_case_record",
            "Case-file records behind the computed measures",
            List.of(
                    col("measure_id", "VARCHAR"),
                    col("tf_id", "VARCHAR"),
                    col("record_id", "VARCHAR"),
                    col("event_date", "DATE"))),
    /** Law-enforcement vs victim-service counts per task force, pair and quarter, with the explanation recorded. */
    RECONCILIATION(
            "measure_reconciliation",
            "Reconciliation of law-enforcement and victim-service counts",
            List.of(
                    col("tf_id", "VARCHAR"),
                    col("pair_id", "VARCHAR"),
                    col("period_start", "DATE"),
                    col("law_enforcement", "BIGINT"),
                    col("victim_services", "BIGINT"),
                    col("tolerance", "DOUBLE"),
                    col("kind", "VARCHAR"),
                    col("explanation", "VARCHAR")));

    /** The catalogue in force when the snapshot was taken, as its YAML. */
    public static final String CATALOGUE_FILE = "measures.yaml";

    private final String dataset;
    private final String label;
    private final List<DatasetQuery.Column> columns;

    MeasureDataset(String dataset, String label, List<DatasetQuery.Column> columns) {
        this.dataset = dataset;
        this.label = label;
        this.columns = columns;
    }

    private static DatasetQuery.Column col(String name, String type) {
        return new DatasetQuery.Column(name, type);
    }

    /** The dataset's name in the manifest. */
    public String dataset() {
        return dataset;
    }

    public String label() {
        return label;
    }

    /** The Parquet file's name inside the snapshot. */
    public String file() {
        return dataset + ".parquet";
    }

    /** The columns in file order, with their DuckDB types. */
    public List<DatasetQuery.Column> columns() {
        return columns;
    }
}

package org.tfeval.stats.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model matrix in column-major order with its outcome, built by {@link DesignBuilder}. Rows are the
 * complete cases of the source frame; {@link #sourceRows()} maps them back. Polynomial columns carry a
 * low-order part ({@link #lowPart(int)}) so that {@code x^k} is held to about 32 significant digits;
 * ordinary columns have none. Arrays are shared, not copied: treat them as read-only.
 */
public final class Design {

    private final String response;
    private final double[] y;
    private final List<String> columnNames;
    private final double[][] columns;
    private final double[][] lowParts;
    private final int[] sourceRows;
    private final int droppedRows;
    private final boolean intercept;
    private final double[] offset;

    Design(
            String response,
            double[] y,
            List<String> columnNames,
            double[][] columns,
            double[][] lowParts,
            int[] sourceRows,
            int droppedRows,
            boolean intercept,
            double[] offset) {
        this.response = Objects.requireNonNull(response, "response");
        this.y = Objects.requireNonNull(y, "y");
        this.columnNames = List.copyOf(columnNames);
        this.columns = columns;
        this.lowParts = lowParts;
        this.sourceRows = sourceRows;
        this.droppedRows = droppedRows;
        this.intercept = intercept;
        this.offset = offset;
        if (offset != null && offset.length != y.length) {
            throw new IllegalArgumentException("the offset must have " + y.length + " rows");
        }
        if (columns.length != this.columnNames.size() || lowParts.length != columns.length) {
            throw new IllegalArgumentException("column names, columns and low parts differ in number");
        }
        for (double[] c : columns) {
            if (c.length != y.length) {
                throw new IllegalArgumentException("every design column must have " + y.length + " rows");
            }
        }
        if (sourceRows.length != y.length) {
            throw new IllegalArgumentException("source row map must have " + y.length + " entries");
        }
    }

    /**
     * A design from raw arrays (for callers that build their own matrices, e.g. benchmarks); columns are
     * used as given, without copying.
     */
    public static Design of(
            String response, double[] y, List<String> columnNames, double[][] columns, boolean intercept) {
        int[] rows = new int[y.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return new Design(response, y, columnNames, columns, new double[columns.length][], rows, 0, intercept, null);
    }

    public String response() {
        return response;
    }

    /** Number of rows (complete cases). */
    public int rows() {
        return y.length;
    }

    /** Number of columns (coefficients). */
    public int columnCount() {
        return columns.length;
    }

    /** Outcome values (shared array). */
    public double[] y() {
        return y;
    }

    /** Term names of the columns: {@code intercept}, {@code x}, {@code g=level}, {@code a:g=level}. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** Column {@code j} (shared array). */
    public double[] column(int j) {
        return columns[j];
    }

    /** All columns (shared arrays). */
    public double[][] columns() {
        return columns;
    }

    /** Low-order part of column {@code j}, or null when the column is exact in double. */
    public double[] lowPart(int j) {
        return lowParts[j];
    }

    /** Source-frame row index (0-based) of each design row. */
    public int[] sourceRows() {
        return sourceRows;
    }

    /** Rows of the source frame dropped for missing values. */
    public int droppedRows() {
        return droppedRows;
    }

    /** Whether the first column is the intercept. */
    public boolean hasIntercept() {
        return intercept;
    }

    /**
     * The offset added to the linear predictor ({@code offset(log(x))} in the formula), or null when the
     * model has none (shared array).
     */
    public double[] offset() {
        return offset;
    }

    /**
     * Refuses a design with an offset, for estimators that do not take one ({@code model} names the model
     * in the message).
     */
    public void requireNoOffset(String model) {
        if (offset != null) {
            throw new org.tfeval.stats.InvalidInputException(org.tfeval.stats.InputViolation.ofData(
                    org.tfeval.stats.InputViolation.BAD_FORMULA,
                    "offset() is supported for logistic and Poisson models, not for " + model));
        }
    }

    /** Whether the model has an offset. */
    public boolean hasOffset() {
        return offset != null;
    }

    /** Index of the named column, or -1. */
    public int indexOf(String term) {
        return columnNames.indexOf(term);
    }

    /** The design without column {@code j} (used to profile a coefficient). */
    public Design dropColumn(int j) {
        if (j < 0 || j >= columns.length) {
            throw new IndexOutOfBoundsException("column " + j + " of " + columns.length);
        }
        List<String> names = new ArrayList<>(columnNames);
        names.remove(j);
        double[][] cols = new double[columns.length - 1][];
        double[][] lows = new double[columns.length - 1][];
        for (int a = 0, b = 0; a < columns.length; a++) {
            if (a != j) {
                cols[b] = columns[a];
                lows[b] = lowParts[a];
                b++;
            }
        }
        return new Design(response, y, names, cols, lows, sourceRows, droppedRows, intercept && j != 0, offset);
    }

    /** The same design with outcome {@code newY} (same length). */
    public Design withResponse(double[] newY) {
        return new Design(response, newY, columnNames, columns, lowParts, sourceRows, droppedRows, intercept, offset);
    }

    @Override
    public String toString() {
        return "Design[" + response + " ~ " + columnNames + ", " + rows() + " rows]";
    }
}

package org.tfeval.stats.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.frame.Column;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.NumericColumn;
import org.tfeval.stats.frame.StringColumn;

/** An r x c table of counts with row and column labels. Immutable (arrays are copied). */
public record ContingencyTable(
        String rowVariable, String columnVariable, List<String> rowLabels, List<String> columnLabels, long[][] counts) {

    public ContingencyTable {
        Objects.requireNonNull(rowVariable, "rowVariable");
        Objects.requireNonNull(columnVariable, "columnVariable");
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (counts.length != rowLabels.size() || counts.length == 0) {
            throw new IllegalArgumentException("need one count row per row label (at least one)");
        }
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != columnLabels.size()) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + counts[i].length + " counts, expected " + columnLabels.size());
            }
            for (long v : counts[i]) {
                if (v < 0) {
                    throw new IllegalArgumentException("counts must be >= 0");
                }
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** A table from counts with labels 1..r and 1..c. */
    public static ContingencyTable of(long[][] counts) {
        List<String> rows = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add(Integer.toString(i + 1));
        }
        for (int j = 0; j < counts[0].length; j++) {
            cols.add(Integer.toString(j + 1));
        }
        return new ContingencyTable("rows", "columns", rows, cols, counts);
    }

    /** Cross-tabulates two columns (text or numeric), leaving out rows missing either; labels sorted. */
    public static ContingencyTable crossTabulate(DataFrame data, String rowColumn, String colColumn) {
        data.requireColumns(List.of(rowColumn, colColumn));
        Column rc = data.column(rowColumn);
        Column cc = data.column(colColumn);
        TreeMap<String, Integer> rows = labels(rc);
        TreeMap<String, Integer> cols = labels(cc);
        if (rows.isEmpty() || cols.isEmpty()) {
            throw new InvalidInputException(InputViolation.ofData(
                    InputViolation.TOO_FEW_ROWS, "no row has values for both " + rowColumn + " and " + colColumn));
        }
        long[][] counts = new long[rows.size()][cols.size()];
        for (int i = 0; i < data.rowCount(); i++) {
            if (rc.isMissing(i) || cc.isMissing(i)) {
                continue;
            }
            counts[rows.get(text(rc, i))][cols.get(text(cc, i))]++;
        }
        return new ContingencyTable(
                rowColumn, colColumn, new ArrayList<>(rows.keySet()), new ArrayList<>(cols.keySet()), counts);
    }

    private static TreeMap<String, Integer> labels(Column c) {
        TreeMap<String, Integer> m = c instanceof NumericColumn
                ? new TreeMap<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
                : new TreeMap<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                m.put(text(c, i), 0);
            }
        }
        int k = 0;
        for (var e : m.entrySet()) {
            e.setValue(k++);
        }
        return m;
    }

    private static String text(Column c, int i) {
        if (c instanceof StringColumn s) {
            return s.get(i);
        }
        double v = ((NumericColumn) c).get(i);
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public int rows() {
        return counts.length;
    }

    public int columns() {
        return counts[0].length;
    }

    /** Count in row i, column j. */
    public long count(int i, int j) {
        return counts[i][j];
    }

    /** Row totals. */
    public long[] rowTotals() {
        long[] t = new long[rows()];
        for (int i = 0; i < rows(); i++) {
            for (long v : counts[i]) {
                t[i] += v;
            }
        }
        return t;
    }

    /** Column totals. */
    public long[] columnTotals() {
        long[] t = new long[columns()];
        for (long[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                t[j] += row[j];
            }
        }
        return t;
    }

    /** Grand total. */
    public long total() {
        long s = 0;
        for (long v : rowTotals()) {
            s += v;
        }
        return s;
    }

    /** A copy of the counts. */
    @Override
    public long[][] counts() {
        long[][] c = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }
}

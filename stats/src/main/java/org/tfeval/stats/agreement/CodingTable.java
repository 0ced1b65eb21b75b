package org.tfeval.stats.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.frame.Column;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.NumericColumn;
import org.tfeval.stats.frame.StringColumn;

/**
 * Codes given by several coders to the same units: {@code codes[coder][unit]} is an index into
 * {@code categories} or -1 when the coder did not code the unit. Categories are ordered numerically when
 * every code is a number or text that reads as one (then {@code numericValues} holds them), otherwise
 * alphabetically.
 */
public record CodingTable(List<String> coders, List<String> categories, double[] numericValues, int[][] codes) {

    public CodingTable {
        coders = List.copyOf(coders);
        categories = List.copyOf(categories);
        Objects.requireNonNull(codes, "codes");
        if (codes.length != coders.size()) {
            throw new IllegalArgumentException("one row of codes per coder is required");
        }
        int units = codes.length == 0 ? 0 : codes[0].length;
        for (int[] row : codes) {
            if (row.length != units) {
                throw new IllegalArgumentException("every coder needs a code slot for each of " + units + " units");
            }
            for (int v : row) {
                if (v < -1 || v >= categories.size()) {
                    throw new IllegalArgumentException(
                            "code index " + v + " outside the " + categories.size() + " categories");
                }
            }
        }
        if (numericValues != null && numericValues.length != categories.size()) {
            throw new IllegalArgumentException("one numeric value per category is required");
        }
    }

    /** Number of units. */
    public int units() {
        return codes.length == 0 ? 0 : codes[0].length;
    }

    /** From {@code data[coder][unit]} objects (Number, String or null = missing). */
    public static CodingTable of(List<String> coders, Object[][] data) {
        boolean numeric = true;
        for (Object[] row : data) {
            for (Object v : row) {
                if (v != null) {
                    numeric &= v instanceof Number || asNumber(v.toString()) != null;
                }
            }
        }
        Object[][] values = data;
        if (numeric) {
            // codes written as text ("10", " 2") still order as numbers: 2 before 10
            values = new Object[data.length][];
            for (int c = 0; c < data.length; c++) {
                values[c] = new Object[data[c].length];
                for (int u = 0; u < data[c].length; u++) {
                    Object v = data[c][u];
                    values[c][u] = v == null || v instanceof Number ? v : asNumber(v.toString());
                }
            }
        }
        TreeSet<String> labels = new TreeSet<>();
        for (Object[] row : values) {
            for (Object v : row) {
                if (v != null) {
                    labels.add(label(v));
                }
            }
        }
        return build(coders, values, numeric, labels);
    }

    private static Double asNumber(String text) {
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * From a frame laid out one row per unit and one column per coder (blank = not coded); {@code
     * coderColumns} selects the coder columns (all columns when empty). Text columns are categorical; if
     * every coder column is numeric the categories are numbers.
     */
    public static CodingTable of(DataFrame frame, Collection<String> coderColumns) {
        List<String> cols = coderColumns.isEmpty() ? frame.columnNames() : List.copyOf(coderColumns);
        frame.requireColumns(cols);
        if (cols.size() < 2) {
            throw new InvalidInputException(
                    InputViolation.ofData(InputViolation.TOO_FEW_ROWS, "agreement needs at least two coder columns"));
        }
        int n = frame.rowCount();
        Object[][] data = new Object[cols.size()][n];
        for (int c = 0; c < cols.size(); c++) {
            Column col = frame.column(cols.get(c));
            for (int i = 0; i < n; i++) {
                if (col.isMissing(i)) {
                    continue;
                }
                data[c][i] = col instanceof NumericColumn nc ? (Object) nc.get(i) : ((StringColumn) col).get(i);
            }
        }
        return of(cols, data);
    }

    private static CodingTable build(List<String> coders, Object[][] data, boolean numeric, TreeSet<String> labels) {
        List<String> cats = new ArrayList<>(labels);
        double[] values = null;
        if (numeric) {
            cats.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
            values = cats.stream().mapToDouble(Double::parseDouble).toArray();
        }
        int[][] codes = new int[data.length][];
        for (int c = 0; c < data.length; c++) {
            codes[c] = new int[data[c].length];
            Arrays.fill(codes[c], -1);
            for (int u = 0; u < data[c].length; u++) {
                if (data[c][u] != null) {
                    codes[c][u] = cats.indexOf(label(data[c][u]));
                }
            }
        }
        return new CodingTable(coders, cats, values, codes);
    }

    private static String label(Object v) {
        if (v instanceof Number num) {
            double d = num.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        return v.toString();
    }

    /** The k x k table of two coders' joint codes over units both coded (for kappa and pi). */
    public long[][] crossTable(int coderA, int coderB) {
        int k = categories.size();
        long[][] t = new long[k][k];
        for (int u = 0; u < units(); u++) {
            int a = codes[coderA][u];
            int b = codes[coderB][u];
            if (a >= 0 && b >= 0) {
                t[a][b]++;
            }
        }
        return t;
    }

    /** Counts per unit and category, over units coded by every coder (for Fleiss' kappa). */
    public long[][] completeUnitCounts() {
        List<long[]> rows = new ArrayList<>();
        for (int u = 0; u < units(); u++) {
            long[] row = new long[categories.size()];
            boolean complete = true;
            for (int[] coder : codes) {
                if (coder[u] < 0) {
                    complete = false;
                    break;
                }
                row[coder[u]]++;
            }
            if (complete) {
                rows.add(row);
            }
        }
        return rows.toArray(long[][]::new);
    }
}

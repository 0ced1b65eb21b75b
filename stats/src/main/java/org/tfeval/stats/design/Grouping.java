package org.tfeval.stats.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.frame.Column;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.NumericColumn;
import org.tfeval.stats.frame.StringColumn;

/**
 * A partition of design rows into groups (clusters, random-effect groups) by the values of one column.
 * Groups are numbered 0..count-1 in sorted order of their labels (numeric order for numeric columns).
 */
public record Grouping(String column, int[] groupOfRow, List<String> labels) {

    public Grouping {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(groupOfRow, "groupOfRow");
        labels = List.copyOf(labels);
        for (int g : groupOfRow) {
            if (g < 0 || g >= labels.size()) {
                throw new IllegalArgumentException("group index " + g + " outside 0.." + (labels.size() - 1));
            }
        }
    }

    /** Groups of the design's rows by {@code column} of {@code data} (the frame the design was built from). */
    public static Grouping of(DataFrame data, String column, Design design) {
        Column col = data.column(column);
        int[] rows = design.sourceRows();
        String[] keys = new String[rows.length];
        boolean numeric = col instanceof NumericColumn;
        for (int i = 0; i < rows.length; i++) {
            if (col.isMissing(rows[i])) {
                throw new InvalidInputException(new InputViolation(
                        InputViolation.OUT_OF_RANGE,
                        column,
                        rows[i] + 2L,
                        "the grouping column has a missing value in a row used by the model"));
            }
            keys[i] = numeric ? numberText(((NumericColumn) col).get(rows[i])) : ((StringColumn) col).get(rows[i]);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> sorted;
        if (numeric) {
            TreeMap<Double, String> m = new TreeMap<>();
            for (String k : keys) {
                m.put(Double.parseDouble(k), k);
            }
            sorted = new ArrayList<>(m.values());
        } else {
            sorted = Arrays.stream(keys).distinct().sorted().toList();
        }
        for (String s : sorted) {
            index.put(s, index.size());
        }
        int[] g = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            g[i] = index.get(keys[i]);
        }
        return new Grouping(column, g, sorted);
    }

    /** Groups from integer labels already in 0..count-1 (benchmarks, synthetic data). */
    public static Grouping ofIndices(String column, int[] groupOfRow, int count) {
        List<String> labels = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            labels.add(Integer.toString(k));
        }
        return new Grouping(column, groupOfRow.clone(), labels);
    }

    /** Number of groups. */
    public int count() {
        return labels.size();
    }

    /** Rows of each group, in row order. */
    public int[][] members() {
        int[] sizes = sizes();
        int[][] out = new int[sizes.length][];
        for (int k = 0; k < sizes.length; k++) {
            out[k] = new int[sizes[k]];
        }
        int[] fill = new int[sizes.length];
        for (int i = 0; i < groupOfRow.length; i++) {
            int k = groupOfRow[i];
            out[k][fill[k]++] = i;
        }
        return out;
    }

    /** Rows per group. */
    public int[] sizes() {
        int[] sizes = new int[labels.size()];
        for (int g : groupOfRow) {
            sizes[g]++;
        }
        return sizes;
    }

    private static String numberText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

package org.tfeval.stats.frame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Numeric codes that stand for a missing value in a data file (tfeval's reserved codes -9, -8, -7, -6,
 * passed in by the caller: this module knows no instrument). {@link #applyTo} turns every cell holding one
 * of them (a number, or text that reads as that number) into a missing value and counts them per column.
 */
public record MissingCodes(List<Long> codes) {

    public MissingCodes {
        codes = List.copyOf(new TreeSet<>(Objects.requireNonNull(codes, "codes")));
    }

    /** No codes: every value is taken as it stands. */
    public static MissingCodes none() {
        return new MissingCodes(List.of());
    }

    /** The given codes. */
    public static MissingCodes of(List<Long> codes) {
        return new MissingCodes(codes);
    }

    /** Whether there are no codes. */
    public boolean isEmpty() {
        return codes.isEmpty();
    }

    /**
     * The frame with the coded cells missing, and per column the number of cells that held a code
     * (columns without any are left out).
     */
    public Recoded applyTo(DataFrame frame) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Column> out = new ArrayList<>();
        for (String name : frame.columnNames()) {
            Column c = frame.column(name);
            int hits = 0;
            if (c instanceof NumericColumn nc) {
                double[] v = nc.values().clone();
                for (int i = 0; i < v.length; i++) {
                    if (!Double.isNaN(v[i]) && isCode(v[i])) {
                        v[i] = Double.NaN;
                        hits++;
                    }
                }
                out.add(hits == 0 ? c : new NumericColumn(name, v));
            } else {
                StringColumn sc = (StringColumn) c;
                String[] v = sc.values().clone();
                for (int i = 0; i < v.length; i++) {
                    if (v[i] != null && isCode(v[i])) {
                        v[i] = null;
                        hits++;
                    }
                }
                out.add(hits == 0 ? c : new StringColumn(name, v));
            }
            if (hits > 0) {
                counts.put(name, hits);
            }
        }
        return new Recoded(DataFrame.of(out), counts);
    }

    private boolean isCode(double v) {
        return v == Math.rint(v) && codes.contains((long) v);
    }

    private boolean isCode(String text) {
        try {
            return isCode(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A frame after recoding and the number of coded cells per column. */
    public record Recoded(DataFrame frame, Map<String, Integer> codedCells) {

        public Recoded {
            Objects.requireNonNull(frame, "frame");
            codedCells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codedCells));
        }

        /** Coded cells in {@code column} (0 when none). */
        public int codedIn(String column) {
            return codedCells.getOrDefault(column, 0);
        }
    }
}

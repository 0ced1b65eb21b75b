package org.tfeval.analysis.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;

/**
 * Rows left out of a denominator, counted by why: a reserved missing code ({@code -9}, {@code -8},
 * {@code -7}, {@code -6}) or {@link #UNDOCUMENTED} for a value that is neither a documented code
 * nor a missing code (possible only in snapshots taken with validation errors).
 *
 * @param byCode rows excluded per code; every count positive
 */
public record Exclusions(Map<Integer, Long> byCode) {
    /** Key for values that are not documented codes. */
    public static final int UNDOCUMENTED = -1;
    /** No exclusions. */
    public static final Exclusions NONE = new Exclusions(Map.of());
    /** Length of a count array indexed by {@link #slot}. */
    static final int SLOTS = 1 - MissingCode.lowest();

    /** Index of a code in a count array: {@code -code} for a reserved code, that of {@link #UNDOCUMENTED} otherwise. */
    static int slot(int code) {
        return code < 0 && code >= MissingCode.lowest() ? -code : -UNDOCUMENTED;
    }

    public Exclusions {
        Objects.requireNonNull(byCode, "byCode");
        for (var e : byCode.entrySet()) {
            if (e.getKey() >= 0)
                throw new IllegalArgumentException("exclusion code must be negative, got " + e.getKey());
            if (e.getValue() <= 0)
                throw new IllegalArgumentException(
                        "exclusion count for code " + e.getKey() + " must be positive, got " + e.getValue());
        }
        byCode = Collections.unmodifiableMap(new TreeMap<>(byCode));
    }

    /** Rows excluded in all. */
    public long total() {
        return byCode.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Sum of two exclusion counts. */
    public Exclusions plus(Exclusions other) {
        Map<Integer, Long> m = new TreeMap<>(byCode);
        other.byCode.forEach((k, v) -> m.merge(k, v, Long::sum));
        return new Exclusions(m);
    }

    /** Words, e.g. {@code "3 not recorded in the file, 1 unknown"}; empty when nothing was excluded. */
    public String describe(Instrument instrument) {
        List<String> parts = new ArrayList<>();
        for (var e : byCode.entrySet()) {
            String what = e.getKey() == UNDOCUMENTED
                    ? "undocumented code"
                    : instrument
                            .missingCode(e.getKey())
                            .map(m -> instrument.missingLabel(m).toLowerCase(java.util.Locale.ROOT))
                            .orElse("code " + e.getKey());
            parts.add(e.getValue() + " " + what);
        }
        return String.join(", ", parts);
    }

    /** Counts exclusions as they are found. */
    public static final class Counter {
        private final long[] counts = new long[SLOTS];

        /** Counts one row with {@code code} (negative missing code, or any other value as undocumented). */
        public void add(int code) {
            counts[slot(code)]++;
        }

        public Exclusions build() {
            Map<Integer, Long> m = new TreeMap<>();
            for (int k = 1; k < counts.length; k++) {
                if (counts[k] > 0) m.put(-k, counts[k]);
            }
            return m.isEmpty() ? NONE : new Exclusions(m);
        }
    }
}

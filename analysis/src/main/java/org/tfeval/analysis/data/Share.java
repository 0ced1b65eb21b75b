package org.tfeval.analysis.data;

import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * A count of events among trials, with the rows left out of the denominator.
 *
 * @param events     rows with the event
 * @param trials     rows with a known status (the denominator)
 * @param excluded   rows whose status is missing or undocumented
 */
public record Share(long events, long trials, Exclusions excluded) {
    /** Status of a row with the event. */
    public static final int EVENT = 1;
    /** Status of a row without the event. */
    public static final int NO_EVENT = 0;

    public Share {
        Objects.requireNonNull(excluded, "excluded");
        if (events < 0 || trials < events) {
            throw new IllegalArgumentException("a share needs 0 <= events <= trials, got " + events + " of " + trials);
        }
    }

    /** The proportion, or NaN when there are no trials. */
    public double proportion() {
        return trials == 0 ? Double.NaN : (double) events / trials;
    }

    /**
     * Counts the rows {@code 0..n-1} that {@code rows} accepts by their {@code status}: {@link #EVENT},
     * {@link #NO_EVENT}, or a negative missing code (excluded, counted by code); any other value is
     * excluded as undocumented.
     */
    public static Share count(int n, IntPredicate rows, IntUnaryOperator status) {
        long events = 0;
        long trials = 0;
        Exclusions.Counter ex = new Exclusions.Counter();
        for (int i = 0; i < n; i++) {
            if (!rows.test(i)) continue;
            int s = status.applyAsInt(i);
            if (s == EVENT) {
                events++;
                trials++;
            } else if (s == NO_EVENT) {
                trials++;
            } else {
                ex.add(s);
            }
        }
        return new Share(events, trials, ex.build());
    }

    /** Share of the rows {@code rows} accepts where the yes/no {@code column} is 1. */
    public static Share of(IntColumn column, IntPredicate rows) {
        return count(column.size(), rows, column::get);
    }

    /** Share of all rows where the yes/no {@code column} is 1. */
    public static Share of(IntColumn column) {
        return of(column, i -> true);
    }
}

package org.tfeval.instrument.measures;

import java.util.Objects;

/**
 * A law-enforcement measure and a victim-service measure that must agree each quarter, within a tolerance:
 * a quarter is a gap when one side is missing or {@code |LE - VS| > max(absolute, relative * max(LE, VS))}.
 *
 * @param id             the pair's ID (used when recording an explanation)
 * @param label          words for tables
 * @param lawEnforcement the law-enforcement measure ID
 * @param victimServices the victim-service measure ID
 * @param absolute       difference always tolerated (small counts differ by timing alone)
 * @param relative       share of the larger count tolerated
 */
public record ReconciliationPair(
        String id, String label, String lawEnforcement, String victimServices, long absolute, double relative) {
    public ReconciliationPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(lawEnforcement, "law_enforcement of pair " + id);
        Objects.requireNonNull(victimServices, "victim_services of pair " + id);
        if (absolute < 0) throw new IllegalArgumentException("pair " + id + ": absolute tolerance must be >= 0");
        if (!(relative >= 0 && relative < 1))
            throw new IllegalArgumentException("pair " + id + ": relative tolerance must be in [0, 1)");
    }

    /** The largest difference tolerated between these two counts. */
    public double tolerance(long le, long vs) {
        return Math.max(absolute, relative * Math.max(le, vs));
    }

    /** Whether two reported counts differ by more than the tolerance. */
    public boolean differs(long le, long vs) {
        return Math.abs(le - vs) > tolerance(le, vs);
    }
}

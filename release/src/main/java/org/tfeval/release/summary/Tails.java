package org.tfeval.release.summary;

import java.util.Arrays;

/**
 * The lowest and highest valid values of a numeric or date variable (dates as epoch days), up to
 * {@link DatasetSummary#TRACKED_TAIL} from each end, so that a codebook can print a range that
 * singles no one out: the g-th lowest and g-th highest value, which at least g values reach.
 *
 * @param lowest the lowest values, ascending ({@code lowest[0]} is the minimum)
 * @param highest the highest values, descending ({@code highest[0]} is the maximum)
 */
public record Tails(double[] lowest, double[] highest) {

    public Tails {
        lowest = lowest.clone();
        highest = highest.clone();
        if (lowest.length != highest.length || lowest.length == 0) {
            throw new IllegalArgumentException("tails need the same number of values at each end, at least one");
        }
        for (int i = 1; i < lowest.length; i++) {
            if (lowest[i] < lowest[i - 1] || highest[i] > highest[i - 1]) {
                throw new IllegalArgumentException("tail values out of order at position " + i);
            }
        }
    }

    /** How many values each end holds (the number of valid values, or the tracked tail if fewer). */
    public int size() {
        return lowest.length;
    }

    /** The g-th lowest value (g from 1): at least g values are at or below it. */
    public double lowest(int g) {
        return lowest[check(g) - 1];
    }

    /** The g-th highest value (g from 1): at least g values are at or above it. */
    public double highest(int g) {
        return highest[check(g) - 1];
    }

    private int check(int g) {
        if (g < 1 || g > lowest.length) {
            throw new IllegalArgumentException("position " + g + " outside 1.." + lowest.length);
        }
        return g;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tails t && Arrays.equals(lowest, t.lowest) && Arrays.equals(highest, t.highest);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lowest) + Arrays.hashCode(highest);
    }

    @Override
    public String toString() {
        return "Tails[" + lowest.length + " from each end]";
    }
}

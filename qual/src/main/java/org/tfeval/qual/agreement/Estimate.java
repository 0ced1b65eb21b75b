package org.tfeval.qual.agreement;

/**
 * A reliability coefficient with its bootstrap interval.
 *
 * @param value          the point estimate on all the data
 * @param lower          lower end of the percentile interval
 * @param upper          upper end
 * @param belowThreshold share of bootstrap replicates below the threshold (the probability that the
 *                       coefficient is below it, as Hayes and Krippendorff's KALPHA reports q)
 * @param replicates     bootstrap replicates with a defined value
 */
public record Estimate(double value, double lower, double upper, double belowThreshold, int replicates) {
    public Estimate {
        if (replicates < 0) throw new IllegalArgumentException("replicates must be >= 0");
    }
}

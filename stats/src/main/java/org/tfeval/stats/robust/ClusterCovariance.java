package org.tfeval.stats.robust;

/** Cluster-robust covariance estimators. */
public enum ClusterCovariance {

    /** Plain sandwich {@code M (sum_g s_g s_g') M}, no small-sample correction (Liang and Zeger 1986). */
    CR0 {
        @Override
        public double smallSampleFactor(int n, int k, int clusters) {
            return 1.0;
        }
    },

    /**
     * CR0 times Stata's factor {@code G/(G-1) * (n-1)/(n-k)}; R's {@code sandwich::vcovCL(type =
     * "HC1")}.
     */
    CR1 {
        @Override
        public double smallSampleFactor(int n, int k, int clusters) {
            return (double) clusters / (clusters - 1) * (n - 1.0) / (n - k);
        }
    },

    /**
     * Bell and McCaffrey (2002) bias-reduced linearization: cluster residuals pre-multiplied by
     * {@code (I - H_gg)^-1/2} (in the working-weight metric for GLMs), with Satterthwaite degrees of
     * freedom per coefficient (Pustejovsky and Tipton 2018; R's {@code clubSandwich::vcovCR(type =
     * "CR2")}).
     */
    CR2 {
        @Override
        public double smallSampleFactor(int n, int k, int clusters) {
            return 1.0;
        }
    };

    /** Scalar multiplier applied to the sandwich. */
    public abstract double smallSampleFactor(int n, int k, int clusters);

    /** Whether residuals are adjusted cluster by cluster (and df come from Satterthwaite). */
    public boolean adjustsResiduals() {
        return this == CR2;
    }
}

package org.tfeval.stats.survival;

/**
 * Pointwise confidence intervals for a survival probability {@code S} with standard error {@code se} of
 * the cumulative hazard (= of {@code log S}), as {@code survfit(conf.type = ...)}.
 */
public enum SurvivalInterval {

    /** {@code exp(log S -/+ z se)}, upper limit capped at 1; undefined when S = 0 (R's default). */
    LOG("log") {
        @Override
        public double[] limits(double s, double se, double z) {
            if (s == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            return new double[] {Math.exp(Math.log(s) - z * se), Math.min(Math.exp(Math.log(s) + z * se), 1.0)};
        }
    },

    /** {@code exp(-exp(log(-log S) -/+ z se / log S))}; undefined when S is 0 or 1. */
    LOG_LOG("log-log") {
        @Override
        public double[] limits(double s, double se, double z) {
            if (s == 0 || s == 1) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double ll = Math.log(-Math.log(s));
            double shift = z * se / Math.log(s);
            return new double[] {Math.exp(-Math.exp(ll - shift)), Math.exp(-Math.exp(ll + shift))};
        }
    };

    private final String rName;

    SurvivalInterval(String rName) {
        this.rName = rName;
    }

    /** R's {@code conf.type} name. */
    public String rName() {
        return rName;
    }

    /** Lower and upper limits for survival {@code s}, cumulative-hazard SE {@code se}, quantile {@code z}. */
    public abstract double[] limits(double s, double se, double z);

    /** Parses {@code log} or {@code log-log} (also {@code LOG_LOG}). */
    public static SurvivalInterval parse(String text) {
        for (SurvivalInterval v : values()) {
            if (v.rName.equalsIgnoreCase(text) || v.name().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown survival interval '" + text + "'; use log or log-log");
    }
}

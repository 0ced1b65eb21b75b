package org.tfeval.stats.regression;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.tfeval.stats.InputViolation;

/**
 * GLM families with their canonical links. For a canonical link the IRLS working weight equals the
 * variance function and the score is {@code X'(y - mu)}, which is what the fitting code relies on.
 */
public enum Family {

    /** Bernoulli outcome (0/1) with the logit link. */
    BINOMIAL_LOGIT("logit") {
        @Override
        public double mean(double eta) {
            return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
        }

        @Override
        public double link(double mu) {
            return Math.log(mu / (1 - mu));
        }

        @Override
        public double variance(double mu) {
            return mu * (1 - mu);
        }

        @Override
        public double startingMean(double y) {
            return (y + 0.5) / 2;
        }

        @Override
        public double logLikelihood(double y, double eta) {
            double softplus = Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta)));
            return y * eta - softplus;
        }

        @Override
        public double deviance(double y, double eta) {
            return -2 * logLikelihood(y, eta);
        }

        @Override
        void validate(String column, double[] y, List<InputViolation> problems) {
            for (double v : y) {
                if (v != 0 && v != 1) {
                    problems.add(InputViolation.ofColumn(
                            InputViolation.NOT_BINARY,
                            column,
                            "a logistic model needs a 0/1 outcome, but the column holds other values"));
                    return;
                }
            }
        }
    },

    /** Counts with the log link. */
    POISSON_LOG("poisson") {
        @Override
        public double mean(double eta) {
            return Math.exp(eta);
        }

        @Override
        public double link(double mu) {
            return Math.log(mu);
        }

        @Override
        public double variance(double mu) {
            return mu;
        }

        @Override
        public double startingMean(double y) {
            return y + 0.1;
        }

        @Override
        public double logLikelihood(double y, double eta) {
            return (y > 0 ? y * eta : 0) - Math.exp(eta) - LogGamma.value(y + 1);
        }

        @Override
        public double deviance(double y, double eta) {
            double mu = Math.exp(eta);
            return 2 * ((y > 0 ? y * (Math.log(y) - eta) : 0) - (y - mu));
        }

        @Override
        void validate(String column, double[] y, List<InputViolation> problems) {
            for (double v : y) {
                if (v < 0 || v != Math.rint(v)) {
                    problems.add(InputViolation.ofColumn(
                            InputViolation.NOT_COUNT,
                            column,
                            "a Poisson model needs non-negative whole-number counts as the outcome"));
                    return;
                }
            }
        }
    };

    private final String modelName;

    Family(String modelName) {
        this.modelName = modelName;
    }

    /** Short model name used in reports: {@code logit}, {@code poisson}. */
    public String modelName() {
        return modelName;
    }

    /** Inverse link {@code mu = g^-1(eta)}. */
    public abstract double mean(double eta);

    /** Link {@code eta = g(mu)}. */
    public abstract double link(double mu);

    /** Variance function; for canonical links also the IRLS weight {@code d mu / d eta}. */
    public abstract double variance(double mu);

    /** R's starting value of the mean for an outcome {@code y}. */
    public abstract double startingMean(double y);

    /** Log-likelihood contribution of one observation with linear predictor {@code eta}. */
    public abstract double logLikelihood(double y, double eta);

    /** Unit deviance of one observation with linear predictor {@code eta}. */
    public abstract double deviance(double y, double eta);

    abstract void validate(String column, double[] y, List<InputViolation> problems);

    /** Problems with outcome values for this family (empty when fine). */
    public List<InputViolation> check(String column, double[] y) {
        List<InputViolation> problems = new ArrayList<>();
        validate(column, y, problems);
        return problems;
    }
}

package org.tfeval.synth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Whether a case led to an arrest, a prosecution and a trafficking charge. Each is a logistic
 * model of site effects (specialized prosecutor, statewide scope, co-location, an unobserved site
 * effect) and case facts (sting, actual victim, minor involved, evidence). The three are nested
 * (a trafficking charge implies a prosecution implies an arrest) by drawing them from one
 * uniform number, which runs through a low-discrepancy sequence over a site's cases so that the
 * realized shares stay close to the expected ones even in small samples. The intercepts are calibrated, by bisection over a sample of case facts drawn
 * from the study's own sites, so that the expected shares among sex-trafficking cases equal the
 * published 95% / 77% / 33%.
 */
final class OutcomeModel {
    /** Standard deviation of a site's unobserved effect on the log-odds of an arrest. */
    static final double SITE_ARREST_SD = 0.35;
    /** Standard deviation of a site's unobserved effect on the log-odds of a prosecution. */
    static final double SITE_PROSECUTION_SD = 0.35;
    /** Standard deviation of a site's unobserved effect on the log-odds of a trafficking charge. */
    static final double SITE_HT_CHARGE_SD = 0.30;

    static final double ARREST_SPEC_UNIT = 0.30;
    static final double ARREST_STING = 1.20;
    static final double PROSECUTION_SPEC_PROSECUTOR = 0.55;
    static final double PROSECUTION_STATEWIDE = -0.50;
    static final double PROSECUTION_COLOCATED = 0.30;
    static final double PROSECUTION_PER_EVIDENCE_TYPE = 0.22;
    /** Evidence types a typical file holds; the evidence term is centred on it. */
    static final double TYPICAL_EVIDENCE_TYPES = 3.0;

    static final double PROSECUTION_ACTUAL_VICTIM = 0.35;
    static final double PROSECUTION_MINOR = 0.25;
    static final double HT_SPEC_PROSECUTOR = 0.90;
    static final double HT_SPEC_UNIT = 0.30;
    static final double HT_STATEWIDE = -0.35;
    static final double HT_MINOR = 0.90;
    static final double HT_ACTUAL_VICTIM = 0.70;
    static final double HT_FINANCIAL_EVIDENCE = 0.40;
    static final double HT_STING_WITHOUT_VICTIM = -0.60;
    /** Shifts of the log-odds for labor (arrests and prosecutions are rarer), both, and undetermined cases. */
    static final double[] ARREST_BY_TYPE = {0.0, -2.6, 0.0, -2.0};

    static final double[] PROSECUTION_BY_TYPE = {0.0, -1.6, 0.0, -1.5};
    static final double[] HT_CHARGE_BY_TYPE = {0.0, -0.6, 0.3, -2.5};

    /** Case-fact skeletons drawn to calibrate the intercepts. */
    static final int CALIBRATION_SAMPLE = 40_000;

    private static final int BISECTION_STEPS = 60;
    private static final double INTERCEPT_BOUND = 15.0;

    private final double arrestIntercept;
    private final double prosecutionIntercept;
    private final double htChargeIntercept;

    OutcomeModel(double arrestIntercept, double prosecutionIntercept, double htChargeIntercept) {
        this.arrestIntercept = arrestIntercept;
        this.prosecutionIntercept = prosecutionIntercept;
        this.htChargeIntercept = htChargeIntercept;
    }

    /** The linear predictors of a case, without intercepts. */
    record Predictors(double arrest, double prosecution, double htCharge) {}

    /** The outcomes of a case; nested. */
    record Outcome(boolean arrest, boolean prosecution, boolean htCharge) {
        Outcome {
            if ((prosecution && !arrest) || (htCharge && !prosecution)) {
                throw new IllegalArgumentException(
                        "outcomes must be nested: trafficking charge => prosecution => arrest");
            }
        }
    }

    static double siteArrestEffect(boolean specUnit, double random) {
        return (specUnit ? ARREST_SPEC_UNIT : 0) + random;
    }

    static double siteProsecutionEffect(boolean specProsecutor, boolean statewide, boolean colocated, double random) {
        return (specProsecutor ? PROSECUTION_SPEC_PROSECUTOR : 0)
                + (statewide ? PROSECUTION_STATEWIDE : 0)
                + (colocated ? PROSECUTION_COLOCATED : 0)
                + random;
    }

    static double siteHtChargeEffect(boolean specProsecutor, boolean specUnit, boolean statewide, double random) {
        return (specProsecutor ? HT_SPEC_PROSECUTOR : 0)
                + (specUnit ? HT_SPEC_UNIT : 0)
                + (statewide ? HT_STATEWIDE : 0)
                + random;
    }

    /** The linear predictors of a case at a site. */
    static Predictors predictors(Site site, CaseFacts f, CaseModel model) {
        int t = f.htType() - 1;
        double minor = f.minorInvolved() ? 1 : 0;
        double victim = f.actualVictim() ? 1 : 0;
        double arrest = site.arrestEffect() + (f.sting() ? ARREST_STING : 0) + ARREST_BY_TYPE[t];
        double prosecution = site.prosecutionEffect()
                + PROSECUTION_PER_EVIDENCE_TYPE * (f.evidenceCount() - TYPICAL_EVIDENCE_TYPES)
                + PROSECUTION_ACTUAL_VICTIM * victim
                + PROSECUTION_MINOR * minor
                + PROSECUTION_BY_TYPE[t];
        double ht = site.htChargeEffect()
                + HT_MINOR * minor
                + HT_ACTUAL_VICTIM * victim
                + (f.has(model.financialEvidence()) ? HT_FINANCIAL_EVIDENCE : 0)
                + (f.sting() && !f.actualVictim() ? HT_STING_WITHOUT_VICTIM : 0)
                + HT_CHARGE_BY_TYPE[t];
        return new Predictors(arrest, prosecution, ht);
    }

    /** The nested outcomes of a case for a uniform number u in [0, 1). */
    Outcome decide(Predictors p, double u) {
        if (!(u >= 0 && u < 1)) throw new IllegalArgumentException("u must be in [0, 1), got " + u);
        double pA = logistic(arrestIntercept + p.arrest());
        double pP = Math.min(pA, logistic(prosecutionIntercept + p.prosecution()));
        double pH = Math.min(pP, logistic(htChargeIntercept + p.htCharge()));
        return new Outcome(u < pA, u < pP, u < pH);
    }

    /**
     * Calibrates the intercepts on case facts drawn from the providing sites (in proportion to
     * their samples) so that the expected shares among sex-trafficking cases meet the targets.
     */
    static OutcomeModel calibrate(
            List<Site> sites,
            CaseModel model,
            long seed,
            double arrestTarget,
            double prosecutionTarget,
            double htChargeTarget) {
        long total = sites.stream().mapToLong(Site::cases).sum();
        if (total == 0) return new OutcomeModel(0, 0, 0);
        double[] a = new double[CALIBRATION_SAMPLE + sites.size()];
        double[] p = new double[a.length];
        double[] h = new double[a.length];
        int n = 0;
        for (Site site : sites) {
            if (!site.providesFiles()) continue;
            int draws = (int) Math.max(1, Math.round((double) CALIBRATION_SAMPLE * site.cases() / total));
            SplittableRandom rng = RandomStream.CALIBRATION.open(seed, site.index());
            Distribution types = CaseModel.htTypes(site.focus());
            for (int i = 0; i < draws; i++) {
                int type = types.drawInt(rng);
                CaseFacts f = model.draw(Site.LAST_CLOSED_YEAR, type, rng);
                if (type != CaseModel.HT_SEX) continue;
                Predictors x = predictors(site, f, model);
                if (n == a.length) {
                    a = Arrays.copyOf(a, 2 * n);
                    p = Arrays.copyOf(p, 2 * n);
                    h = Arrays.copyOf(h, 2 * n);
                }
                a[n] = x.arrest();
                p[n] = x.prosecution();
                h[n] = x.htCharge();
                n++;
            }
        }
        if (n == 0) return new OutcomeModel(0, 0, 0);
        final int m = n;
        final double[] fa = a;
        final double[] fp = p;
        final double[] fh = h;
        double cA = solve(
                c -> {
                    double s = 0;
                    for (int i = 0; i < m; i++) s += logistic(c + fa[i]);
                    return s / m;
                },
                arrestTarget);
        double cP = solve(
                c -> {
                    double s = 0;
                    for (int i = 0; i < m; i++) s += Math.min(logistic(cA + fa[i]), logistic(c + fp[i]));
                    return s / m;
                },
                prosecutionTarget);
        double cH = solve(
                c -> {
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += Math.min(Math.min(logistic(cA + fa[i]), logistic(cP + fp[i])), logistic(c + fh[i]));
                    }
                    return s / m;
                },
                htChargeTarget);
        return new OutcomeModel(cA, cP, cH);
    }

    /** The intercept at which an increasing mean reaches the target (clamped to the search bounds). */
    private static double solve(DoubleUnaryOperator mean, double target) {
        double lo = -INTERCEPT_BOUND;
        double hi = INTERCEPT_BOUND;
        for (int i = 0; i < BISECTION_STEPS; i++) {
            double mid = (lo + hi) / 2;
            if (mean.applyAsDouble(mid) < target) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    static double logistic(double x) {
        return 1 / (1 + StrictMath.exp(-x)); // StrictMath: the same bits on every machine
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "intercepts: arrest %.4f, prosecution %.4f, trafficking charge %.4f",
                arrestIntercept,
                prosecutionIntercept,
                htChargeIntercept);
    }
}

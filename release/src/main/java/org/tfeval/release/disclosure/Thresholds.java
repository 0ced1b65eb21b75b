package org.tfeval.release.disclosure;

/**
 * The named thresholds of the disclosure policies, configured by copy ({@code
 * Thresholds.defaults().withK(5)}). A category or a tail of a distribution smaller than k would by
 * itself make classes smaller than k, so rare categories are collapsed and tails top- and
 * bottom-coded at k as well; codebooks hide frequencies below k.
 *
 * @param k smallest equivalence class on the quasi-identifiers, counted in distinct cases of the
 *     joined case-victim-suspect view; at least {@value #MIN_K}
 * @param l least number of distinct valid values of each sensitive variable within a class (distinct
 *     l-diversity); 1 switches the check off
 * @param bandWidth width of the bands integer quasi-identifiers (ages) are grouped into; 1 keeps
 *     single values (then only the tails are coded)
 * @param maxSuppressedValueShare most quasi-identifier and sensitive values (share of all such
 *     values in the released records) that may be -6 (suppressed locally, or with the whole variable
 *     at the top of its hierarchy) before the release is refused
 * @param maxRemovedCaseShare most cases (with their victims, suspects and offenses) that may be left
 *     out because no suppression of values can put them in a class of k before the release is refused
 * @param maxLoss most information loss (ARX's Loss, 0-1) the generalization may cost before public
 *     microdata give way to aggregate tables
 */
public record Thresholds(
        int k, int l, int bandWidth, double maxSuppressedValueShare, double maxRemovedCaseShare, double maxLoss) {

    /** A class of one is no protection; two is the least k that means something. */
    public static final int MIN_K = 2;
    /**
     * The Counter Trafficking Data Collaborative publishes victim-level data k-anonymised with k = 11:
     * the minimum cell size of every published count (codebooks and reports share it).
     */
    public static final int DEFAULT_K = org.tfeval.stats.disclosure.ComplementarySuppression.MINIMUM_CELL_SIZE;
    /** Two distinct values of a sensitive attribute in every class: no class gives it away. */
    public static final int DEFAULT_L = 2;
    /** Five-year age groups, as in most published tables. */
    public static final int DEFAULT_BAND_WIDTH = 5;
    /** See {@link #maxSuppressedValueShare}. */
    public static final double DEFAULT_MAX_SUPPRESSED_VALUE_SHARE = 0.5;
    /** See {@link #maxRemovedCaseShare}. */
    public static final double DEFAULT_MAX_REMOVED_CASE_SHARE = 0.05;
    /**
     * Microdata that keep less than 40% of the information in their quasi-identifiers (Loss above 0.6)
     * say too little to be worth the risk: the public tier is then aggregate tables.
     */
    public static final double DEFAULT_MAX_LOSS = 0.6;

    public Thresholds {
        if (k < MIN_K) {
            throw new IllegalArgumentException(
                    "k must be at least " + MIN_K + " (k-anonymity with k = " + k + " protects no one)");
        }
        if (l < 1) {
            throw new IllegalArgumentException("l must be at least 1 (1 switches l-diversity off), not " + l);
        }
        if (bandWidth < 1) {
            throw new IllegalArgumentException("the band width must be at least 1, not " + bandWidth);
        }
        requireShare(maxSuppressedValueShare, "the maximum share of suppressed values");
        requireShare(maxRemovedCaseShare, "the maximum share of removed cases");
        requireShare(maxLoss, "the maximum information loss");
    }

    /** The thresholds with the default maximum information loss. */
    public Thresholds(int k, int l, int bandWidth, double maxSuppressedValueShare, double maxRemovedCaseShare) {
        this(k, l, bandWidth, maxSuppressedValueShare, maxRemovedCaseShare, DEFAULT_MAX_LOSS);
    }

    public Thresholds withMaxLoss(double value) {
        return new Thresholds(k, l, bandWidth, maxSuppressedValueShare, maxRemovedCaseShare, value);
    }

    /** k = 11, l = 2, five-year bands, at most half of the protected values suppressed, at most 5% of cases removed. */
    public static Thresholds defaults() {
        return new Thresholds(
                DEFAULT_K,
                DEFAULT_L,
                DEFAULT_BAND_WIDTH,
                DEFAULT_MAX_SUPPRESSED_VALUE_SHARE,
                DEFAULT_MAX_REMOVED_CASE_SHARE);
    }

    public Thresholds withK(int value) {
        return new Thresholds(value, l, bandWidth, maxSuppressedValueShare, maxRemovedCaseShare, maxLoss);
    }

    public Thresholds withL(int value) {
        return new Thresholds(k, value, bandWidth, maxSuppressedValueShare, maxRemovedCaseShare, maxLoss);
    }

    public Thresholds withBandWidth(int value) {
        return new Thresholds(k, l, value, maxSuppressedValueShare, maxRemovedCaseShare, maxLoss);
    }

    public Thresholds withMaxSuppressedValueShare(double value) {
        return new Thresholds(k, l, bandWidth, value, maxRemovedCaseShare, maxLoss);
    }

    public Thresholds withMaxRemovedCaseShare(double value) {
        return new Thresholds(k, l, bandWidth, maxSuppressedValueShare, value, maxLoss);
    }

    private static void requireShare(double share, String what) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, not " + share);
        }
    }
}

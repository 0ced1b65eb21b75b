package org.tfeval.qual.agreement;

/**
 * Two coders' characters for one code, the four cells NVivo's coding comparison counts.
 *
 * @param aOnly   characters only coder A coded with the code
 * @param bOnly   characters only coder B coded
 * @param both    characters both coded
 * @param neither characters neither coded
 */
public record CharacterCounts(long aOnly, long bOnly, long both, long neither) {
    public CharacterCounts {
        if (aOnly < 0 || bOnly < 0 || both < 0 || neither < 0) {
            throw new IllegalArgumentException("character counts must be >= 0");
        }
    }

    public static final CharacterCounts ZERO = new CharacterCounts(0, 0, 0, 0);

    public long total() {
        return aOnly + bOnly + both + neither;
    }

    public CharacterCounts plus(CharacterCounts o) {
        return new CharacterCounts(aOnly + o.aOnly, bOnly + o.bOnly, both + o.both, neither + o.neither);
    }

    /** NVivo's percent agreement: characters on which the coders agree (both or neither), in percent. */
    public double percentAgreement() {
        return total() == 0 ? Double.NaN : 100.0 * (both + neither) / total();
    }

    /**
     * Cohen's kappa over characters as NVivo computes it: {@code (Po - Pe) / (1 - Pe)} with
     * {@code Pe = pA pB + (1 - pA)(1 - pB)}; 1 when the coders agree on every character (NVivo reports 1
     * for complete agreement, also when {@code Pe = 1}).
     */
    public double kappa() {
        double n = total();
        if (n == 0) return Double.NaN;
        double po = (both + neither) / n;
        double pa = (aOnly + both) / n;
        double pb = (bOnly + both) / n;
        double pe = pa * pb + (1 - pa) * (1 - pb);
        if (pe >= 1) return po >= 1 ? 1.0 : 0.0;
        return (po - pe) / (1 - pe);
    }

    /**
     * Krippendorff's alpha (nominal) with characters as units, two coders, no missing values:
     * {@code 1 - (n - 1) (aOnly + bOnly) / (2 n0 n1)} over the {@code n = 2N} values.
     */
    public double alpha() {
        double values = 2.0 * total();
        double ones = 2.0 * both + aOnly + bOnly;
        double zeros = values - ones;
        if (values < 2) return Double.NaN;
        double disagreements = aOnly + bOnly;
        if (ones == 0 || zeros == 0) return disagreements == 0 ? 1.0 : Double.NaN;
        double observed = 2 * disagreements / values;
        double expected = 2 * ones * zeros / (values * (values - 1));
        return 1 - observed / expected;
    }
}

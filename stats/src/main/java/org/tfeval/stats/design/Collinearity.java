package org.tfeval.stats.design;

import java.util.ArrayList;
import java.util.List;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;

/**
 * Finds design columns that are (numerically) linear combinations of earlier columns, the way R's
 * {@code lm} marks coefficients as aliased: a column is aliased when the part of it not explained by
 * the earlier non-aliased columns is shorter than {@code tolerance} times its own length.
 */
public final class Collinearity {

    /**
     * R's default for {@code lm} and {@code glm} (QR tolerance 1e-7). Suitable for checks on a Gram
     * matrix in double precision, where squared ratios below about 1e-14 are rounding noise.
     */
    public static final double R_DEFAULT_TOLERANCE = 1e-7;

    private Collinearity() {}

    /**
     * Indices of aliased columns, from a symmetric Gram matrix {@code X'WX} (only the lower triangle is
     * read), by sequential Cholesky without pivoting.
     */
    public static List<Integer> aliasedFromGram(double[][] gram, double tolerance) {
        int p = gram.length;
        double[][] l = new double[p][p];
        boolean[] alias = new boolean[p];
        List<Integer> out = new ArrayList<>();
        double tol2 = tolerance * tolerance;
        for (int j = 0; j < p; j++) {
            double d = gram[j][j];
            for (int k = 0; k < j; k++) {
                if (!alias[k]) {
                    d -= l[j][k] * l[j][k];
                }
            }
            if (!(gram[j][j] > 0) || d <= tol2 * gram[j][j]) {
                alias[j] = true;
                out.add(j);
                continue;
            }
            double djj = Math.sqrt(d);
            l[j][j] = djj;
            for (int i = j + 1; i < p; i++) {
                double s = gram[i][j];
                for (int k = 0; k < j; k++) {
                    if (!alias[k]) {
                        s -= l[i][k] * l[j][k];
                    }
                }
                l[i][j] = s / djj;
            }
        }
        return out;
    }

    /** Throws {@link InvalidInputException} (code singular-design) naming the aliased terms, if any. */
    public static void requireFullRank(List<Integer> aliased, List<String> names) {
        if (aliased.isEmpty()) {
            return;
        }
        List<String> bad = new ArrayList<>();
        for (int j : aliased) {
            bad.add(names.get(j));
        }
        throw new InvalidInputException(InputViolation.ofData(
                InputViolation.SINGULAR_DESIGN,
                "the design is singular: " + (bad.size() == 1 ? "term " : "terms ") + String.join(", ", bad)
                        + (bad.size() == 1 ? " is a linear combination" : " are linear combinations")
                        + " of earlier terms (aliased); drop " + (bad.size() == 1 ? "it" : "them")
                        + " or merge categories"));
    }
}

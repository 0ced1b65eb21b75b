package org.tfeval.stats.design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.frame.Column;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.NumericColumn;
import org.tfeval.stats.frame.StringColumn;

/**
 * Builds a {@link Design} from a {@link Formula} and a {@link DataFrame}: drops rows with a missing value
 * in any used column, codes text columns with treatment contrasts (indicator per non-reference level;
 * the reference level is the alphabetically first unless chosen with {@link #withReferenceLevel}), and
 * multiplies factors for interactions (first factor varying fastest, as R does). Every problem in the
 * data is reported at once. Immutable; configured by copy.
 */
public final class DesignBuilder {

    /** Term name of the intercept column. */
    public static final String INTERCEPT = "intercept";

    private final Formula formula;
    private final Map<String, String> referenceLevels;
    private final Set<String> categorical;
    private final Set<String> requiredColumns;

    private DesignBuilder(
            Formula formula,
            Map<String, String> referenceLevels,
            Set<String> categorical,
            Set<String> requiredColumns) {
        this.formula = formula;
        this.referenceLevels = Map.copyOf(referenceLevels);
        this.categorical = Set.copyOf(categorical);
        this.requiredColumns = Set.copyOf(requiredColumns);
    }

    /** A builder for {@code formula}. */
    public static DesignBuilder of(Formula formula) {
        return new DesignBuilder(Objects.requireNonNull(formula, "formula"), Map.of(), Set.of(), Set.of());
    }

    /** A builder for formula text, e.g. {@code "y ~ x + g"}. */
    public static DesignBuilder of(String formula) {
        return of(Formula.parse(formula));
    }

    public Formula formula() {
        return formula;
    }

    /** A copy using {@code level} as the reference (omitted) level of {@code column}. */
    public DesignBuilder withReferenceLevel(String column, String level) {
        Map<String, String> m = new LinkedHashMap<>(referenceLevels);
        m.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(level, "level"));
        return new DesignBuilder(formula, m, categorical, requiredColumns);
    }

    /** A copy that treats numeric {@code column} as categorical (levels = its distinct values). */
    public DesignBuilder withCategorical(String column) {
        Set<String> s = new LinkedHashSet<>(categorical);
        s.add(Objects.requireNonNull(column, "column"));
        return new DesignBuilder(formula, referenceLevels, s, requiredColumns);
    }

    /** A copy that also drops rows missing in {@code column} (a cluster or group column, say). */
    public DesignBuilder withRequiredColumn(String column) {
        Set<String> s = new LinkedHashSet<>(requiredColumns);
        s.add(Objects.requireNonNull(column, "column"));
        return new DesignBuilder(formula, referenceLevels, categorical, s);
    }

    /** Builds the design; throws {@link InvalidInputException} listing every problem found. */
    public Design build(DataFrame data) {
        Set<String> used = new LinkedHashSet<>(formula.columns());
        used.addAll(requiredColumns);
        used.addAll(referenceLevels.keySet());
        data.requireColumns(used);

        List<InputViolation> problems = new ArrayList<>();
        Column responseColumn = data.column(formula.response());
        if (!(responseColumn instanceof NumericColumn)) {
            problems.add(InputViolation.ofColumn(
                    InputViolation.NOT_NUMERIC,
                    formula.response(),
                    "the outcome must be numeric but the column holds text"));
        }
        int n = data.rowCount();
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        for (String c : used) {
            Column col = data.column(c);
            for (int i = 0; i < n; i++) {
                if (col.isMissing(i)) {
                    keep[i] = false;
                }
            }
        }
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        int[] rows = new int[kept];
        for (int i = 0, r = 0; i < n; i++) {
            if (keep[i]) {
                rows[r++] = i;
            }
        }
        if (kept == 0) {
            problems.add(InputViolation.ofData(
                    InputViolation.TOO_FEW_ROWS, "no row has values for all of " + String.join(", ", used)));
            throw new InvalidInputException(problems);
        }

        Map<String, Coding> codings = new LinkedHashMap<>();
        for (Term t : formula.terms()) {
            for (Factor f : t.factors()) {
                if (codings.containsKey(f.column())) {
                    continue;
                }
                Coding coding = coding(data.column(f.column()), rows, problems);
                if (coding != null) {
                    if (coding.isCategorical() && f.power() != 1) {
                        problems.add(InputViolation.ofColumn(
                                InputViolation.BAD_FORMULA,
                                f.column(),
                                "is categorical, so I(" + f.label() + ") is not defined"));
                    }
                    codings.put(f.column(), coding);
                }
            }
        }
        for (String c : referenceLevels.keySet()) {
            if (!codings.containsKey(c) || !codings.get(c).isCategorical()) {
                problems.add(InputViolation.ofColumn(
                        InputViolation.BAD_LEVEL,
                        c,
                        "a reference level was given but the column is not a categorical predictor"));
            }
        }
        double[] offset = null;
        Offset off = formula.offset();
        if (off != null) {
            Column oc = data.column(off.column());
            if (!(oc instanceof NumericColumn)) {
                problems.add(InputViolation.ofColumn(
                        InputViolation.NOT_NUMERIC,
                        off.column(),
                        "an offset must be numeric but the column holds text"));
            } else {
                double[] raw = ((NumericColumn) oc).values(rows);
                offset = new double[kept];
                int bad = 0;
                for (int i = 0; i < kept; i++) {
                    offset[i] = off.apply(raw[i]);
                    bad += Double.isFinite(offset[i]) ? 0 : 1;
                }
                if (bad > 0) {
                    problems.add(InputViolation.ofColumn(
                            InputViolation.OUT_OF_RANGE,
                            off.column(),
                            bad + " rows have a value where " + off.label()
                                    + " is not defined (log needs values > 0)"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        double[] y = ((NumericColumn) responseColumn).values(rows);
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        List<double[]> lows = new ArrayList<>();
        if (formula.intercept()) {
            double[] one = new double[kept];
            Arrays.fill(one, 1.0);
            names.add(INTERCEPT);
            cols.add(one);
            lows.add(null);
        }
        for (Term t : formula.terms()) {
            expand(t, codings, kept, names, cols, lows);
        }
        return new Design(
                formula.response(),
                y,
                names,
                cols.toArray(double[][]::new),
                lows.toArray(double[][]::new),
                rows,
                n - kept,
                formula.intercept(),
                offset);
    }

    private Coding coding(Column col, int[] rows, List<InputViolation> problems) {
        String name = col.name();
        String[] text = null;
        if (col instanceof StringColumn sc) {
            text = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                text[i] = sc.get(rows[i]);
            }
        } else if (categorical.contains(name)) {
            NumericColumn nc = (NumericColumn) col;
            text = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                text[i] = numberText(nc.get(rows[i]));
            }
        }
        if (text == null) {
            return new Coding(((NumericColumn) col).values(rows), null, null);
        }
        TreeSet<String> levelSet = new TreeSet<>(Arrays.asList(text));
        List<String> levels = new ArrayList<>(levelSet);
        if (categorical.contains(name) && col instanceof NumericColumn) {
            levels.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        String ref = referenceLevels.getOrDefault(name, levels.get(0));
        if (!levelSet.contains(ref)) {
            problems.add(InputViolation.ofColumn(
                    InputViolation.BAD_LEVEL,
                    name,
                    "the requested reference level is not among the column's " + levels.size() + " levels"));
            return null;
        }
        if (levels.size() < 2) {
            problems.add(InputViolation.ofColumn(
                    InputViolation.BAD_LEVEL,
                    name,
                    "is categorical with a single level in the usable rows, so it cannot be a predictor"));
            return null;
        }
        levels.remove(ref);
        return new Coding(null, text, levels);
    }

    private static String numberText(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void expand(
            Term t, Map<String, Coding> codings, int n, List<String> names, List<double[]> cols, List<double[]> lows) {
        // Start with one all-ones column, then multiply in each factor; the first factor varies fastest.
        List<String> partNames = new ArrayList<>(List.of(""));
        List<double[]> partHi = new ArrayList<>();
        List<double[]> partLo = new ArrayList<>();
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        partHi.add(ones);
        partLo.add(null);
        double[] pw = new double[2];
        for (Factor f : t.factors()) {
            Coding c = codings.get(f.column());
            List<String> nNames = new ArrayList<>();
            List<double[]> nHi = new ArrayList<>();
            List<double[]> nLo = new ArrayList<>();
            if (!c.isCategorical()) {
                double[] fh = new double[n];
                double[] fl = new double[n];
                boolean anyLow = false;
                for (int i = 0; i < n; i++) {
                    ExactPowers.power(c.values[i], f.power(), pw);
                    fh[i] = pw[0];
                    fl[i] = pw[1];
                    anyLow |= pw[1] != 0.0;
                }
                for (int k = 0; k < partHi.size(); k++) {
                    nNames.add(join(partNames.get(k), f.label()));
                    multiply(partHi.get(k), partLo.get(k), fh, anyLow ? fl : null, nHi, nLo);
                }
            } else {
                for (String level : c.levels) {
                    double[] ind = new double[n];
                    for (int i = 0; i < n; i++) {
                        ind[i] = level.equals(c.text[i]) ? 1.0 : 0.0;
                    }
                    // previous parts vary fastest: iterate levels outermost
                    for (int k = 0; k < partHi.size(); k++) {
                        nNames.add(join(partNames.get(k), f.column() + "=" + level));
                        multiply(partHi.get(k), partLo.get(k), ind, null, nHi, nLo);
                    }
                }
            }
            partNames = nNames;
            partHi = nHi;
            partLo = nLo;
        }
        names.addAll(partNames);
        cols.addAll(partHi);
        lows.addAll(partLo);
    }

    private static String join(String prefix, String label) {
        return prefix.isEmpty() ? label : prefix + ":" + label;
    }

    /** (ah + al) * (bh + bl) in double-double, appending hi and (nullable) lo. */
    private static void multiply(
            double[] ah, double[] al, double[] bh, double[] bl, List<double[]> outHi, List<double[]> outLo) {
        int n = ah.length;
        double[] hi = new double[n];
        if (al == null && bl == null) {
            for (int i = 0; i < n; i++) {
                hi[i] = ah[i] * bh[i];
            }
            outHi.add(hi);
            outLo.add(null);
            return;
        }
        double[] lo = new double[n];
        for (int i = 0; i < n; i++) {
            double p = ah[i] * bh[i];
            double e = Math.fma(ah[i], bh[i], -p);
            if (al != null) {
                e += al[i] * bh[i];
            }
            if (bl != null) {
                e += ah[i] * bl[i];
            }
            double s = p + e;
            lo[i] = e - (s - p);
            hi[i] = s;
        }
        outHi.add(hi);
        outLo.add(lo);
    }

    /** How one column enters the design: numeric values, or text with its non-reference levels. */
    private record Coding(double[] values, String[] text, List<String> levels) {
        boolean isCategorical() {
            return text != null;
        }
    }
}

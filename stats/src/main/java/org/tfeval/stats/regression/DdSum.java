package org.tfeval.stats.regression;

/**
 * A running sum in double-double arithmetic (about 32 significant digits), for the residuals and cross
 * products of the refined least-squares solve. Mutable; used on one thread.
 */
final class DdSum {

    private double hi;
    private double lo;

    void reset() {
        hi = 0;
        lo = 0;
    }

    /** Adds a double exactly (up to the double-double precision). */
    void add(double a) {
        double s = hi + a;
        double v = s - hi;
        double e = (hi - (s - v)) + (a - v) + lo;
        hi = s + e;
        lo = e - (hi - s);
    }

    /** Adds a double-double value. */
    void add(double h, double l) {
        add(h);
        addSmall(l);
    }

    /** Adds {@code (ah + al) * (bh + bl)}, the lo parts nullable as 0. */
    void addProduct(double ah, double al, double bh, double bl) {
        double p = ah * bh;
        double e = Math.fma(ah, bh, -p);
        add(p);
        addSmall(e + ah * bl + al * bh);
    }

    private void addSmall(double e) {
        double s = hi + (lo + e);
        lo = (lo + e) - (s - hi);
        hi = s;
    }

    double hi() {
        return hi;
    }

    double lo() {
        return lo;
    }

    double value() {
        return hi + lo;
    }
}

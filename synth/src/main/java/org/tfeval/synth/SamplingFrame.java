package org.tfeval.synth;

import java.util.SplittableRandom;

/**
 * A site's list of all its closed cases, read row by row, and the simple random sample of them
 * that became the coded case files (selection sampling, Knuth's Algorithm S: exactly the site's
 * sample size, each row with the same chance, without holding the list). Each row has an opaque
 * reference, the year the case was closed and its trafficking type; a sampled case keeps both.
 */
final class SamplingFrame {
    /** Growth of the caseload per year since funding began (later years have more closed cases). */
    static final double CASELOAD_GROWTH_PER_YEAR = 0.15;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Site site;
    private final String prefix;
    private final SplittableRandom rng;
    private final Distribution years;
    private final Distribution types;
    private final long referenceKey;
    private long row = -1;
    private int selected;
    private int closedYear;
    private int htType;
    private boolean isSelected;
    private final java.util.Set<String> coded;

    /** The site's frame with its own sample (Algorithm S). */
    SamplingFrame(Site site, long seed) {
        this(site, seed, null);
    }

    /**
     * The site's frame whose selected rows are the given references (a recorded draw's coded entries) instead of
     * the own sample; {@code null} for the own sample. The list itself is the same either way.
     */
    SamplingFrame(Site site, long seed, java.util.Set<String> coded) {
        this.coded = coded;
        this.site = site;
        this.prefix = site.tfId() + "-R";
        this.rng = RandomStream.FRAME.open(seed, site.index());
        int first = site.firstFiscalYear();
        int n = Site.LAST_CLOSED_YEAR - first + 1;
        long[] y = new long[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = first + i;
            w[i] = 1 + CASELOAD_GROWTH_PER_YEAR * i;
        }
        this.years = Distribution.of(y, w);
        this.types = CaseModel.htTypes(site.focus());
        this.referenceKey = rng.nextLong();
    }

    /** Moves to the next row; false after the last. */
    boolean next() {
        if (row + 1 >= site.frameSize()) return false;
        row++;
        closedYear = years.drawInt(rng);
        htType = types.drawInt(rng);
        long remainingRows = site.frameSize() - row;
        boolean own =
                rng.nextLong(remainingRows) < site.cases() - selected; // drawn either way: the list stays the same
        isSelected = coded == null ? own : coded.contains(caseReference());
        if (isSelected) selected++;
        return true;
    }

    /** An opaque, unique reference of the current row (a keyed permutation of the row number). */
    String caseReference() {
        long x = row;
        x = (x * 0x9E3779B1L + referenceKey) & 0xFFFFFFFFL;
        x ^= x >>> 15;
        x = (x * 0x85EBCA77L) & 0xFFFFFFFFL;
        x ^= x >>> 13;
        x = (x * 0xC2B2AE3DL) & 0xFFFFFFFFL;
        x ^= x >>> 16;
        char[] hex = new char[8];
        for (int i = 7; i >= 0; i--) {
            hex[i] = HEX[(int) (x & 0xF)];
            x >>>= 4;
        }
        return prefix + new String(hex);
    }

    int closedYear() {
        return closedYear;
    }

    int htType() {
        return htType;
    }

    /** Whether the current row was drawn into the sample. */
    boolean selected() {
        return isSelected;
    }

    /** 1-based number of the current row among the sampled cases (valid when selected). */
    int caseNumber() {
        return selected;
    }
}

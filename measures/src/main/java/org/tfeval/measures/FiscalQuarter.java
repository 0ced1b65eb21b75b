package org.tfeval.measures;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A federal fiscal quarter: fiscal year {@code FY} runs from 1 October of {@code FY - 1} to 30 September
 * of {@code FY}; Q1 is October to December. Stored as its real first and last dates.
 *
 * @param fiscalYear the fiscal year (FY2020 began 1 October 2019)
 * @param quarter    1 to 4
 */
public record FiscalQuarter(int fiscalYear, int quarter) implements Comparable<FiscalQuarter> {
    /** Earliest and latest fiscal years accepted (the instrument's date range). */
    public static final int FIRST_YEAR = 1990;

    public static final int LAST_YEAR = 2100;

    private static final Pattern LABEL = Pattern.compile("^FY(\\d{4})[ -]?Q([1-4])$");

    public FiscalQuarter {
        if (fiscalYear < FIRST_YEAR || fiscalYear > LAST_YEAR)
            throw new IllegalArgumentException(
                    "fiscal year " + fiscalYear + " is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        if (quarter < 1 || quarter > 4) throw new IllegalArgumentException("quarter " + quarter + " is not 1-4");
    }

    /** The quarter a date falls in. */
    public static FiscalQuarter of(LocalDate d) {
        int m = d.getMonthValue();
        return m >= 10 ? new FiscalQuarter(d.getYear() + 1, 1) : new FiscalQuarter(d.getYear(), (m - 1) / 3 + 2);
    }

    /** The quarter whose first and last days these are exactly, if any. */
    public static Optional<FiscalQuarter> exactly(LocalDate start, LocalDate end) {
        if (start.getYear() < FIRST_YEAR - 1 || start.getYear() > LAST_YEAR) return Optional.empty();
        FiscalQuarter q = of(start);
        return q.start().equals(start) && q.end().equals(end) ? Optional.of(q) : Optional.empty();
    }

    /** Parses {@code FY2020Q1}, {@code FY2020 Q1} or {@code FY2020-Q1}. */
    public static FiscalQuarter parse(String label) {
        Matcher m = LABEL.matcher(label.strip());
        if (!m.matches()) throw new IllegalArgumentException("'" + label + "' is not a quarter like FY2020Q1");
        return new FiscalQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The first day. */
    public LocalDate start() {
        return quarter == 1 ? LocalDate.of(fiscalYear - 1, 10, 1) : LocalDate.of(fiscalYear, (quarter - 2) * 3 + 1, 1);
    }

    /** The last day. */
    public LocalDate end() {
        return next().start().minusDays(1);
    }

    /** A running number: consecutive quarters differ by one. */
    public int index() {
        return fiscalYear * 4 + quarter - 1;
    }

    /** The quarter of a running number. */
    public static FiscalQuarter ofIndex(int index) {
        return new FiscalQuarter(index / 4, index % 4 + 1);
    }

    public FiscalQuarter next() {
        return plus(1);
    }

    public FiscalQuarter plus(int quarters) {
        return ofIndex(index() + quarters);
    }

    /** The same quarter a year earlier. */
    public FiscalQuarter yearEarlier() {
        return plus(-4);
    }

    /** {@code FY2020Q1}: file names, CSV cells. */
    public String code() {
        return "FY" + fiscalYear + "Q" + quarter;
    }

    /** {@code FY2020 Q1}: tables and charts. */
    public String label() {
        return "FY" + fiscalYear + " Q" + quarter;
    }

    @Override
    public int compareTo(FiscalQuarter o) {
        return Integer.compare(index(), o.index());
    }

    @Override
    public String toString() {
        return code();
    }
}

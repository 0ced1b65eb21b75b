package org.tfeval.analysis.data;

import java.time.LocalDate;
import java.util.Objects;
import org.tfeval.instrument.MissingCode;

/**
 * A date column: days since 1970-01-01 where the date is known, else the missing code from the
 * snapshot's companion {@code <VAR>__MC} column. Read-only view.
 */
public final class DateColumn {
    /** Day value of a row whose date is missing. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    private final String name;
    private final int[] days;
    private final int[] missingCodes;

    DateColumn(String name, int[] days, int[] missingCodes) {
        this.name = Objects.requireNonNull(name, "name");
        if (days.length != missingCodes.length) {
            throw new IllegalArgumentException(
                    name + ": " + days.length + " days but " + missingCodes.length + " missing codes");
        }
        this.days = days;
        this.missingCodes = missingCodes;
    }

    /** A column of known dates and missing codes ({@code null} date: missing with code {@code -9}); for tests. */
    public static DateColumn of(String name, LocalDate... dates) {
        int[] d = new int[dates.length];
        int[] m = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            d[i] = dates[i] == null ? NO_DAY : (int) dates[i].toEpochDay();
            m[i] = dates[i] == null ? MissingCode.NOT_RECORDED.code() : 0;
        }
        return new DateColumn(name, d, m);
    }

    public String name() {
        return name;
    }

    public int size() {
        return days.length;
    }

    /** Whether the date at {@code row} is known. */
    public boolean isKnown(int row) {
        return days[row] != NO_DAY;
    }

    /** Days since 1970-01-01; {@link #NO_DAY} when missing. */
    public int day(int row) {
        return days[row];
    }

    /** The missing code of a missing date (0 when the date is known). */
    public int missingCode(int row) {
        return days[row] == NO_DAY ? missingCodes[row] : 0;
    }
}

package org.tfeval.instrument;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The storage and parsing type of a variable. */
public enum VariableType {
    /** An opaque identifier (task force, case, person); never missing. */
    ID("text") {
        @Override
        Object parseValue(String raw) {
            return raw;
        }
    },
    /** An integer code with value labels. */
    CODE("integer") {
        @Override
        Object parseValue(String raw) {
            return parseLong(raw);
        }
    },
    /** A count or other whole number with a valid range. */
    INTEGER("integer") {
        @Override
        Object parseValue(String raw) {
            return parseLong(raw);
        }
    },
    /** A decimal number with a valid range. */
    DECIMAL("numeric") {
        @Override
        Object parseValue(String raw) {
            try {
                return new BigDecimal(raw);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    },
    /** A calendar date written as YYYY-MM-DD. */
    DATE("date") {
        @Override
        Object parseValue(String raw) {
            if (raw.length() == 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
                int y = digits(raw, 0, 4);
                int m = digits(raw, 5, 7);
                int d = digits(raw, 8, 10);
                if (y < 0 || m < 0 || d < 0) return null;
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    },
    /** A short string (state code, name). */
    STRING("text") {
        @Override
        Object parseValue(String raw) {
            return raw;
        }
    },
    /** Free text (narratives); never released. */
    TEXT("text") {
        @Override
        Object parseValue(String raw) {
            return raw;
        }
    };

    private final String sqlType;

    VariableType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** PostgreSQL column type of the value column. */
    public String sqlType() {
        return sqlType;
    }

    /** Whether a value is numeric (missing codes are then stored in the value itself). */
    public boolean isNumeric() {
        return this == CODE || this == INTEGER || this == DECIMAL;
    }

    /** Whether values are character data. */
    public boolean isCharacter() {
        return this == ID || this == STRING || this == TEXT;
    }

    /**
     * Parses a non-blank cell that is not a missing code.
     *
     * @return the typed value, or {@code null} when the text is not of this type
     */
    abstract Object parseValue(String raw);

    /** Parses a cell into its typed value, or null when it is not of this type. */
    public Object parse(String raw) {
        return parseValue(raw.strip());
    }

    /** Smallest and largest value of a PostgreSQL {@code integer} column. */
    static final long INT_MIN = Integer.MIN_VALUE;

    static final long INT_MAX = Integer.MAX_VALUE;
    /** Most digits before the decimal point a PostgreSQL {@code numeric} holds. */
    static final int NUMERIC_INTEGER_DIGITS = 131_072;
    /** Most digits after the decimal point a PostgreSQL {@code numeric} holds. */
    static final int NUMERIC_FRACTION_DIGITS = 16_383;
    /** Dates PostgreSQL stores that are also written the same way by both sides (years 1 to 9999 AD). */
    static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);

    static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    /**
     * Whether a typed value (as {@link #parse} returns it, not a missing code) fits this type's
     * column: PostgreSQL would refuse the rest (integers beyond 32 bits, numbers beyond numeric's
     * digits, dates outside years 1 to 9999, text holding a NUL character), so validation reports
     * them, with file, row and column, before anything is sent to the database.
     */
    public boolean fitsColumn(Object value) {
        if (value instanceof Long l) return l >= INT_MIN && l <= INT_MAX;
        if (value instanceof BigDecimal d) {
            return d.precision() - d.scale() <= NUMERIC_INTEGER_DIGITS && d.scale() <= NUMERIC_FRACTION_DIGITS;
        }
        if (value instanceof LocalDate d) return !d.isBefore(FIRST_DATE) && !d.isAfter(LAST_DATE);
        if (value instanceof String s) return s.indexOf('\u0000') < 0;
        return true;
    }

    /** Writes a typed value back in the import format. */
    public String format(Object value) {
        if (value instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
        }
        return String.valueOf(value);
    }

    /** The decimal number in raw[from, to), or -1 when a character is not a digit. */
    private static int digits(String raw, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Long parseLong(String raw) {
        try {
            return Long.valueOf(raw);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package org.tfeval.release.dataset;

/**
 * Kind of a variable with its display format: {@code width} columns and {@code decimals} digits
 * after the point for numbers, the maximum length in UTF-8 bytes for strings.
 *
 * @param kind what the variable holds
 * @param width display width (numbers, dates) or maximum UTF-8 byte length (strings)
 * @param decimals digits after the decimal point; 0 except for {@link VariableKind#DECIMAL}
 */
public record VariableType(VariableKind kind, int width, int decimals) {

    /** Longest string a dataset may declare: SPSS's limit; Stata and SAS writers have lower ones. */
    public static final int MAX_STRING_BYTES = 32_767;
    /** Widest numeric display format accepted (SPSS F40). */
    public static final int MAX_NUMERIC_WIDTH = 40;
    /** Most decimals accepted (SPSS F format limit). */
    public static final int MAX_DECIMALS = 16;
    /** Display width of dates: ISO {@code yyyy-mm-dd}. */
    public static final int DATE_WIDTH = 10;

    private static final int DEFAULT_INTEGER_WIDTH = 8;

    public VariableType {
        if (kind == null) {
            throw new IllegalArgumentException("variable kind must be given");
        }
        switch (kind) {
            case INTEGER -> {
                requireWidth(width, 1, MAX_NUMERIC_WIDTH);
                if (decimals != 0) {
                    throw new IllegalArgumentException("an INTEGER variable has 0 decimals, not " + decimals);
                }
            }
            case DECIMAL -> {
                requireWidth(width, 1, MAX_NUMERIC_WIDTH);
                if (decimals < 0 || decimals > MAX_DECIMALS || decimals >= width) {
                    throw new IllegalArgumentException("decimals must be in 0.." + MAX_DECIMALS
                            + " and below the width " + width + ", not " + decimals);
                }
            }
            case STRING -> {
                requireWidth(width, 1, MAX_STRING_BYTES);
                if (decimals != 0) {
                    throw new IllegalArgumentException("a STRING variable has 0 decimals, not " + decimals);
                }
            }
            case DATE -> {
                if (width != DATE_WIDTH || decimals != 0) {
                    throw new IllegalArgumentException("a DATE variable has width " + DATE_WIDTH
                            + " and 0 decimals, not " + width + "." + decimals);
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static void requireWidth(int width, int min, int max) {
        if (width < min || width > max) {
            throw new IllegalArgumentException("width must be in " + min + ".." + max + ", not " + width);
        }
    }

    public static VariableType integer() {
        return new VariableType(VariableKind.INTEGER, DEFAULT_INTEGER_WIDTH, 0);
    }

    public static VariableType integer(int width) {
        return new VariableType(VariableKind.INTEGER, width, 0);
    }

    public static VariableType decimal(int width, int decimals) {
        return new VariableType(VariableKind.DECIMAL, width, decimals);
    }

    /** A string of at most {@code maxBytes} UTF-8 bytes. */
    public static VariableType string(int maxBytes) {
        return new VariableType(VariableKind.STRING, maxBytes, 0);
    }

    public static VariableType date() {
        return new VariableType(VariableKind.DATE, DATE_WIDTH, 0);
    }
}

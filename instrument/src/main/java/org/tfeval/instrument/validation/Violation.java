package org.tfeval.instrument.validation;

import java.util.Objects;
import org.tfeval.instrument.Severity;

/**
 * One problem in user data, with where it is and which rule it breaks.
 *
 * @param file     the file, or the table for stored data
 * @param row      1-based data row in the file (the header is row 0), or 0 when not row-bound
 * @param recordId the record's key, or null
 * @param variable the variable (column), or null
 * @param value    the offending value, shown only when it cannot identify anyone, else null
 * @param code     stable machine-readable code ({@code undocumented_code}, {@code rule:...})
 * @param message  words a coder understands
 * @param severity error or warning
 */
public record Violation(
        String file,
        long row,
        String recordId,
        String variable,
        String value,
        String code,
        String message,
        Severity severity) {
    /** Longest record key, variable name or value a violation carries; longer ones are cut. */
    public static final int MAX_QUOTED = 40;

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        recordId = bounded(recordId);
        variable = bounded(variable);
        value = bounded(value);
    }

    /**
     * Text quoted from user data cut to {@value #MAX_QUOTED} characters, with control characters
     * replaced, so a 10 MB cell or a crafted name cannot make a message large or forge lines.
     */
    static String bounded(String s) {
        if (s == null) return null;
        boolean cut = s.length() > MAX_QUOTED;
        String t = cut ? s.substring(0, MAX_QUOTED) : s;
        StringBuilder b = new StringBuilder(t.length() + 3);
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            b.append(Character.isISOControl(ch) ? '?' : ch);
        }
        if (cut) b.append("...");
        return b.toString();
    }

    /** Whether this blocks an import or snapshot. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for people: {@code cases.csv row 12, column V_AGE (value 130): ... [out_of_range]}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(severity == Severity.ERROR ? "error: " : "warning: ");
        if (file != null) b.append(file);
        if (row > 0) b.append(" row ").append(row);
        if (recordId != null) b.append(" (").append(recordId).append(')');
        if (variable != null) b.append(", column ").append(variable);
        if (value != null) b.append(" (value '").append(value).append("')");
        b.append(": ").append(message).append(" [").append(code).append(']');
        return b.toString();
    }
}

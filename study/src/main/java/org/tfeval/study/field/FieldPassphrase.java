package org.tfeval.study.field;

import org.tfeval.instrument.workflow.Problem;

/**
 * The passphrase a coder holds for a field package; the package key is derived from it
 * (PBKDF2-HMAC-SHA256) and kept in memory only. It never appears in a message, a log or
 * {@link #toString}.
 *
 * @param value the passphrase, at least {@value #MIN_LENGTH} characters, not only spaces
 */
public record FieldPassphrase(String value) {
    /** Shortest passphrase accepted. */
    public static final int MIN_LENGTH = 12;

    /** The environment variable a passphrase may come from (scripts and tests). */
    public static final String ENVIRONMENT = "TFEVAL_FIELD_PASSPHRASE";

    public FieldPassphrase {
        if (value == null || value.strip().length() < MIN_LENGTH) {
            throw Problem.usage(
                    "a field package passphrase must have at least " + MIN_LENGTH + " characters",
                    "set " + ENVIRONMENT + " or type a longer passphrase when asked");
        }
    }

    @Override
    public String toString() {
        return "FieldPassphrase[***]";
    }
}

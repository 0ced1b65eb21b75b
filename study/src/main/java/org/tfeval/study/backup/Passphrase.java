package org.tfeval.study.backup;

import org.tfeval.instrument.workflow.Problem;

/**
 * The passphrase the operator holds for a backup; the key is derived from it (PBKDF2-HMAC-SHA256).
 * It never appears in a message, a log or {@link #toString}.
 *
 * @param value the passphrase, at least {@value #MIN_LENGTH} characters, not only spaces
 */
public record Passphrase(String value) {
    /** Shortest passphrase accepted. */
    public static final int MIN_LENGTH = 12;

    /** The environment variable a passphrase may come from. */
    public static final String ENVIRONMENT = "TFEVAL_BACKUP_PASSPHRASE";

    public Passphrase {
        if (value == null || value.strip().length() < MIN_LENGTH) {
            throw Problem.usage(
                    "a backup passphrase must have at least " + MIN_LENGTH + " characters",
                    "set " + ENVIRONMENT + " or type a longer passphrase when asked");
        }
    }

    @Override
    public String toString() {
        return "Passphrase[***]";
    }
}

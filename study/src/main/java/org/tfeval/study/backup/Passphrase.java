package org.tfeval.study.backup;

import java.util.Objects;
import org.tfeval.instrument.workflow.Problem;

/**
 * A passphrase an operator holds, for a backup or a field package; a key is derived from it
 * (PBKDF2-HMAC-SHA256) and kept in memory only. It never appears in a message, a log or
 * {@link #toString}.
 *
 * @param value   the passphrase, at least {@value #MIN_LENGTH} characters, not only spaces
 * @param purpose what it protects (names the environment variable and the word in messages)
 */
public record Passphrase(String value, Purpose purpose) {
    /** Shortest passphrase accepted. */
    public static final int MIN_LENGTH = 12;

    /** The environment variable a backup passphrase may come from. */
    public static final String ENVIRONMENT = Purpose.BACKUP.environment();

    /** What a passphrase protects. */
    public enum Purpose {
        BACKUP("backup", "TFEVAL_BACKUP_PASSPHRASE"),
        FIELD_PACKAGE("field package", "TFEVAL_FIELD_PASSPHRASE");

        private final String word;
        private final String environment;

        Purpose(String word, String environment) {
            this.word = word;
            this.environment = environment;
        }

        /** How messages name it ("backup passphrase"). */
        public String word() {
            return word;
        }

        /** The environment variable it may come from (scripts and tests). */
        public String environment() {
            return environment;
        }
    }

    public Passphrase {
        Objects.requireNonNull(purpose, "purpose");
        if (value == null || value.strip().length() < MIN_LENGTH) {
            throw Problem.usage(
                    "a " + purpose.word() + " passphrase must have at least " + MIN_LENGTH + " characters",
                    "set " + purpose.environment() + " or type a longer passphrase when asked");
        }
    }

    /** A backup passphrase. */
    public Passphrase(String value) {
        this(value, Purpose.BACKUP);
    }

    /** A field package passphrase. */
    public static Passphrase field(String value) {
        return new Passphrase(value, Purpose.FIELD_PACKAGE);
    }

    @Override
    public String toString() {
        return "Passphrase[***]";
    }
}

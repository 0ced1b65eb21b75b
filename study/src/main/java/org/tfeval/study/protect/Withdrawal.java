package org.tfeval.study.protect;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.tfeval.instrument.workflow.Problem;

/**
 * One recorded withdrawal: who withdrew, how far, when. It carries no reason and no words: the
 * withdrawal register outside the database and outside backups holds exactly these three values.
 *
 * @param participantId the participant
 * @param level         how far the withdrawal reaches
 * @param at            when it was recorded
 */
public record Withdrawal(String participantId, Level level, Instant at) {
    public Withdrawal {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(at, "at");
        if (!participantId.matches("[A-Z][A-Z0-9]{1,7}-P[0-9]{1,4}")) {
            throw new IllegalArgumentException("not a participant ID: " + participantId);
        }
    }

    /** How far a withdrawal reaches; each level includes the ones before it. */
    public enum Level {
        /** Never contact the participant again; their data stays in use. */
        NO_CONTACT("no-contact"),
        /** No contact, and their data leaves every future snapshot, report, matrix, agreement, export and release; it is kept. */
        NO_FURTHER_USE("no-further-use"),
        /** As no further use, and their words are deleted and their data key destroyed. */
        REMOVE("remove");

        private final String id;

        Level(String id) {
            this.id = id;
        }

        /** The name on the command line and in the database. */
        public String id() {
            return id;
        }

        /** Whether the participant leaves every output built from now on. */
        public boolean excludesFromOutputs() {
            return this != NO_CONTACT;
        }

        /** Whether their words are deleted and their key destroyed. */
        public boolean removesWords() {
            return this == REMOVE;
        }

        /** The stronger of two levels. */
        public Level strongest(Level other) {
            return compareTo(other) >= 0 ? this : other;
        }

        /** The level of a name ({@code no-contact}, {@code no-further-use}, {@code remove}). */
        public static Level of(String id) {
            return Arrays.stream(values())
                    .filter(l -> l.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> Problem.usage(
                            "unknown withdrawal level '" + id + "'", "use no-contact, no-further-use or remove"));
        }
    }
}

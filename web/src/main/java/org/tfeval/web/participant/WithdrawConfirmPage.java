package org.tfeval.web.participant;

import java.util.Objects;
import org.tfeval.study.protect.Withdrawal;
import org.tfeval.web.Chrome;

/**
 * The confirmation step of a withdrawal: what the chosen level will do, with the form to confirm it.
 *
 * @param chrome        the page around it
 * @param participantId the participant
 * @param level         the level chosen
 * @param reason        the team's reason, carried to the confirming form
 */
public record WithdrawConfirmPage(Chrome chrome, String participantId, Withdrawal.Level level, String reason) {
    public WithdrawConfirmPage {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }

    /** What the level does, in one sentence. */
    public String effect() {
        switch (level) {
            case NO_CONTACT:
                return "Nobody may contact the participant again; their data stays in use.";
            case NO_FURTHER_USE:
                return "No contact, and the participant leaves every snapshot, report, matrix, export and release built"
                        + " from now on; their data is kept. Outputs built before are marked superseded.";
            default:
                return "As no further use, and their transcripts, segments, codings and memos are deleted and their"
                        + " data key destroyed, so backups and logs cannot be read for them either. This cannot be undone.";
        }
    }
}

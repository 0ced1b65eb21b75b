package org.tfeval.study.protect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tfeval.store.Store;

/**
 * What the protection rules need to know about every interview's participant, read once in the
 * caller's transaction: the sensitivity tier, the consent in force and any withdrawal. Every output
 * of the interview strand (transcript views, REFI-QDA exports, matrices, agreement) asks it.
 */
public final class ParticipantStatus {
    /** The survivor sensitivity tier's code (instrument: SENSITIVITY_TIER). */
    public static final int SURVIVOR_TIER = 3;

    private final Map<String, String> participantOfInterview;
    private final Map<String, Integer> tiers;
    private final Map<String, Consents.Consent> consents;
    private final Map<String, Withdrawal.Level> withdrawals;
    private final Map<String, String> interviewOfTranscript;

    private ParticipantStatus(
            Map<String, String> interviewOfTranscript,
            Map<String, String> participantOfInterview,
            Map<String, Integer> tiers,
            Map<String, Consents.Consent> consents,
            Map<String, Withdrawal.Level> withdrawals) {
        this.participantOfInterview = participantOfInterview;
        this.tiers = tiers;
        this.consents = consents;
        this.withdrawals = withdrawals;
        this.interviewOfTranscript = interviewOfTranscript;
    }

    /** Reads the status of every participant in the caller's transaction. */
    public static ParticipantStatus read(Connection c, Store store) throws SQLException {
        return new ParticipantStatus(
                ProtectTables.transcriptInterviews(c),
                ProtectTables.participants(c, store),
                ProtectTables.tiers(c, store),
                ProtectTables.consents(c, store),
                ProtectTables.withdrawals(c));
    }

    /** The participant of an interview (empty when the interview is not recorded). */
    public Optional<String> participantOf(String interviewId) {
        return Optional.ofNullable(participantOfInterview.get(interviewId));
    }

    /** Whether the interview's participant is in the survivor tier; an unknown tier counts as survivor. */
    public boolean survivor(String interviewId) {
        Integer tier = participantOf(interviewId).map(tiers::get).orElse(null);
        return tier == null || tier == SURVIVOR_TIER;
    }

    /** Whether a participant withdrew so far that nothing built from now on may contain them. */
    public boolean excludedParticipant(String participantId) {
        Withdrawal.Level l = withdrawals.get(participantId);
        return l != null && l.excludesFromOutputs();
    }

    /** Whether the interview's participant is excluded from outputs (an unrecorded interview is). */
    public boolean excluded(String interviewId) {
        return participantOf(interviewId).map(this::excludedParticipant).orElse(true);
    }

    /** Whether a stored transcript (by its database ID) belongs to a participant excluded from outputs. */
    public boolean excludedTranscript(String transcriptId) {
        String interview = interviewOfTranscript.get(transcriptId);
        return interview == null || excluded(interview);
    }

    /** Whether the interview's participant consented to quotes (and has not withdrawn). */
    public boolean quotesAllowed(String interviewId) {
        return !excluded(interviewId)
                && participantOf(interviewId)
                        .map(consents::get)
                        .map(Consents.Consent::quotes)
                        .orElse(false);
    }

    /** Whether a participant consented to archiving (and has not withdrawn). */
    public boolean archivingAllowed(String participantId) {
        return !excludedParticipant(participantId)
                && Optional.ofNullable(consents.get(participantId))
                        .map(Consents.Consent::archiving)
                        .orElse(false);
    }

    /** Whether a participant may be contacted again: consent to re-contact and no withdrawal at all. */
    public boolean contactAllowed(String participantId) {
        return !withdrawals.containsKey(participantId)
                && Optional.ofNullable(consents.get(participantId))
                        .map(Consents.Consent::recontact)
                        .orElse(false);
    }

    /** Participants excluded from every output built from now on. */
    public Set<String> excludedParticipants() {
        return withdrawals.entrySet().stream()
                .filter(e -> e.getValue().excludesFromOutputs())
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}

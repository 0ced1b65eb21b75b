package org.tfeval.study.protect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.store.Store;
import org.tfeval.store.WordSeal;
import org.tfeval.store.qual.CodingScreenTables;
import org.tfeval.store.qual.DeidTables;
import org.tfeval.study.audit.AuditEvents;

/**
 * The study's word seal: survivors' and community members' rendered transcript text and the memos on
 * their words are stored sealed under the participant's own key ({@link ParticipantKeys}), so a
 * removal that destroys the key leaves no readable copy in backups or the write-ahead log.
 * Professionals' words stay plain; a participant without a recorded tier counts as a survivor.
 *
 * <p>{@link #upgrade} is the study-open step that seals rows stored plain before this existed (the
 * keys are outside the database, so a SQL migration cannot); it records one audit event with the
 * counts, never the words.
 */
public final class SealedWords implements WordSeal {
    /** The professional tier's code: the one tier whose words stay plain. */
    static final int PROFESSIONAL_TIER = 1;

    private final Path studyDir;
    private final Store store;
    private volatile ParticipantKeys keys;

    private SealedWords(Path studyDir, Store store) {
        this.studyDir = studyDir;
        this.store = store;
    }

    /** The word seal of a study folder and its store (the key store is opened on first use). */
    public static SealedWords of(Path studyDir, Store store) {
        return new SealedWords(Objects.requireNonNull(studyDir, "studyDir"), Objects.requireNonNull(store, "store"));
    }

    private ParticipantKeys keys() {
        ParticipantKeys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) keys = ParticipantKeys.of(studyDir);
                k = keys;
            }
        }
        return k;
    }

    /** Whether the participant's key was destroyed by a removal (their rows await the withdrawal register). */
    boolean removed(String participantId) {
        return keys().destroyed(participantId);
    }

    @Override
    public boolean seals(Connection c, String participantId) throws SQLException {
        if (store.instrument().findForm("participant").isEmpty()) return true;
        Map<String, Integer> tiers = ProtectTables.tiers(c, store);
        Integer tier = tiers.get(participantId);
        return tier == null || tier != PROFESSIONAL_TIER;
    }

    @Override
    public byte[] seal(String participantId, String purpose, String text) {
        return keys().seal(participantId, purpose, text);
    }

    @Override
    public String open(String participantId, String purpose, byte[] sealed) {
        return keys().openText(participantId, purpose, sealed);
    }

    /** What {@link #upgrade} sealed. */
    public record Upgraded(int transcripts, int memos) {}

    /**
     * Seals every rendered text and memo still stored plain whose participant's tier is sealed; one
     * audit event ({@code words_sealed}) when anything was sealed. Rows of a participant whose key was
     * destroyed are left for the withdrawal register to delete (a study restored from an older backup).
     * The rows are locked, so two processes opening the study at once seal each row once.
     */
    public static Upgraded upgrade(Store store) {
        try {
            return store.tx(c -> {
                if (!(WordSeal.on(c).orElse(null) instanceof SealedWords) || !hasTable(c)) return new Upgraded(0, 0);
                SealedWords words = (SealedWords) WordSeal.required(c);
                int transcripts = 0;
                List<long[]> plain = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT t.id FROM qual_transcript t JOIN"
                                + " qual_transcript_original o ON o.transcript_id = t.id"
                                + " WHERE t.text IS NOT NULL AND t.sealed_text IS NULL ORDER BY t.id FOR UPDATE OF t");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) plain.add(new long[] {rs.getLong(1)});
                }
                for (long[] row : plain) {
                    String pid = DeidTables.sealedFor(c, row[0]);
                    if (pid == null || words.removed(pid)) continue;
                    try (PreparedStatement ps = c.prepareStatement("UPDATE qual_transcript SET sealed_for = ?,"
                            + " sealed_text = ?, text = NULL WHERE id = ?")) {
                        ps.setString(1, pid);
                        ps.setBytes(2, WordSeal.required(c).seal(pid, WordSeal.RENDERED, text(c, row[0])));
                        ps.setLong(3, row[0]);
                        ps.executeUpdate();
                    }
                    transcripts++;
                }
                int memos = 0;
                List<Object[]> plainMemos = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                                "SELECT id, participant_id, transcript_id, body"
                                        + " FROM qual_memo WHERE sealed_body IS NULL AND target <> 'code' ORDER BY id FOR UPDATE");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long t = rs.getLong(3);
                        plainMemos.add(
                                new Object[] {rs.getLong(1), rs.getString(2), rs.wasNull() ? null : t, rs.getString(4)
                                });
                    }
                }
                for (Object[] m : plainMemos) {
                    String pid = CodingScreenTables.memoSealedFor(c, (String) m[1], (Long) m[2]);
                    if (pid == null || words.removed(pid)) continue;
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE qual_memo SET sealed_for = ?, sealed_body = ?, body = NULL WHERE id = ?")) {
                        ps.setString(1, pid);
                        ps.setBytes(2, WordSeal.required(c).seal(pid, WordSeal.MEMO, (String) m[3]));
                        ps.setLong(3, (Long) m[0]);
                        ps.executeUpdate();
                    }
                    memos++;
                }
                if (transcripts + memos > 0) {
                    AuditEvents.record(
                            c, "tfeval", "words_sealed", "interview", "transcripts", transcripts, "memos", memos);
                }
                return new Upgraded(transcripts, memos);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the stored transcript words", e);
        }
    }

    private static boolean hasTable(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('qual_transcript') IS NOT NULL"
                        + " AND to_regclass('qual_memo') IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String text(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT text FROM qual_transcript WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}

package org.tfeval.store.qual;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tfeval.qual.text.Span;
import org.tfeval.store.WordSeal;

/**
 * The web coding screen's tables (migration V720): speaker turns with their labels, one coder's codings of a
 * transcript with the version they were saved against, removals, memos, and coders' assignments.
 */
public final class CodingScreenTables {
    private CodingScreenTables() {}

    /** A speaker turn as the screen shows it. */
    public record TurnRow(int seq, String speaker, Span span) {}

    /** One coding as the screen lists it. */
    public record CodingRow(String guid, long transcriptId, Span span, String code, String coder, Integer round) {}

    /**
     * A memo.
     *
     * @param id            its number
     * @param target        segment, code, transcript or participant
     * @param transcriptId  the transcript version (segment and transcript memos), or null
     * @param interviewId   the interview (segment and transcript memos), or null
     * @param participantId the participant (participant memos), or null
     * @param span          the segment (segment memos), or null
     * @param code          the code's GUID (code memos), or null
     * @param author        who wrote it
     * @param body          its words
     * @param version       1, then one more per edit
     * @param updatedAt     when it was last saved
     */
    public record MemoRow(
            long id,
            String target,
            Long transcriptId,
            String interviewId,
            String participantId,
            Span span,
            String code,
            String author,
            String body,
            int version,
            Instant updatedAt) {}

    /** An assignment of a coder to an interview's transcripts. */
    public record AssignmentRow(String interviewId, String coder, String assignedBy, Instant assignedAt) {}

    public static List<TurnRow> turns(Connection c, long transcriptId) throws SQLException {
        List<TurnRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, speaker, start_cp, end_cp FROM qual_turn WHERE transcript_id = ? ORDER BY start_cp")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    out.add(new TurnRow(rs.getInt(1), rs.getString(2), new Span(rs.getInt(3), rs.getInt(4))));
            }
        }
        return out;
    }

    /** A coder's codings of a transcript version, in text order. */
    public static List<CodingRow> codings(Connection c, long transcriptId, String coder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT guid, transcript_id, start_cp, end_cp, code, coder,"
                + " round_id FROM qual_coding WHERE transcript_id = ? AND coder = ? ORDER BY start_cp, end_cp, guid")) {
            ps.setLong(1, transcriptId);
            ps.setString(2, coder);
            return codingRows(ps);
        }
    }

    public static Optional<CodingRow> coding(Connection c, String guid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT guid, transcript_id, start_cp, end_cp, code, coder,"
                + " round_id FROM qual_coding WHERE guid = ?")) {
            ps.setObject(1, UUID.fromString(guid));
            List<CodingRow> rows = codingRows(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    private static List<CodingRow> codingRows(PreparedStatement ps) throws SQLException {
        List<CodingRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int round = rs.getInt(7);
                out.add(new CodingRow(
                        rs.getString(1),
                        rs.getLong(2),
                        new Span(rs.getInt(3), rs.getInt(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.wasNull() ? null : round));
            }
        }
        return out;
    }

    /** Deletes a coding (a removal on the coding screen); returns whether it existed. */
    public static boolean deleteCoding(Connection c, String guid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM qual_coding WHERE guid = ?")) {
            ps.setObject(1, UUID.fromString(guid));
            return ps.executeUpdate() > 0;
        }
    }

    /** Whether a reliability round is closed (its codings are then final). */
    public static boolean roundClosed(Connection c, int round) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM qual_round WHERE id = ?")) {
            ps.setInt(1, round);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "closed".equals(rs.getString(1));
            }
        }
    }

    /** The open reliability round that assigns this coder this transcript version, if any (its codings belong to it). */
    public static Optional<Integer> openRound(Connection c, long transcriptId, String coder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.round_id FROM qual_round_assignment a"
                + " JOIN qual_round r ON r.id = a.round_id WHERE a.transcript_id = ? AND a.coder = ?"
                + " AND r.status = 'open' ORDER BY a.round_id DESC LIMIT 1")) {
            ps.setLong(1, transcriptId);
            ps.setString(2, coder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    /** The version of a coder's codings of a transcript version, locked until the transaction ends (0 when none). */
    public static int lockVersion(Connection c, long transcriptId, String interviewId, String coder)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_coding_version (transcript_id, interview_id,"
                + " coder, version) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, transcriptId);
            ps.setString(2, interviewId);
            ps.setString(3, coder);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version FROM qual_coding_version" + " WHERE transcript_id = ? AND coder = ? FOR UPDATE")) {
            ps.setLong(1, transcriptId);
            ps.setString(2, coder);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * What a transcript's residual scan depends on besides its (immutable) text: the roster (entries are only
     * added or removed), the task forces' names and the rendered spans reviewers rejected. Equal fingerprints,
     * equal scans.
     */
    public static String scanFingerprint(Connection c, org.tfeval.store.Store store, long transcriptId)
            throws SQLException {
        String tf = store.table("task_force").table();
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) || ':' || coalesce(max(id), 0)"
                + " FROM qual_deid_roster) || '/' || (SELECT count(*) FROM " + tf + ") || '/' || (SELECT"
                + " count(*) || ':' || coalesce(sum(rendered_start + 7 * rendered_end), 0) FROM qual_deid_suggestion"
                + " WHERE transcript_id = ? AND status = 'rejected' AND rendered_start IS NOT NULL)")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The version of a coder's codings of a transcript version (0 when none was saved). */
    public static int version(Connection c, long transcriptId, String coder) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT version FROM qual_coding_version WHERE transcript_id = ? AND coder = ?")) {
            ps.setLong(1, transcriptId);
            ps.setString(2, coder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Sets the version after a change (the row was locked by {@link #lockVersion}). */
    public static void setVersion(Connection c, long transcriptId, String coder, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE qual_coding_version SET version = ? WHERE transcript_id = ? AND coder = ?")) {
            ps.setInt(1, version);
            ps.setLong(2, transcriptId);
            ps.setString(3, coder);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ memos

    static final String MEMO_COLUMNS = "id, target, transcript_id, interview_id, participant_id, start_cp,"
            + " end_cp, code, author, body, version, updated_at, sealed_for, sealed_body";

    /** An author's memos that belong on a transcript's screen: its segments', its own, its participant's, and every code's. */
    public static List<MemoRow> memos(Connection c, long transcriptId, String participantId, String author)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMO_COLUMNS + " FROM qual_memo WHERE author = ?"
                + " AND (transcript_id = ? OR participant_id = ? OR target = 'code') ORDER BY id")) {
            ps.setString(1, author);
            ps.setLong(2, transcriptId);
            ps.setString(3, participantId);
            return memoRows(c, ps);
        }
    }

    public static Optional<MemoRow> memo(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + MEMO_COLUMNS + " FROM qual_memo WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            List<MemoRow> rows = memoRows(c, ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    private static List<MemoRow> memoRows(Connection c, PreparedStatement ps) throws SQLException {
        List<MemoRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(memoRow(c, rs));
        }
        return out;
    }

    /** The memo of a result row whose first columns are {@link #MEMO_COLUMNS}, its body unsealed. */
    static MemoRow memoRow(Connection c, ResultSet rs) throws SQLException {
        long t = rs.getLong(3);
        Long transcript = rs.wasNull() ? null : t;
        int s = rs.getInt(6);
        boolean noSpan = rs.wasNull();
        int e = rs.getInt(7);
        return new MemoRow(
                rs.getLong(1),
                rs.getString(2),
                transcript,
                rs.getString(4),
                rs.getString(5),
                noSpan ? null : new Span(s, e),
                rs.getString(8),
                rs.getString(9),
                memoBody(c, rs.getString(10), rs.getString(13), rs.getBytes(14)),
                rs.getInt(11),
                rs.getTimestamp(12).toInstant());
    }

    /** Stores a new memo (version 1); returns its number. */
    public static long insertMemo(Connection c, MemoRow m, Instant at) throws SQLException {
        String sealedFor = memoSealedFor(c, m.participantId(), m.transcriptId());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_memo (target, transcript_id, interview_id,"
                + " participant_id, start_cp, end_cp, code, author, body, version, created_at, updated_at,"
                + " sealed_for, sealed_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, m.target());
            if (m.transcriptId() == null) ps.setNull(2, Types.BIGINT);
            else ps.setLong(2, m.transcriptId());
            ps.setString(3, m.interviewId());
            ps.setString(4, m.participantId());
            if (m.span() == null) {
                ps.setNull(5, Types.INTEGER);
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(5, m.span().start());
                ps.setInt(6, m.span().end());
            }
            if (m.code() == null) ps.setNull(7, Types.OTHER);
            else ps.setObject(7, UUID.fromString(m.code()));
            ps.setString(8, m.author());
            ps.setTimestamp(10, Timestamp.from(at));
            ps.setTimestamp(11, Timestamp.from(at));
            bindBody(c, ps, 9, 12, 13, sealedFor, m.body());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Replaces a memo's words and bumps its version. */
    public static void updateMemo(Connection c, long id, String body, Instant at) throws SQLException {
        String sealedFor = null;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT participant_id, transcript_id FROM qual_memo WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long t = rs.getLong(2);
                    sealedFor = memoSealedFor(c, rs.getString(1), rs.wasNull() ? null : t);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_memo SET body = ?, version = version + 1,"
                + " updated_at = ?, sealed_for = ?, sealed_body = ? WHERE id = ?")) {
            ps.setTimestamp(2, Timestamp.from(at));
            bindBody(c, ps, 1, 3, 4, sealedFor, body);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /**
     * The participant under whose key a memo's words are sealed, or null for plain: a participant memo's
     * participant, or the participant of the transcript a segment or transcript memo is on, when their
     * tier is sealed. Code memos are about the codebook and stay plain.
     */
    public static String memoSealedFor(Connection c, String participantId, Long transcriptId) throws SQLException {
        if (participantId != null) {
            java.util.Optional<WordSeal> w = WordSeal.on(c);
            return w.isPresent() && w.get().seals(c, participantId) ? participantId : null;
        }
        return transcriptId == null ? null : DeidTables.sealedFor(c, transcriptId);
    }

    /** A memo's words: the plain column, or the sealed blob opened with its participant's key. */
    static String memoBody(Connection c, String plain, String sealedFor, byte[] sealed) throws SQLException {
        return sealed == null ? plain : WordSeal.required(c).open(sealedFor, WordSeal.MEMO, sealed);
    }

    /** Binds a memo's words: plain, or sealed under {@code sealedFor}'s key (then the plain column is null). */
    static void bindBody(
            Connection c, PreparedStatement ps, int bodyAt, int forAt, int sealedAt, String sealedFor, String body)
            throws SQLException {
        if (sealedFor == null) {
            ps.setString(bodyAt, body);
            ps.setNull(forAt, Types.VARCHAR);
            ps.setNull(sealedAt, Types.BINARY);
        } else {
            ps.setNull(bodyAt, Types.VARCHAR);
            ps.setString(forAt, sealedFor);
            ps.setBytes(sealedAt, WordSeal.required(c).seal(sealedFor, WordSeal.MEMO, body));
        }
    }

    public static void deleteMemo(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM qual_memo WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ assignments

    /** Every direct assignment (reliability rounds assign on their own), by interview then coder. */
    public static List<AssignmentRow> assignments(Connection c) throws SQLException {
        List<AssignmentRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT interview_id, coder, assigned_by, assigned_at"
                        + " FROM protect_assignment ORDER BY interview_id, coder");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next())
                out.add(new AssignmentRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
        }
        return out;
    }

    /** Removes a direct assignment; returns whether it existed. */
    public static boolean unassign(Connection c, String interviewId, String coder) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM protect_assignment WHERE interview_id = ? AND coder = ?")) {
            ps.setString(1, interviewId);
            ps.setString(2, coder);
            return ps.executeUpdate() > 0;
        }
    }
}

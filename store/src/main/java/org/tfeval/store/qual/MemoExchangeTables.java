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
import java.util.Objects;
import java.util.UUID;
import org.tfeval.qual.text.Span;

/** Memos (table qual_memo, V720) with the GUID they are exchanged under in REFI-QDA projects (V770). */
public final class MemoExchangeTables {
    private MemoExchangeTables() {}

    /**
     * A memo as it travels.
     *
     * @param guid          its exchange GUID
     * @param target        segment, code, transcript or participant
     * @param transcriptId  the transcript version (segment and transcript memos), or null
     * @param interviewId   the interview (segment and transcript memos), or null
     * @param participantId the participant (participant memos), or null
     * @param span          the segment (segment memos), or null
     * @param code          the code's GUID (code memos), or null
     * @param author        who wrote it
     * @param body          its words
     */
    public record ExchangedMemo(
            String guid,
            String target,
            Long transcriptId,
            String interviewId,
            String participantId,
            Span span,
            String code,
            String author,
            String body) {
        public ExchangedMemo {
            Objects.requireNonNull(guid, "guid");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Every memo, oldest first. */
    public static List<ExchangedMemo> all(Connection c) throws SQLException {
        List<ExchangedMemo> out = new ArrayList<>();
        // the columns the coding screen reads, then the exchange GUID: one mapping of a memo row
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + CodingScreenTables.MEMO_COLUMNS + ", guid FROM qual_memo ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                CodingScreenTables.MemoRow m = CodingScreenTables.memoRow(c, rs);
                out.add(new ExchangedMemo(
                        rs.getString(15),
                        m.target(),
                        m.transcriptId(),
                        m.interviewId(),
                        m.participantId(),
                        m.span(),
                        m.code(),
                        m.author(),
                        m.body()));
            }
        }
        return out;
    }

    /** Stores an imported memo (version 1) under its exchange GUID. */
    public static void insert(Connection c, ExchangedMemo m, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_memo (guid, target, transcript_id,"
                + " interview_id, participant_id, start_cp, end_cp, code, author, body, version, created_at,"
                + " updated_at, sealed_for, sealed_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.fromString(m.guid()));
            ps.setString(2, m.target());
            if (m.transcriptId() == null) ps.setNull(3, Types.BIGINT);
            else ps.setLong(3, m.transcriptId());
            ps.setString(4, m.interviewId());
            ps.setString(5, m.participantId());
            if (m.span() == null) {
                ps.setNull(6, Types.INTEGER);
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(6, m.span().start());
                ps.setInt(7, m.span().end());
            }
            if (m.code() == null) ps.setNull(8, Types.OTHER);
            else ps.setObject(8, UUID.fromString(m.code()));
            ps.setString(9, m.author());
            // a survivor's or community member's memo is sealed under their key, as the coding screen stores it
            String sealedFor = CodingScreenTables.memoSealedFor(c, m.participantId(), m.transcriptId());
            CodingScreenTables.bindBody(c, ps, 10, 13, 14, sealedFor, m.body());
            ps.setTimestamp(11, Timestamp.from(at));
            ps.setTimestamp(12, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}

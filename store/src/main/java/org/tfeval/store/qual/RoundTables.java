package org.tfeval.store.qual;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tfeval.qual.agreement.CodedSpan;
import org.tfeval.qual.text.Span;

/** A reliability round's life (migration V730): who opened and closed it, the frozen figures, the adjudication. */
public final class RoundTables {
    private RoundTables() {}

    /**
     * One round as listed.
     *
     * @param id              its number
     * @param codebookVersion the codebook version it was coded on
     * @param status          open or closed
     * @param openedBy        who opened it (null for rounds before V730)
     * @param openedAt        when
     * @param closedAt        when it closed, or null
     * @param adjudicatedAt   when its consensus was written, or null
     * @param transcripts     transcripts in its sample
     * @param coders          its coders, in name order
     * @param decisions       adjudication decisions recorded
     * @param figuresJson     the figures frozen at close (JSON), or null
     */
    public record Round(
            int id,
            int codebookVersion,
            String status,
            String openedBy,
            Instant openedAt,
            Instant closedAt,
            Instant adjudicatedAt,
            int transcripts,
            List<String> coders,
            int decisions,
            String figuresJson) {
        public Round {
            coders = List.copyOf(coders);
        }

        public boolean open() {
            return "open".equals(status);
        }
    }

    /** One recorded decision. */
    public record Decision(
            long transcriptId, String code, Span region, String decision, String adjudicator, String reason) {}

    public static void opened(Connection c, int round, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE qual_round SET opened_by = ?, opened_at = ? WHERE id = ?")) {
            ps.setString(1, actor);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setInt(3, round);
            ps.executeUpdate();
        }
    }

    /** Closes an open round with its figures; false when it was not open. */
    public static boolean close(Connection c, int round, String figuresJson, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_round SET status = 'closed', closed_by = ?,"
                + " closed_at = ?, figures = ?::jsonb WHERE id = ? AND status = 'open'")) {
            ps.setString(1, actor);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, figuresJson);
            ps.setInt(4, round);
            return ps.executeUpdate() == 1;
        }
    }

    public static void adjudicated(Connection c, int round, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE qual_round SET adjudicated_by = ?, adjudicated_at = ? WHERE id = ?")) {
            ps.setString(1, actor);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setInt(3, round);
            ps.executeUpdate();
        }
    }

    /** Every round, oldest first. */
    public static List<Round> list(Connection c) throws SQLException {
        return rounds(c, null);
    }

    public static Optional<Round> round(Connection c, int id) throws SQLException {
        List<Round> r = rounds(c, id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private static List<Round> rounds(Connection c, Integer id) throws SQLException {
        String sql = "SELECT r.id, r.codebook_version, r.status, r.opened_by, r.opened_at, r.closed_at,"
                + " r.adjudicated_at, (SELECT count(DISTINCT transcript_id) FROM qual_round_assignment a"
                + " WHERE a.round_id = r.id), (SELECT array_agg(DISTINCT coder ORDER BY coder) FROM"
                + " qual_round_assignment a WHERE a.round_id = r.id), (SELECT count(*) FROM qual_adjudication d"
                + " WHERE d.round_id = r.id), r.figures::text FROM qual_round r"
                + (id == null ? "" : " WHERE r.id = ?") + " ORDER BY r.id";
        List<Round> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array coders = rs.getArray(9);
                    out.add(new Round(
                            rs.getInt(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            instant(rs.getTimestamp(5)),
                            instant(rs.getTimestamp(6)),
                            instant(rs.getTimestamp(7)),
                            rs.getInt(8),
                            coders == null ? List.of() : Arrays.asList((String[]) coders.getArray()),
                            rs.getInt(10),
                            rs.getString(11)));
                }
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A round's blind codings, the code as its GUID. */
    public static List<CodedSpan> codingsByGuid(Connection c, int round) throws SQLException {
        List<CodedSpan> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT transcript_id, coder, code, start_cp, end_cp FROM"
                + " qual_coding WHERE round_id = ? ORDER BY transcript_id, coder, start_cp")) {
            ps.setInt(1, round);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CodedSpan(
                            Long.toString(rs.getLong(1)),
                            rs.getString(2),
                            rs.getString(3),
                            new Span(rs.getInt(4), rs.getInt(5))));
                }
            }
        }
        return out;
    }

    /** Records (or, before the consensus is written, replaces) a decision. */
    public static void decide(Connection c, int round, Decision d, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_adjudication (round_id, transcript_id, code,"
                + " start_cp, end_cp, decision, adjudicator, reason, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (round_id, transcript_id, code, start_cp, end_cp) DO UPDATE SET decision ="
                + " EXCLUDED.decision, adjudicator = EXCLUDED.adjudicator, reason = EXCLUDED.reason, decided_at ="
                + " EXCLUDED.decided_at")) {
            ps.setInt(1, round);
            ps.setLong(2, d.transcriptId());
            ps.setObject(3, UUID.fromString(d.code()));
            ps.setInt(4, d.region().start());
            ps.setInt(5, d.region().end());
            ps.setString(6, d.decision());
            ps.setString(7, d.adjudicator());
            ps.setString(8, d.reason());
            ps.setTimestamp(9, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    public static List<Decision> decisions(Connection c, int round) throws SQLException {
        List<Decision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT transcript_id, code, start_cp, end_cp, decision,"
                + " adjudicator, reason FROM qual_adjudication WHERE round_id = ? ORDER BY transcript_id, code,"
                + " start_cp")) {
            ps.setInt(1, round);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Decision(
                            rs.getLong(1),
                            rs.getString(2),
                            new Span(rs.getInt(3), rs.getInt(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }
}

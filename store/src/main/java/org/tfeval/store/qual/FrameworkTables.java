package org.tfeval.store.qual;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The framework matrix's summaries (migration V771): one row per saved version of a participant x code cell. */
public final class FrameworkTables {
    private FrameworkTables() {}

    /**
     * A saved summary.
     *
     * @param participantId the participant
     * @param code          the code's GUID
     * @param version       1, then one more per save
     * @param summary       the analyst's words
     * @param author        who saved it
     * @param savedAt       when
     */
    public record Summary(
            String participantId, String code, int version, String summary, String author, Instant savedAt) {
        public Summary {
            Objects.requireNonNull(participantId, "participantId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(savedAt, "savedAt");
        }
    }

    /** Saves a new version of a cell (locking its earlier versions); returns the version number. */
    public static int save(Connection c, String participantId, String code, String summary, String author, Instant at)
            throws SQLException {
        int version = 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM"
                + " (SELECT version FROM qual_framework_summary WHERE participant_id = ? AND code = ? FOR UPDATE) v")) {
            ps.setString(1, participantId);
            ps.setObject(2, UUID.fromString(code));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getInt(1) + 1;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_framework_summary (participant_id, code,"
                + " version, summary, author, saved_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, participantId);
            ps.setObject(2, UUID.fromString(code));
            ps.setInt(3, version);
            ps.setString(4, summary);
            ps.setString(5, author);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
        return version;
    }

    /** The newest version of every cell. */
    public static List<Summary> latest(Connection c) throws SQLException {
        return read(
                c,
                "SELECT DISTINCT ON (participant_id, code) participant_id, code, version, summary, author,"
                        + " saved_at FROM qual_framework_summary ORDER BY participant_id, code, version DESC");
    }

    /** Every version of one cell, oldest first. */
    public static List<Summary> history(Connection c, String participantId, String code) throws SQLException {
        List<Summary> out = new ArrayList<>();
        for (Summary s : read(
                c,
                "SELECT participant_id, code, version, summary, author, saved_at"
                        + " FROM qual_framework_summary ORDER BY participant_id, code, version")) {
            if (s.participantId().equals(participantId) && s.code().equals(code)) out.add(s);
        }
        return out;
    }

    private static List<Summary> read(Connection c, String sql) throws SQLException {
        List<Summary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Summary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant()));
            }
        }
        return out;
    }
}

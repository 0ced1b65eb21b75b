package org.tfeval.store.qual;

import java.sql.Array;
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
import org.tfeval.qual.text.Span;

/**
 * The codebook's history and what it does to stored codings (migration V730): versions with their kind and
 * detail, codings moved by a merge or split (each remembering its first code), the split review list.
 * Blind codings of reliability rounds never move: a round is tied to the codebook version it was coded on.
 */
public final class CodebookTables {
    private CodebookTables() {}

    /**
     * One recorded version.
     *
     * @param version      the version this change made
     * @param kind         add, rename, move, merge, split, retire, import (legacy for rows before V730)
     * @param description  what changed, in words (code names, never transcript text)
     * @param detailJson   the change's detail as JSON
     * @param codingsMoved codings the change moved to another code
     * @param changedBy    who
     * @param changedAt    when
     */
    public record Change(
            int version,
            String kind,
            String description,
            String detailJson,
            int codingsMoved,
            String changedBy,
            Instant changedAt) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(description, "description");
        }
    }

    /** An ordinary (non-round) coding of a code, with the transcript it sits on. */
    public record Placed(String guid, long transcriptId, Span span) {}

    /** A coding waiting on the split review list. */
    public record Waiting(String coding, int version, long transcriptId, Span span, String code) {}

    /** The current codebook version: the number of the newest recorded change (0 before any). */
    public static int version(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(max(version), 0) FROM qual_codebook_change");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Records the next version; returns its number. */
    public static int record(Connection c, String kind, String description, String detailJson, String actor, Instant at)
            throws SQLException {
        int v = version(c) + 1;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_codebook_change (version, change, changed_by,"
                + " changed_at, kind, detail) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setInt(1, v);
            ps.setString(2, description);
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, kind);
            ps.setString(6, detailJson);
            ps.executeUpdate();
        }
        return v;
    }

    /** Sets how many codings a version moved. */
    public static void setMoved(Connection c, int version, int moved) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE qual_codebook_change SET codings_moved = ? WHERE version = ?")) {
            ps.setInt(1, moved);
            ps.setInt(2, version);
            ps.executeUpdate();
        }
    }

    /** Every version, oldest first. */
    public static List<Change> history(Connection c) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version, kind, change, detail::text, codings_moved,"
                        + " changed_by, changed_at FROM qual_codebook_change ORDER BY version");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Change(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()));
            }
        }
        return out;
    }

    /** Moves every ordinary coding of the {@code from} codes to {@code into}; returns how many moved. */
    public static int moveAll(Connection c, List<String> from, String into, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_coding SET original_code = COALESCE(original_code,"
                + " code), code = ?, moved_in_version = ? WHERE code = ANY (?) AND round_id IS NULL")) {
            ps.setObject(1, UUID.fromString(into));
            ps.setInt(2, version);
            Array a =
                    c.createArrayOf("uuid", from.stream().map(UUID::fromString).toArray());
            ps.setArray(3, a);
            return ps.executeUpdate();
        }
    }

    /** Moves one ordinary coding to another code. */
    public static void move(Connection c, String coding, String into, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_coding SET original_code = COALESCE(original_code,"
                + " code), code = ?, moved_in_version = ? WHERE guid = ? AND round_id IS NULL")) {
            ps.setObject(1, UUID.fromString(into));
            ps.setInt(2, version);
            ps.setObject(3, UUID.fromString(coding));
            if (ps.executeUpdate() != 1) throw new SQLException("no ordinary coding " + coding, "02000");
        }
    }

    /** The ordinary codings of a code. */
    public static List<Placed> codingsOf(Connection c, String code) throws SQLException {
        List<Placed> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT guid, transcript_id, start_cp, end_cp FROM qual_coding"
                + " WHERE code = ? AND round_id IS NULL ORDER BY transcript_id, start_cp, guid")) {
            ps.setObject(1, UUID.fromString(code));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Placed(rs.getString(1), rs.getLong(2), new Span(rs.getInt(3), rs.getInt(4))));
                }
            }
        }
        return out;
    }

    /** Puts a coding of a split code on the review list. */
    public static void awaitSort(Connection c, String coding, int version) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO qual_split_review (coding, change_version) VALUES (?, ?)")) {
            ps.setObject(1, UUID.fromString(coding));
            ps.setInt(2, version);
            ps.executeUpdate();
        }
    }

    /** The codings still waiting to be sorted after a split. */
    public static List<Waiting> waiting(Connection c) throws SQLException {
        List<Waiting> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.coding, r.change_version, g.transcript_id,"
                        + " g.start_cp, g.end_cp, g.code FROM qual_split_review r JOIN qual_coding g ON g.guid ="
                        + " r.coding WHERE r.resolved_code IS NULL ORDER BY r.change_version, g.transcript_id,"
                        + " g.start_cp");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Waiting(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        new Span(rs.getInt(4), rs.getInt(5)),
                        rs.getString(6)));
            }
        }
        return out;
    }

    /** Marks a waiting coding as sorted into {@code code}; false when it was not waiting. */
    public static boolean resolve(Connection c, String coding, String code, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_split_review SET resolved_code = ?, resolved_by ="
                + " ?, resolved_at = ? WHERE coding = ? AND resolved_code IS NULL")) {
            ps.setObject(1, UUID.fromString(code));
            ps.setString(2, actor);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, UUID.fromString(coding));
            return ps.executeUpdate() > 0;
        }
    }
}

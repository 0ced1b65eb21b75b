package org.tfeval.store.qual;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.deid.Origin;
import org.tfeval.qual.deid.Roster;
import org.tfeval.qual.deid.Status;
import org.tfeval.qual.deid.Suggestion;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.Turn;
import org.tfeval.store.Store;
import org.tfeval.store.WordSeal;
import org.tfeval.store.schema.FormTable;

/**
 * The de-identification tables (migration V310) on a caller's connection and transaction. Sealed
 * values arrive and leave as bytes: the keys and the cryptography stay in the application layer.
 */
public final class DeidTables {
    private DeidTables() {}

    /** A transcript's sealed original: its canonical text and its turns' speaker labels (one per line). */
    public record SealedOriginal(String participantId, byte[] text, byte[] speakers) {}

    /** A stored suggestion with its row id. */
    public record Stored(long id, long transcriptId, Suggestion suggestion, String decidedBy) {}

    /** A stored roster entry: plain ({@code value}) or a participant's own, sealed under their key. */
    public record RosterRow(long id, Category category, String participantId, String value, byte[] sealed) {}

    /** One sealed entry of the key map. */
    public record KeyMapRow(String token, Category category, String participantId, byte[] sealed) {}

    public static void saveOriginal(Connection c, long transcriptId, SealedOriginal o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_transcript_original (transcript_id,"
                + " participant_id, sealed_text, sealed_speakers) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, transcriptId);
            ps.setString(2, o.participantId());
            ps.setBytes(3, o.text());
            ps.setBytes(4, o.speakers());
            ps.executeUpdate();
        }
    }

    public static Optional<SealedOriginal> original(Connection c, long transcriptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT participant_id, sealed_text, sealed_speakers FROM"
                + " qual_transcript_original WHERE transcript_id = ?")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SealedOriginal(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
                        : Optional.empty();
            }
        }
    }

    /** The full turns of a transcript version (speaker labels as stored). */
    public static List<Turn> turns(Connection c, long transcriptId) throws SQLException {
        List<Turn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, speaker, start_cp, end_cp, cue_start_ms, cue_end_ms"
                + " FROM qual_turn WHERE transcript_id = ? ORDER BY seq")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cs = rs.getLong(5);
                    boolean cue = !rs.wasNull();
                    long ce = rs.getLong(6);
                    out.add(new Turn(
                            rs.getInt(1),
                            rs.getString(2),
                            new Span(rs.getInt(3), rs.getInt(4)),
                            cue ? Duration.ofMillis(cs) : null,
                            cue ? Duration.ofMillis(ce) : null));
                }
            }
        }
        return out;
    }

    /** Stores the rendered text and the turns in its coordinates (refused by the database once codable). */
    public static void render(Connection c, long transcriptId, CanonicalText rendered, List<Turn> turns, String actor)
            throws SQLException {
        String sealedFor = sealedFor(c, transcriptId);
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_transcript SET text = ?, length = ?,"
                + " text_sha256 = ?, rendered_by = ?, reviewed_by = NULL, sealed_for = ?, sealed_text = ?"
                + " WHERE id = ?")) {
            if (sealedFor == null) {
                ps.setString(1, rendered.text());
                ps.setNull(5, Types.VARCHAR);
                ps.setNull(6, Types.BINARY);
            } else {
                ps.setNull(1, Types.VARCHAR);
                ps.setString(5, sealedFor);
                ps.setBytes(6, WordSeal.required(c).seal(sealedFor, WordSeal.RENDERED, rendered.text()));
            }
            ps.setInt(2, rendered.length());
            ps.setString(3, rendered.sha256());
            ps.setString(4, actor);
            ps.setLong(7, transcriptId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM qual_turn WHERE transcript_id = ?")) {
            ps.setLong(1, transcriptId);
            ps.executeUpdate();
        }
        QualTables.insertTurns(c, transcriptId, turns);
    }

    /**
     * The participant under whose key a transcript's rendered words are to be sealed, or null for plain
     * (no word seal on the connection, no sealed original, or a tier that is not sealed).
     */
    public static String sealedFor(Connection c, long transcriptId) throws SQLException {
        Optional<WordSeal> w = WordSeal.on(c);
        if (w.isEmpty()) return null;
        Optional<SealedOriginal> o = original(c, transcriptId);
        if (o.isEmpty()) return null;
        String participant = o.get().participantId();
        return w.get().seals(c, participant) ? participant : null;
    }

    /** Who rendered a transcript version, or null. */
    public static Optional<String> renderedBy(Connection c, long transcriptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rendered_by FROM qual_transcript WHERE id = ?")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public static void reviewedBy(Connection c, long transcriptId, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_transcript SET reviewed_by = ? WHERE id = ?")) {
            ps.setString(1, actor);
            ps.setLong(2, transcriptId);
            ps.executeUpdate();
        }
    }

    // ---- suggestions

    public static List<Stored> suggestions(Connection c, long transcriptId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(SELECT_SUGGESTION + " WHERE transcript_id = ? ORDER BY start_cp," + " end_cp, id")) {
            ps.setLong(1, transcriptId);
            return stored(ps);
        }
    }

    public static Optional<Stored> suggestion(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SUGGESTION + " WHERE id = ?")) {
            ps.setLong(1, id);
            List<Stored> out = stored(ps);
            return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
        }
    }

    /** Undecided suggestions citing a source (a roster entry) on transcripts still in state imported. */
    public static List<Stored> undecidedFrom(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SUGGESTION + " WHERE source = ? AND status = 'suggested'"
                + " AND transcript_id IN (SELECT id FROM qual_transcript WHERE state = 'imported')"
                + " ORDER BY transcript_id, start_cp")) {
            ps.setString(1, source);
            return stored(ps);
        }
    }

    private static final String SELECT_SUGGESTION = "SELECT id, transcript_id, start_cp, end_cp, category, origin,"
            + " source, status, decided_by FROM qual_deid_suggestion";

    private static List<Stored> stored(PreparedStatement ps) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Stored(
                        rs.getLong(1),
                        rs.getLong(2),
                        new Suggestion(
                                new Span(rs.getInt(3), rs.getInt(4)),
                                Category.of(rs.getString(5)),
                                Origin.of(rs.getString(6)),
                                rs.getString(7),
                                Status.of(rs.getString(8))),
                        rs.getString(9)));
            }
        }
        return out;
    }

    /** Drops a transcript's undecided suggestions (before suggesting again; decisions stay). */
    public static int dropUndecided(Connection c, long transcriptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM qual_deid_suggestion WHERE transcript_id = ? AND status = 'suggested'")) {
            ps.setLong(1, transcriptId);
            return ps.executeUpdate();
        }
    }

    /** Stores a suggestion; a decided one with who decided it and when. Returns its id. */
    public static long insert(Connection c, long transcriptId, Suggestion s, String decidedBy, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_deid_suggestion (transcript_id, start_cp,"
                + " end_cp, category, origin, source, status, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?) RETURNING id")) {
            ps.setLong(1, transcriptId);
            ps.setInt(2, s.span().start());
            ps.setInt(3, s.span().end());
            ps.setString(4, s.category().label());
            ps.setString(5, s.origin().label());
            ps.setString(6, s.source());
            ps.setString(7, s.status().label());
            boolean decided = s.status().decided();
            ps.setString(8, decided ? decidedBy : null);
            if (decided) ps.setTimestamp(9, Timestamp.from(at));
            else ps.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Records a decision on a suggestion: its status, and its span and category (changed when edited). */
    public static void decide(Connection c, long id, Suggestion decided, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_deid_suggestion SET start_cp = ?, end_cp = ?,"
                + " category = ?, status = ?, decided_by = ?, decided_at = ? WHERE id = ?")) {
            ps.setInt(1, decided.span().start());
            ps.setInt(2, decided.span().end());
            ps.setString(3, decided.category().label());
            ps.setString(4, decided.status().label());
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setLong(7, id);
            ps.executeUpdate();
        }
    }

    /** Counts of suggestions by transcript and status, for the status overview: {transcript, status, n}. */
    public static List<Object[]> statusCounts(Connection c) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT transcript_id, status, count(*) FROM"
                        + " qual_deid_suggestion GROUP BY transcript_id, status ORDER BY transcript_id, status");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3)});
        }
        return out;
    }

    /** Records where a suggestion's span landed in the rendered text. */
    public static void renderedAt(Connection c, long id, Span rendered) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE qual_deid_suggestion SET rendered_start = ?, rendered_end = ? WHERE id = ?")) {
            ps.setInt(1, rendered.start());
            ps.setInt(2, rendered.end());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** The rendered spans of a transcript's rejected suggestions (what the reviewer decided to keep). */
    public static List<Span> rejectedRendered(Connection c, long transcriptId) throws SQLException {
        List<Span> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT rendered_start, rendered_end FROM qual_deid_suggestion"
                + " WHERE transcript_id = ? AND status = 'rejected' AND rendered_start IS NOT NULL")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Span(rs.getInt(1), rs.getInt(2)));
            }
        }
        return out;
    }

    // ---- rosters

    public static long addRoster(
            Connection c, Category category, String participantId, String value, byte[] sealed, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_deid_roster (category, participant_id,"
                + " value, sealed_value, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, category.label());
            ps.setString(2, participantId);
            ps.setString(3, value);
            ps.setBytes(4, sealed);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static List<RosterRow> roster(Connection c) throws SQLException {
        List<RosterRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, category, participant_id, value, sealed_value FROM qual_deid_roster ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RosterRow(
                        rs.getLong(1), Category.of(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getBytes(5)));
            }
        }
        return out;
    }

    /** The task forces' names from the task-force form, as roster entries {@code TF_NAME:TF03}. */
    public static List<Roster.Entry> taskForceNames(Connection c, Store store) throws SQLException {
        List<Roster.Entry> out = new ArrayList<>();
        FormTable t = store.table("task_force");
        String name = SqlIdentifier.quote(FormTable.columnName("TF_NAME"));
        String id = SqlIdentifier.quote(FormTable.columnName("TF_ID"));
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + id + ", " + name + " FROM " + t.table() + " WHERE " + name
                        + " IS NOT NULL ORDER BY " + id)) {
            while (rs.next()) {
                String value = rs.getString(2);
                if (value.codePoints().filter(Character::isLetterOrDigit).count() >= Roster.MIN_LETTERS) {
                    out.add(new Roster.Entry("TF_NAME:" + rs.getString(1), value, Category.TASK_FORCE));
                }
            }
        }
        return out;
    }

    // ---- the key map

    /** Serialises token assignment for the transaction (tokens are numbered per category, study-wide). */
    public static void lockTokens(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE qual_deid_token IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    /** The token of a keyed hash of normalised words in a category, made (next number) when new. */
    public static String token(Connection c, Category category, String lookup) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT token FROM qual_deid_token WHERE category = ? AND lookup = ?")) {
            ps.setString(1, category.label());
            ps.setString(2, lookup);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return rs.getString(1);
            }
        }
        int seq;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT coalesce(max(seq), 0) + 1 FROM qual_deid_token WHERE category = ?")) {
            ps.setString(1, category.label());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        String token = category.token(seq);
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO qual_deid_token (token, category, seq, lookup) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, token);
            ps.setString(2, category.label());
            ps.setInt(3, seq);
            ps.setString(4, lookup);
            ps.executeUpdate();
        }
        return token;
    }

    /** Whether the key map holds a participant's original for a token. */
    public static boolean hasOriginal(Connection c, String token, String participantId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM qual_deid_token_original WHERE token = ? AND participant_id = ?")) {
            ps.setString(1, token);
            ps.setString(2, participantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static void saveOriginal(Connection c, String token, String participantId, byte[] sealed)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_deid_token_original (token, participant_id,"
                + " sealed) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, token);
            ps.setString(2, participantId);
            ps.setBytes(3, sealed);
            ps.executeUpdate();
        }
    }

    public static List<KeyMapRow> keyMap(Connection c) throws SQLException {
        List<KeyMapRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.token, t.category, o.participant_id, o.sealed FROM"
                        + " qual_deid_token_original o JOIN qual_deid_token t ON t.token = o.token"
                        + " ORDER BY t.category, t.seq, o.participant_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new KeyMapRow(rs.getString(1), Category.of(rs.getString(2)), rs.getString(3), rs.getBytes(4)));
            }
        }
        return out;
    }
}

package org.tfeval.store.qual;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.qual.agreement.CodedSpan;
import org.tfeval.qual.agreement.Source;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.ParsedTranscript;
import org.tfeval.qual.transcript.TranscriptState;
import org.tfeval.qual.transcript.Turn;
import org.tfeval.store.Store;
import org.tfeval.store.WordSeal;
import org.tfeval.store.schema.FormTable;

/** Reads and writes the qualitative tables (migration V300) on a caller's connection and transaction. */
public final class QualTables {
    private QualTables() {}

    /** A stored transcript version. */
    public record Transcript(long id, String interviewId, int version, CanonicalText text, TranscriptState state) {}

    /** A stored coding. */
    public record Coding(String guid, long transcriptId, Span span, String textHash, String code, String coder) {}

    /** Whether the interview form holds the interview. */
    public static boolean interviewExists(Connection c, Store store, String interviewId) throws SQLException {
        FormTable t = store.table("interview");
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + t.table() + " WHERE "
                + SqlIdentifier.quote(FormTable.columnName("INTERVIEW_ID")) + " = ?")) {
            ps.setString(1, interviewId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The newest version of an interview's transcript. */
    public static Optional<Transcript> latest(Connection c, String interviewId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, interview_id, version, text, state, sealed_for, sealed_text FROM qual_transcript"
                        + " WHERE interview_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, interviewId);
            List<Transcript> t = transcripts(c, ps);
            return t.isEmpty() ? Optional.empty() : Optional.of(t.get(0));
        }
    }

    /** The newest version of every interview's transcript, by interview. */
    public static List<Transcript> latestAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT ON (interview_id) id, interview_id, version, text, state, sealed_for, sealed_text FROM qual_transcript"
                        + " ORDER BY interview_id, version DESC")) {
            return transcripts(c, ps);
        }
    }

    private static List<Transcript> transcripts(Connection c, PreparedStatement ps) throws SQLException {
        List<Transcript> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Transcript(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        CanonicalText.verbatim(words(c, rs.getString(4), rs.getString(6), rs.getBytes(7))),
                        TranscriptState.ofLabel(rs.getString(5))));
            }
        }
        return out;
    }

    /** A transcript's rendered words: plain, or opened with the connection's word seal; empty before rendering. */
    static String words(Connection c, String plain, String sealedFor, byte[] sealed) {
        if (sealed == null) return plain == null ? "" : plain;
        return WordSeal.required(c).open(sealedFor, WordSeal.RENDERED, sealed);
    }

    /**
     * Stores a transcript version with its turns; returns its id. The words are not stored here: the
     * original goes sealed into {@link DeidTables#saveOriginal}, the rendered text comes with {@link
     * DeidTables#render}; until then {@code text} is NULL and the turns carry no speaker labels.
     */
    public static long insert(
            Connection c,
            String interviewId,
            int version,
            String fileName,
            ParsedTranscript t,
            String actor,
            Instant at)
            throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_transcript (interview_id, version, file_name,"
                + " format, file_sha256, text_sha256, original_sha256, text, length, state, imported_by, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?, ?) RETURNING id")) {
            ps.setString(1, interviewId);
            ps.setInt(2, version);
            ps.setString(3, fileName);
            ps.setString(4, t.format().extension());
            ps.setString(5, t.fileSha256());
            ps.setString(6, t.text().sha256());
            ps.setString(7, t.text().sha256());
            ps.setString(8, TranscriptState.IMPORTED.label());
            ps.setString(9, actor);
            ps.setTimestamp(10, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        insertTurns(
                c,
                id,
                t.turns().stream()
                        .map(turn -> new Turn(turn.index(), "", turn.span(), turn.cueStart(), turn.cueEnd()))
                        .toList());
        return id;
    }

    static void insertTurns(Connection c, long id, List<Turn> turns) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_turn (transcript_id, seq, speaker, start_cp,"
                + " end_cp, cue_start_ms, cue_end_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Turn turn : turns) {
                ps.setLong(1, id);
                ps.setInt(2, turn.index());
                ps.setString(3, turn.speaker());
                ps.setInt(4, turn.span().start());
                ps.setInt(5, turn.span().end());
                if (turn.cueStart() == null) {
                    ps.setNull(6, Types.BIGINT);
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(6, turn.cueStart().toMillis());
                    ps.setLong(7, turn.cueEnd().toMillis());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The SHA-256 of the original text of an interview's newest transcript version. */
    public static Optional<String> latestOriginalSha256(Connection c, String interviewId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT original_sha256 FROM qual_transcript"
                + " WHERE interview_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, interviewId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The participant of an interview (from the interview form). */
    public static Optional<String> participantOf(Connection c, Store store, String interviewId) throws SQLException {
        FormTable t = store.table("interview");
        try (PreparedStatement ps = c.prepareStatement("SELECT "
                + SqlIdentifier.quote(FormTable.columnName("PARTICIPANT_ID")) + " FROM " + t.table() + " WHERE "
                + SqlIdentifier.quote(FormTable.columnName("INTERVIEW_ID")) + " = ?")) {
            ps.setString(1, interviewId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Where a transcript version came from: the file's name and its SHA-256. */
    public record SourceFile(String fileName, String fileSha256) {}

    /** The source file of a transcript version. */
    public static SourceFile sourceFile(Connection c, long transcriptId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT file_name, file_sha256 FROM qual_transcript WHERE id = ?")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("no transcript " + transcriptId, "02000");
                return new SourceFile(rs.getString(1), rs.getString(2));
            }
        }
    }

    /** A transcript version by its id. */
    public static Optional<Transcript> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, interview_id, version, text, state, sealed_for, sealed_text FROM qual_transcript WHERE id = ?")) {
            ps.setLong(1, id);
            List<Transcript> t = transcripts(c, ps);
            return t.isEmpty() ? Optional.empty() : Optional.of(t.get(0));
        }
    }

    /** The version before this one of the same interview, if any. */
    public static Optional<Transcript> previous(Connection c, Transcript t) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id, interview_id, version, text, state, sealed_for, sealed_text FROM"
                        + " qual_transcript WHERE interview_id = ? AND version < ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, t.interviewId());
            ps.setInt(2, t.version());
            List<Transcript> out = transcripts(c, ps);
            return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
        }
    }

    /** Moves a transcript to another state (the database refuses any change to a codable one). */
    public static void setState(Connection c, long transcriptId, TranscriptState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE qual_transcript SET state = ? WHERE id = ?")) {
            ps.setString(1, state.label());
            ps.setLong(2, transcriptId);
            ps.executeUpdate();
        }
    }

    public static List<Span> turns(Connection c, long transcriptId) throws SQLException {
        List<Span> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT start_cp, end_cp FROM qual_turn WHERE transcript_id = ? ORDER BY seq")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Span(rs.getInt(1), rs.getInt(2)));
            }
        }
        return out;
    }

    public static List<Coding> codings(Connection c, long transcriptId) throws SQLException {
        List<Coding> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT guid, transcript_id, start_cp, end_cp, text_sha256, code,"
                        + " coder FROM qual_coding WHERE transcript_id = ? ORDER BY start_cp, end_cp, guid")) {
            ps.setLong(1, transcriptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Coding(
                            rs.getString(1),
                            rs.getLong(2),
                            new Span(rs.getInt(3), rs.getInt(4)),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        return out;
    }

    public static void insertCoding(Connection c, Coding coding, Integer round, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_coding (guid, transcript_id, start_cp, end_cp,"
                + " text_sha256, code, coder, round_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.fromString(coding.guid()));
            ps.setLong(2, coding.transcriptId());
            ps.setInt(3, coding.span().start());
            ps.setInt(4, coding.span().end());
            ps.setString(5, coding.textHash());
            ps.setObject(6, UUID.fromString(coding.code()));
            ps.setString(7, coding.coder());
            if (round == null) ps.setNull(8, Types.INTEGER);
            else ps.setInt(8, round);
            ps.setTimestamp(9, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** Puts a coding on the review list of a new transcript version. */
    public static void review(Connection c, String coding, long toTranscript, String reason) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO qual_remap_review (coding, to_transcript, reason) VALUES (?, ?, ?)")) {
            ps.setObject(1, UUID.fromString(coding));
            ps.setLong(2, toTranscript);
            ps.setString(3, reason);
            ps.executeUpdate();
        }
    }

    /** The codebook's codes in stored order. */
    public static List<Code> codes(Connection c) throws SQLException {
        List<Code> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT guid, name, parent, codable, definition, inclusion,"
                        + " exclusion, example, color, retired FROM qual_code ORDER BY seq");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Code(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getBoolean(10)));
            }
        }
        return out;
    }

    /** Stores codes (new ones added, known ones updated), keeping the given order. */
    public static void saveCodes(Connection c, List<Code> codes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO qual_code (guid, name, parent, codable, definition,"
                + " inclusion, exclusion, example, color, retired, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (guid) DO UPDATE SET name = EXCLUDED.name, parent = EXCLUDED.parent,"
                + " codable = EXCLUDED.codable, definition = EXCLUDED.definition, inclusion = EXCLUDED.inclusion,"
                + " exclusion = EXCLUDED.exclusion, example = EXCLUDED.example, color = EXCLUDED.color,"
                + " retired = EXCLUDED.retired, seq = EXCLUDED.seq")) {
            int seq = 0;
            for (Code code : codes) {
                ps.setObject(1, UUID.fromString(code.guid()));
                ps.setString(2, code.name());
                ps.setObject(3, code.parent() == null ? null : UUID.fromString(code.parent()));
                ps.setBoolean(4, code.codable());
                ps.setString(5, code.definition());
                ps.setString(6, code.inclusion());
                ps.setString(7, code.exclusion());
                ps.setString(8, code.example());
                ps.setString(9, code.color());
                ps.setBoolean(10, code.retired());
                ps.setInt(11, seq++);
                ps.executeUpdate();
            }
        }
    }

    /** Opens a round on the current codebook version and assigns coders to transcripts; returns its number. */
    public static int openRound(Connection c, int codebookVersion, Map<Long, List<String>> assignments)
            throws SQLException {
        int id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO qual_round (codebook_version, status) VALUES (?, 'open') RETURNING id")) {
            ps.setInt(1, codebookVersion);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO qual_round_assignment (round_id, transcript_id, coder) VALUES (?, ?, ?)")) {
            for (Map.Entry<Long, List<String>> e : assignments.entrySet()) {
                for (String coder : e.getValue()) {
                    ps.setInt(1, id);
                    ps.setLong(2, e.getKey());
                    ps.setString(3, coder);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        return id;
    }

    public static boolean roundExists(Connection c, int round) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM qual_round WHERE id = ?")) {
            ps.setInt(1, round);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A round's transcripts with their turns and coders. */
    public static List<Source> roundSources(Connection c, int round) throws SQLException {
        Map<Long, Set<String>> coders = new LinkedHashMap<>();
        Map<Long, Integer> lengths = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.transcript_id, a.coder, t.length FROM"
                + " qual_round_assignment a JOIN qual_transcript t ON t.id = a.transcript_id WHERE a.round_id = ?"
                + " ORDER BY a.transcript_id, a.coder")) {
            ps.setInt(1, round);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    coders.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                    lengths.put(rs.getLong(1), rs.getInt(3));
                }
            }
        }
        List<Source> out = new ArrayList<>();
        for (Map.Entry<Long, Set<String>> e : coders.entrySet()) {
            out.add(new Source(Long.toString(e.getKey()), lengths.get(e.getKey()), turns(c, e.getKey()), e.getValue()));
        }
        return out;
    }

    /** A round's codings, by code name. */
    public static List<CodedSpan> roundCodings(Connection c, int round) throws SQLException {
        List<CodedSpan> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT g.transcript_id, g.coder, k.name, g.start_cp, g.end_cp"
                + " FROM qual_coding g JOIN qual_code k ON k.guid = g.code WHERE g.round_id = ?"
                + " ORDER BY g.transcript_id, g.coder, g.start_cp")) {
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

    /** How a matrix groups its rows. */
    public enum RowAttribute {
        GROUP("STAKEHOLDER_GROUP"),
        SITE("TF_ID"),
        PARTICIPANT("PARTICIPANT_ID");

        final String variable;

        RowAttribute(String variable) {
            this.variable = variable;
        }
    }

    /**
     * One fact per coding outside review rounds (consensus and single coding) on each interview's newest
     * transcript, with the participant's attribute; {@code site} limits to one task force (null = all).
     */
    public static List<ThemeMatrix.Fact> matrixFacts(Connection c, Store store, RowAttribute rows, String site)
            throws SQLException {
        String p = store.table("participant").table();
        String i = store.table("interview").table();
        String col = SqlIdentifier.quote(FormTable.columnName(rows.variable));
        String pid = SqlIdentifier.quote(FormTable.columnName("PARTICIPANT_ID"));
        String iid = SqlIdentifier.quote(FormTable.columnName("INTERVIEW_ID"));
        String tf = SqlIdentifier.quote(FormTable.columnName("TF_ID"));
        String sql = "SELECT p." + col + "::text, k.name, p." + pid + ", p." + tf
                + " FROM (SELECT DISTINCT ON (interview_id) id, interview_id FROM qual_transcript"
                + " ORDER BY interview_id, version DESC) t"
                + " JOIN qual_coding g ON g.transcript_id = t.id AND g.round_id IS NULL"
                + " JOIN qual_code k ON k.guid = g.code"
                + " JOIN " + i + " i ON i." + iid + " = t.interview_id"
                + " JOIN " + p + " p ON p." + pid + " = i." + pid
                + (site == null ? "" : " WHERE p." + tf + " = ?");
        List<ThemeMatrix.Fact> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (site != null) ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ThemeMatrix.Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }
}

package org.tfeval.store.qual;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.qual.text.Span;
import org.tfeval.store.Store;
import org.tfeval.store.schema.FormTable;

/** What a snapshot's qualitative findings are read from: codable transcripts, their participants and codings. */
public final class FindingsTables {
    private FindingsTables() {}

    /** The newest transcript of an interview that is codable, with its participant's group and site. */
    public record Interviewee(long transcriptId, String interviewId, String participant, String group, String site) {}

    /** An ordinary coding (consensus or single coding, outside rounds) on a codable newest transcript. */
    public record Segment(long transcriptId, String interviewId, String code, Span span) {}

    /** Every interview whose newest transcript is codable. */
    public static List<Interviewee> interviewees(Connection c, Store store) throws SQLException {
        String p = store.table("participant").table();
        String i = store.table("interview").table();
        String pid = SqlIdentifier.quote(FormTable.columnName("PARTICIPANT_ID"));
        String iid = SqlIdentifier.quote(FormTable.columnName("INTERVIEW_ID"));
        String tf = SqlIdentifier.quote(FormTable.columnName("TF_ID"));
        String group = SqlIdentifier.quote(FormTable.columnName("STAKEHOLDER_GROUP"));
        String sql = "SELECT t.id, t.interview_id, p." + pid + ", p." + group + "::text, p." + tf
                + " FROM (SELECT DISTINCT ON (interview_id) id, interview_id, state FROM qual_transcript"
                + " ORDER BY interview_id, version DESC) t"
                + " JOIN " + i + " i ON i." + iid + " = t.interview_id"
                + " JOIN " + p + " p ON p." + pid + " = i." + pid
                + " WHERE t.state = 'codable' ORDER BY t.interview_id";
        List<Interviewee> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Interviewee(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    /** The ordinary codings of codable newest transcripts, the code as its GUID. */
    public static List<Segment> segments(Connection c) throws SQLException {
        String sql = "SELECT t.id, t.interview_id, g.code, g.start_cp, g.end_cp"
                + " FROM (SELECT DISTINCT ON (interview_id) id, interview_id, state FROM qual_transcript"
                + " ORDER BY interview_id, version DESC) t"
                + " JOIN qual_coding g ON g.transcript_id = t.id AND g.round_id IS NULL"
                + " WHERE t.state = 'codable' ORDER BY t.interview_id, g.start_cp, g.end_cp, g.guid";
        List<Segment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Segment(
                        rs.getLong(1), rs.getString(2), rs.getString(3), new Span(rs.getInt(4), rs.getInt(5))));
            }
        }
        return out;
    }

    /** The figures frozen with the newest closed round (JSON), if any. */
    public static java.util.Optional<String> latestClosedFigures(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT figures::text FROM qual_round WHERE status = 'closed'"
                        + " AND figures IS NOT NULL ORDER BY id DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
        }
    }
}

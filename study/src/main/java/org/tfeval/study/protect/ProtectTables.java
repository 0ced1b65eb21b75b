package org.tfeval.study.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.store.Store;
import org.tfeval.store.schema.FormTable;
import org.tfeval.study.accounts.Role;

/**
 * The SQL of the protection tables ({@code protect_*}, migration V320) and of the participant,
 * interview and consent forms they are checked against. Package-private: the services of this
 * package are the only callers.
 */
final class ProtectTables {
    private ProtectTables() {}

    private static String col(String variable) {
        return SqlIdentifier.quote(FormTable.columnName(variable));
    }

    static boolean participantExists(Connection c, Store store, String pid) throws SQLException {
        return one(
                c,
                "SELECT 1 FROM " + store.table("participant").table() + " WHERE " + col("PARTICIPANT_ID") + " = ?",
                pid);
    }

    /** The participant an interview belongs to (the interview form), if the interview is recorded. */
    static Optional<String> participantOf(Connection c, Store store, String interviewId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + col("PARTICIPANT_ID") + " FROM "
                + store.table("interview").table() + " WHERE " + col("INTERVIEW_ID") + " = ?")) {
            ps.setString(1, interviewId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Interview to participant, for every recorded interview. */
    static Map<String, String> participants(Connection c, Store store) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + col("INTERVIEW_ID") + ", " + col("PARTICIPANT_ID")
                        + " FROM " + store.table("interview").table());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    /** Every participant with site, stakeholder group and tier codes (null when blank), by participant ID. */
    static List<Participants.Listed> roster(Connection c, Store store) throws SQLException {
        List<Participants.Listed> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + col("PARTICIPANT_ID") + ", " + col("TF_ID") + ", "
                        + col("STAKEHOLDER_GROUP") + ", " + col("SENSITIVITY_TIER") + " FROM "
                        + store.table("participant").table() + " ORDER BY " + col("PARTICIPANT_ID"));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int group = rs.getInt(3);
                Integer g = rs.wasNull() ? null : group;
                int tier = rs.getInt(4);
                Integer t = rs.wasNull() ? null : tier;
                out.add(new Participants.Listed(rs.getString(1), rs.getString(2), g, t));
            }
        }
        return out;
    }

    /** Transcript ID (every version) to its interview. */
    static Map<String, String> transcriptInterviews(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, interview_id FROM qual_transcript");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(Long.toString(rs.getLong(1)), rs.getString(2));
        }
        return out;
    }

    /** Participant to sensitivity tier code (1 professional, 2 community member, 3 survivor). */
    static Map<String, Integer> tiers(Connection c, Store store) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT " + col("PARTICIPANT_ID") + ", " + col("SENSITIVITY_TIER") + " FROM "
                                + store.table("participant").table());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int tier = rs.getInt(2);
                out.put(rs.getString(1), rs.wasNull() ? null : tier);
            }
        }
        return out;
    }

    /** The consent in force (the highest CONSENT_SEQ) of every participant with a consent record. */
    static Map<String, Consents.Consent> consents(Connection c, Store store) throws SQLException {
        Map<String, Consents.Consent> out = new LinkedHashMap<>();
        String sql = "SELECT DISTINCT ON (" + col("PARTICIPANT_ID") + ") " + col("PARTICIPANT_ID") + ", "
                + col("CONSENT_SEQ") + ", " + col("CONSENT_VERSION") + ", " + col("CONSENT_QUOTES") + ", "
                + col("CONSENT_ARCHIVING") + ", " + col("CONSENT_RECONTACT") + ", " + col("CONSENT_SHARE_TF")
                + " FROM " + store.table("consent").table() + " ORDER BY " + col("PARTICIPANT_ID") + ", "
                + col("CONSENT_SEQ") + " DESC";
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(
                        rs.getString(1),
                        new Consents.Consent(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getString(3),
                                yes(rs, 4),
                                yes(rs, 5),
                                yes(rs, 6),
                                yes(rs, 7)));
            }
        }
        return out;
    }

    private static boolean yes(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return !rs.wasNull() && v == 1;
    }

    /** The strongest withdrawal level recorded for every participant who withdrew. */
    static Map<String, Withdrawal.Level> withdrawals(Connection c) throws SQLException {
        Map<String, Withdrawal.Level> out = new LinkedHashMap<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT participant_id, level FROM protect_withdrawal ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Withdrawal.Level l = Withdrawal.Level.of(rs.getString(2));
                out.merge(rs.getString(1), l, Withdrawal.Level::strongest);
            }
        }
        return out;
    }

    static void insertWithdrawal(Connection c, Withdrawal w, String reason, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO protect_withdrawal"
                + " (participant_id, level, reason, withdrawn_by, withdrawn_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, w.participantId());
            ps.setString(2, w.level().id());
            ps.setString(3, reason);
            ps.setString(4, actor);
            ps.setObject(5, OffsetDateTime.ofInstant(w.at(), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** The role of an active account by name; empty when the name is no active account. */
    static Optional<Role> role(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM web_account WHERE name = ? AND active")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Role.of(rs.getString(1))) : Optional.empty();
            }
        }
    }

    static boolean survivorGrant(Connection c, String account) throws SQLException {
        return one(c, "SELECT 1 FROM protect_survivor_access WHERE account = ? AND revoked_at IS NULL", account);
    }

    static void grant(Connection c, String account, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO protect_survivor_access (account, granted_by, granted_at) VALUES (?, ?, ?)")) {
            ps.setString(1, account);
            ps.setString(2, actor);
            ps.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static int revoke(Connection c, String account, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE protect_survivor_access SET revoked_by = ?,"
                + " revoked_at = ? WHERE account = ? AND revoked_at IS NULL")) {
            ps.setString(1, actor);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, account);
            return ps.executeUpdate();
        }
    }

    /** Accounts holding a survivor-access grant now. */
    static List<String> granted(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT account FROM protect_survivor_access"
                        + " WHERE revoked_at IS NULL ORDER BY account");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static void assign(Connection c, String interviewId, String coder, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO protect_assignment (interview_id, coder,"
                + " assigned_by, assigned_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, interviewId);
            ps.setString(2, coder);
            ps.setString(3, actor);
            ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** Interviews a coder is assigned: directly, or in a reliability round. */
    static Set<String> assigned(Connection c, String coder) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT interview_id FROM protect_assignment WHERE coder = ?"
                + " UNION SELECT t.interview_id FROM qual_round_assignment a"
                + " JOIN qual_transcript t ON t.id = a.transcript_id WHERE a.coder = ?")) {
            ps.setString(1, coder);
            ps.setString(2, coder);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}

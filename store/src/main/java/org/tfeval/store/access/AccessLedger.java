package org.tfeval.store.access;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the restricted-access tables inside the caller's transaction. The tables'
 * triggers keep the transfer log, its marks, renewals, reports and certificates append-only, and a
 * denied or closed application unchangeable; this class checks nothing the study layer checks.
 */
public final class AccessLedger {
    /** Marks written per statement. */
    static final int MARK_BATCH = 1000;

    private static final String APPLICATION_COLUMNS = "id, applicant, email, institution, purpose, irb_kind, "
            + "irb_reference, irb_date, irb_expires, security_plan, agreement_file, agreement_sha256, agreement_signed, "
            + "status, submitted_by, submitted_at, decided_by, decided_at, decision_reason, granted_on, expires_on";

    private static final String TRANSFER_COLUMNS = "issue_id, application_id, recipient, institution, issued_at, "
            + "issued_by, snapshot_id, release_level, release_manifest_sha256, files, marks, expires_on";

    private AccessLedger() {}

    /** Stores a new application (its id, status, decision fields are ignored: it is submitted); returns its number. */
    public static long insert(Connection c, StoredApplication a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO access_application (applicant, email, institution, "
                + "purpose, irb_kind, irb_reference, irb_date, irb_expires, security_plan, agreement_file, "
                + "agreement_sha256, agreement_signed, status, submitted_by, submitted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?) RETURNING id")) {
            ps.setString(1, a.applicant());
            ps.setString(2, a.email());
            ps.setString(3, a.institution());
            ps.setString(4, a.purpose());
            ps.setString(5, a.irbKind());
            ps.setString(6, a.irbReference());
            ps.setObject(7, a.irbDate());
            ps.setObject(8, a.irbExpires());
            ps.setString(9, a.securityPlan());
            ps.setString(10, a.agreementFile());
            ps.setString(11, a.agreementSha256());
            ps.setObject(12, a.agreementSigned());
            ps.setString(13, a.submittedBy());
            ps.setTimestamp(14, Timestamp.from(a.submittedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An application, locked for the rest of the transaction. */
    public static Optional<StoredApplication> lock(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + APPLICATION_COLUMNS + " FROM access_application WHERE id = ? FOR UPDATE", id);
    }

    /** An application. */
    public static Optional<StoredApplication> find(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + APPLICATION_COLUMNS + " FROM access_application WHERE id = ?", id);
    }

    /** Every application, newest first. */
    public static List<StoredApplication> list(Connection c) throws SQLException {
        List<StoredApplication> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + APPLICATION_COLUMNS + " FROM access_application ORDER BY id DESC");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(application(rs));
        }
        return out;
    }

    /** Records the steward's decision; {@code grantedOn} and {@code expiresOn} are null for a denial. */
    public static void decide(
            Connection c,
            long id,
            String status,
            String by,
            Instant at,
            String reason,
            LocalDate grantedOn,
            LocalDate expiresOn)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE access_application SET status = ?, decided_by = ?, "
                        + "decided_at = ?, decision_reason = ?, granted_on = ?, expires_on = ? WHERE id = ? AND status = 'submitted'")) {
            ps.setString(1, status);
            ps.setString(2, by);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, reason);
            ps.setObject(5, grantedOn);
            ps.setObject(6, expiresOn);
            ps.setLong(7, id);
            if (ps.executeUpdate() != 1) throw new IllegalStateException("application " + id + " is not submitted");
        }
    }

    /** Moves an access's end and records the renewal. */
    public static void renew(Connection c, long id, StoredRenewal r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE access_application SET expires_on = ? WHERE id = ? AND status = 'approved'")) {
            ps.setObject(1, r.newExpiry());
            ps.setLong(2, id);
            if (ps.executeUpdate() != 1) throw new IllegalStateException("application " + id + " is not approved");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO access_renewal (application_id, seq, renewed_by, "
                + "renewed_at, previous_expiry, new_expiry, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, r.seq());
            ps.setString(3, r.renewedBy());
            ps.setTimestamp(4, Timestamp.from(r.renewedAt()));
            ps.setObject(5, r.previousExpiry());
            ps.setObject(6, r.newExpiry());
            ps.setString(7, r.reason());
            ps.executeUpdate();
        }
    }

    /** The renewals of an access, oldest first. */
    public static List<StoredRenewal> renewals(Connection c, long id) throws SQLException {
        List<StoredRenewal> out = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT seq, renewed_by, renewed_at, previous_expiry, new_expiry, "
                        + "reason FROM access_renewal WHERE application_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredRenewal(
                            rs.getInt(1),
                            rs.getString(2),
                            instant(rs, 3),
                            rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class),
                            rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** Records an annual report. */
    public static void addReport(Connection c, long id, StoredReport r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_annual_report (application_id, year_no, "
                        + "due_on, received_on, file_ref, file_sha256, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, r.year());
            ps.setObject(3, r.dueOn());
            ps.setObject(4, r.receivedOn());
            ps.setString(5, r.fileRef());
            ps.setString(6, r.fileSha256());
            ps.setString(7, r.recordedBy());
            ps.setTimestamp(8, Timestamp.from(r.recordedAt()));
            ps.executeUpdate();
        }
    }

    /** The annual reports of an access, by year. */
    public static List<StoredReport> reports(Connection c, long id) throws SQLException {
        List<StoredReport> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT year_no, due_on, received_on, file_ref, file_sha256, "
                + "recorded_by, recorded_at FROM access_annual_report WHERE application_id = ? ORDER BY year_no")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredReport(
                            rs.getInt(1),
                            rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            instant(rs, 7)));
                }
            }
        }
        return out;
    }

    /** Records the destruction certificate and closes the access. */
    public static void close(Connection c, long id, StoredDestruction d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_destruction (application_id, destroyed_on, "
                        + "certified_by, certificate_file, certificate_sha256, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setObject(2, d.destroyedOn());
            ps.setString(3, d.certifiedBy());
            ps.setString(4, d.certificateFile());
            ps.setString(5, d.certificateSha256());
            ps.setString(6, d.recordedBy());
            ps.setTimestamp(7, Timestamp.from(d.recordedAt()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE access_application SET status = 'closed' WHERE id = ? AND status = 'approved'")) {
            ps.setLong(1, id);
            if (ps.executeUpdate() != 1) throw new IllegalStateException("application " + id + " is not approved");
        }
    }

    /** The destruction certificate of an access, if recorded. */
    public static Optional<StoredDestruction> destruction(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT destroyed_on, certified_by, certificate_file, "
                + "certificate_sha256, recorded_by, recorded_at FROM access_destruction WHERE application_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new StoredDestruction(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        instant(rs, 6)));
            }
        }
    }

    /** Appends a transfer to the log, with the digests that trace it ({@code kind -> digests}). */
    public static void addTransfer(Connection c, StoredTransfer t, Map<String, Collection<String>> marks)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_transfer (" + TRANSFER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.issueId());
            ps.setLong(2, t.applicationId());
            ps.setString(3, t.recipient());
            ps.setString(4, t.institution());
            ps.setTimestamp(5, Timestamp.from(t.issuedAt()));
            ps.setString(6, t.issuedBy());
            ps.setString(7, t.snapshotId());
            ps.setString(8, t.releaseLevel());
            ps.setString(9, t.manifestSha256());
            ps.setInt(10, t.files());
            ps.setInt(11, t.marks());
            ps.setObject(12, t.expiresOn());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO access_mark (digest, issue_id, kind) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            int pending = 0;
            for (Map.Entry<String, Collection<String>> e : marks.entrySet()) {
                for (String digest : e.getValue()) {
                    ps.setString(1, digest);
                    ps.setString(2, t.issueId());
                    ps.setString(3, e.getKey());
                    ps.addBatch();
                    if (++pending == MARK_BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) ps.executeBatch();
        }
    }

    /** The transfer log, newest first: all of it, or (applicationId not null) one access's. */
    public static List<StoredTransfer> transfers(Connection c, Long applicationId) throws SQLException {
        List<StoredTransfer> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TRANSFER_COLUMNS + " FROM access_transfer"
                + (applicationId == null ? "" : " WHERE application_id = ?") + " ORDER BY issued_at DESC, issue_id")) {
            if (applicationId != null) ps.setLong(1, applicationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(transfer(rs));
            }
        }
        return out;
    }

    /** A transfer by its issue ID. */
    public static Optional<StoredTransfer> transfer(Connection c, String issueId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + TRANSFER_COLUMNS + " FROM access_transfer WHERE issue_id = ?")) {
            ps.setString(1, issueId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(transfer(rs)) : Optional.empty();
            }
        }
    }

    /** Of the given digests, how many each issue holds, per kind: {@code issue -> kind -> count}. */
    public static Map<String, Map<String, Long>> matches(Connection c, Collection<String> digests) throws SQLException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (digests.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT issue_id, kind, count(*) FROM access_mark "
                + "WHERE digest = ANY (?) GROUP BY issue_id, kind ORDER BY issue_id, kind")) {
            Array a = c.createArrayOf("text", digests.toArray());
            ps.setArray(1, a);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return out;
    }

    private static Optional<StoredApplication> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(application(rs)) : Optional.empty();
            }
        }
    }

    private static StoredApplication application(ResultSet rs) throws SQLException {
        return new StoredApplication(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getObject(13, LocalDate.class),
                rs.getString(14),
                rs.getString(15),
                instant(rs, 16),
                rs.getString(17),
                instant(rs, 18),
                rs.getString(19),
                rs.getObject(20, LocalDate.class),
                rs.getObject(21, LocalDate.class));
    }

    private static StoredTransfer transfer(ResultSet rs) throws SQLException {
        return new StoredTransfer(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                instant(rs, 5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getInt(10),
                rs.getInt(11),
                rs.getObject(12, LocalDate.class));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}

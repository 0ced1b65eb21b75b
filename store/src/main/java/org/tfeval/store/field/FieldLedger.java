package org.tfeval.store.field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The field tables: the study's identity, devices, check-ins, change events and the conflict queue. */
public final class FieldLedger {
    private FieldLedger() {}

    /** A device a package was made for. */
    public record Device(
            UUID deviceId,
            String tfId,
            String coder,
            Instant createdAt,
            String createdBy,
            Instant expiresAt,
            Instant leaseUntil,
            Instant revokedAt,
            String revokedBy,
            Instant lastCheckinAt) {
        public Device {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(tfId, "tfId");
            Objects.requireNonNull(coder, "coder");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(leaseUntil, "leaseUntil");
        }

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A change event as stored at check-in. */
    public record Event(
            UUID clientUuid,
            String kind,
            String caseId,
            Integer pass,
            String form,
            String recordKey,
            String variable,
            String oldValue,
            String newValue,
            String coder,
            Instant at,
            Integer baseVersion) {
        public Event {
            Objects.requireNonNull(clientUuid, "clientUuid");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(coder, "coder");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An entry of the conflict queue. */
    public record Conflict(
            long id,
            UUID deviceId,
            long checkinId,
            String kind,
            String caseId,
            int pass,
            String form,
            Long recordId,
            String recordKey,
            String variable,
            String baseValue,
            String fieldValue,
            String officeValue,
            String coder,
            String status,
            String chosen,
            String losingValue,
            boolean resolvedFromConflict,
            String resolvedBy,
            Instant resolvedAt) {
        public Conflict {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(caseId, "caseId");
        }

        public boolean open() {
            return "open".equals(status);
        }
    }

    /** The study's identity (made by the migration that added field packages). */
    public static String studyId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM study_meta WHERE key = 'study_id'");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("the study has no study_id");
            return rs.getString(1);
        }
    }

    public static void insertDevice(Connection c, Device d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO field_device (device_id, tf_id, coder, created_at, created_by, expires_at, lease_until)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, d.deviceId());
            ps.setString(2, d.tfId());
            ps.setString(3, d.coder());
            ps.setObject(4, utc(d.createdAt()));
            ps.setString(5, d.createdBy());
            ps.setObject(6, utc(d.expiresAt()));
            ps.setObject(7, utc(d.leaseUntil()));
            ps.executeUpdate();
        }
    }

    private static final String DEVICE_COLUMNS =
            "device_id, tf_id, coder, created_at, created_by, expires_at, lease_until, revoked_at, revoked_by,"
                    + " last_checkin_at";

    public static Optional<Device> device(Connection c, UUID id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + DEVICE_COLUMNS + " FROM field_device WHERE device_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readDevice(rs)) : Optional.empty();
            }
        }
    }

    public static List<Device> devices(Connection c) throws SQLException {
        List<Device> out = new ArrayList<>();
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT " + DEVICE_COLUMNS + " FROM field_device ORDER BY created_at");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(readDevice(rs));
        }
        return out;
    }

    /** Marks a device revoked; false when it was already. */
    public static boolean revoke(Connection c, UUID id, String actor, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE field_device SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE device_id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(2, actor);
            ps.setString(3, reason);
            ps.setObject(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Records a renewed lease of a device. */
    public static void renewLease(Connection c, UUID id, Instant leaseUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE field_device SET lease_until = ?, lease_renewed_at = ? WHERE device_id = ?")) {
            ps.setObject(1, utc(leaseUntil));
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    /** Starts a check-in row; returns its id. */
    public static long startCheckin(Connection c, UUID device, String actor, int events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO field_checkin (device_id, at, actor, events, new_events, applied, conflicts) "
                        + "VALUES (?, ?, ?, ?, 0, 0, 0) RETURNING id")) {
            ps.setObject(1, device);
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(3, actor);
            ps.setInt(4, events);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void finishCheckin(Connection c, long id, UUID device, int newEvents, int applied, int conflicts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE field_checkin SET new_events = ?, applied = ?, conflicts = ? WHERE id = ?")) {
            ps.setInt(1, newEvents);
            ps.setInt(2, applied);
            ps.setInt(3, conflicts);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE field_device SET last_checkin_at = ? WHERE device_id = ?")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setObject(2, device);
            ps.executeUpdate();
        }
    }

    /** An event to store, with the case and record it became in the study. */
    public record NewEvent(int ord, Event event, Long officeRecordId) {}

    /** Stores events (new ones: their client UUIDs are unique, so a concurrent check-in of the same package fails). */
    public static void insertEvents(Connection c, UUID device, long checkin, List<NewEvent> events)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO field_event (client_uuid, device_id, checkin_id, ord, kind, case_id, pass, form, record_key,"
                        + " variable, old_value, new_value, coder, at, base_version, office_record_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent n : events) {
                Event e = n.event();
                ps.setObject(1, e.clientUuid());
                ps.setObject(2, device);
                ps.setLong(3, checkin);
                ps.setInt(4, n.ord());
                ps.setString(5, e.kind());
                ps.setString(6, e.caseId());
                ps.setObject(7, e.pass(), Types.SMALLINT);
                ps.setString(8, e.form());
                ps.setString(9, e.recordKey());
                ps.setString(10, e.variable());
                ps.setString(11, e.oldValue());
                ps.setString(12, e.newValue());
                ps.setString(13, e.coder());
                ps.setObject(14, utc(e.at()));
                ps.setObject(15, e.baseVersion(), Types.INTEGER);
                ps.setObject(16, n.officeRecordId(), Types.BIGINT);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** An event checked in before: the case and (added records) the record it became in the study. */
    public record Known(String caseId, Long officeRecordId) {}

    /** The events among {@code clientUuids} that were checked in before. */
    public static java.util.Map<UUID, Known> known(Connection c, List<UUID> clientUuids) throws SQLException {
        java.util.Map<UUID, Known> out = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT client_uuid, case_id, office_record_id FROM field_event WHERE client_uuid = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", clientUuids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long r = rs.getLong(3);
                    out.put(rs.getObject(1, UUID.class), new Known(rs.getString(2), rs.wasNull() ? null : r));
                }
            }
        }
        return out;
    }

    /** The case a sampled case became, when its coding started. */
    public static Optional<String> caseOfSample(Connection c, long drawId, String tfId, String caseRef)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_id FROM coding_case WHERE draw_id = ? AND tf_id = ? AND case_ref = ?")) {
            ps.setLong(1, drawId);
            ps.setString(2, tfId);
            ps.setString(3, caseRef);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** How many events of a device are stored. */
    public static long events(Connection c, UUID device) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM field_event WHERE device_id = ?")) {
            ps.setObject(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Queues a conflict; returns its id. */
    public static long insertConflict(Connection c, Conflict k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO field_conflict (device_id, checkin_id, kind, case_id, pass, form, record_id, record_key,"
                        + " variable, base_value, field_value, office_value, coder)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setObject(1, k.deviceId());
            ps.setLong(2, k.checkinId());
            ps.setString(3, k.kind());
            ps.setString(4, k.caseId());
            ps.setInt(5, k.pass());
            ps.setString(6, k.form());
            ps.setObject(7, k.recordId(), Types.BIGINT);
            ps.setString(8, k.recordKey());
            ps.setString(9, k.variable());
            ps.setString(10, k.baseValue());
            ps.setString(11, k.fieldValue());
            ps.setString(12, k.officeValue());
            ps.setString(13, k.coder());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static final String CONFLICT_COLUMNS = "id, device_id, checkin_id, kind, case_id, pass, form, record_id,"
            + " record_key, variable, base_value, field_value, office_value, coder, status, chosen, losing_value,"
            + " resolved_from_conflict, resolved_by, resolved_at";

    /** The queue, oldest first: open entries only, or all. */
    public static List<Conflict> conflicts(Connection c, boolean openOnly) throws SQLException {
        List<Conflict> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM field_conflict"
                        + (openOnly ? " WHERE status = 'open'" : "") + " ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(readConflict(rs));
        }
        return out;
    }

    /** Open conflicts of a case's pass. */
    public static long openConflicts(Connection c, String caseId, int pass) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM field_conflict WHERE status = 'open' AND case_id = ? AND pass = ?")) {
            ps.setString(1, caseId);
            ps.setInt(2, pass);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static Optional<Conflict> lockConflict(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + CONFLICT_COLUMNS + " FROM field_conflict WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readConflict(rs)) : Optional.empty();
            }
        }
    }

    /** Records a resolution: which side was kept, the losing value, flagged as resolved from a conflict. */
    public static void resolve(Connection c, long id, String chosen, String losingValue, String actor)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE field_conflict SET status = 'resolved', chosen = ?, losing_value = ?,"
                        + " resolved_from_conflict = true, resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'open'")) {
            ps.setString(1, chosen);
            ps.setString(2, losingValue);
            ps.setString(3, actor);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setLong(5, id);
            if (ps.executeUpdate() != 1) throw new IllegalStateException("that conflict was resolved already");
        }
    }

    private static Device readDevice(ResultSet rs) throws SQLException {
        return new Device(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                instant(rs.getTimestamp(4)),
                rs.getString(5),
                instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)),
                rs.getString(9),
                instant(rs.getTimestamp(10)));
    }

    private static Conflict readConflict(ResultSet rs) throws SQLException {
        long rid = rs.getLong(8);
        Long recordId = rs.wasNull() ? null : rid;
        return new Conflict(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getString(7),
                recordId,
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17),
                rs.getBoolean(18),
                rs.getString(19),
                instant(rs.getTimestamp(20)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}

package org.tfeval.study.field;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.tfeval.instrument.InstrumentWriter;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Drafts;
import org.tfeval.store.field.FieldLedger;
import org.tfeval.store.field.FieldRows;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.AccountTable;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.transaction.Transactions;

/**
 * Field packages in the study: checkout (one site's coding for one coder, encrypted under the
 * coder's passphrase), check-in (the laptop's change events, each stored once, merged field by
 * field), the conflict queue and its resolution, the devices and their revocation. Each method
 * runs one transaction and records an audit event. Immutable.
 */
public final class Field {
    /** How long a package is valid when no other time is given. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    /** The longest validity a package may have. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(90);

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
        }

        public boolean revoked() {
            return revokedAt != null;
        }

        static Device of(FieldLedger.Device d) {
            return new Device(
                    d.deviceId(),
                    d.tfId(),
                    d.coder(),
                    d.createdAt(),
                    d.createdBy(),
                    d.expiresAt(),
                    d.leaseUntil(),
                    d.revokedAt(),
                    d.revokedBy(),
                    d.lastCheckinAt());
        }
    }

    /** What a checkout wrote. */
    public record Checkout(
            Path file,
            UUID deviceId,
            String tfId,
            String coder,
            Instant expiresAt,
            Instant leaseUntil,
            int cases,
            int sampled) {}

    /** What a renewal wrote: the package's new lease. */
    public record Renewal(UUID deviceId, Instant leaseUntil, Instant expiresAt) {}

    /**
     * An entry of the conflict queue.
     *
     * @param kind        {@code value} (the same field changed on the laptop and in the study since checkout),
     *                    {@code deletion} (a record removed on the laptop: always reviewed) or
     *                    {@code record_gone} (the laptop changed a record the study no longer has)
     * @param fieldValue  the laptop's value
     * @param officeValue the study's value
     * @param baseValue   the value both started from
     */
    public record Conflict(
            long id,
            UUID deviceId,
            String kind,
            String caseId,
            int pass,
            String form,
            String recordKey,
            String variable,
            String baseValue,
            String fieldValue,
            String officeValue,
            String coder,
            boolean open,
            String chosen,
            String losingValue,
            boolean resolvedFromConflict,
            String resolvedBy) {
        static Conflict of(FieldLedger.Conflict k) {
            return new Conflict(
                    k.id(),
                    k.deviceId(),
                    k.kind(),
                    k.caseId(),
                    k.pass(),
                    k.form(),
                    k.recordKey(),
                    k.variable(),
                    k.baseValue(),
                    k.fieldValue(),
                    k.officeValue(),
                    k.coder(),
                    k.open(),
                    k.chosen(),
                    k.losingValue(),
                    k.resolvedFromConflict(),
                    k.resolvedBy());
        }
    }

    /**
     * What a check-in did.
     *
     * @param events    events in the package
     * @param newEvents events not checked in before (0: the package was checked in already; nothing changed)
     * @param applied   field values, records and cases merged into the study
     * @param conflicts entries added to the conflict queue
     * @param completed passes completed on the laptop and completed in the study
     * @param notCompleted passes completed on the laptop that stay in progress (conflicts or errors)
     * @param activity  activity-log entries added to the audit trail
     */
    public record Checkin(
            UUID deviceId,
            int events,
            int newEvents,
            int applied,
            int conflicts,
            int completed,
            int notCompleted,
            int activity) {}

    private final Transactions tx;
    private final CaseForms forms;
    private final Clock clock;

    public Field(Transactions tx) {
        this(tx, Clock.systemUTC());
    }

    private Field(Transactions tx, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.forms = CaseForms.of(tx.store().instrument());
        this.clock = clock;
    }

    /** The same service reading time from {@code c} (tests of expiry). */
    public Field withClock(Clock c) {
        return new Field(tx, c);
    }

    /** A service on an open study with its own small pool (the command line); close it. */
    public static Opened open(Study study) {
        return new Opened(Transactions.open(study, 2));
    }

    /** A {@link Field} with its own connections. */
    public static final class Opened implements AutoCloseable {
        private final Transactions tx;
        private final Field field;

        private Opened(Transactions tx) {
            this.tx = tx;
            this.field = new Field(tx);
        }

        public Field field() {
            return field;
        }

        @Override
        public void close() {
            tx.close();
        }
    }

    // ---------------------------------------------------------------- checkout

    /** Checkout by a coordinator signed in to the web application (their task forces only). */
    public Checkout checkout(
            Account user, String tfId, String coder, Duration validFor, Lease lease, Path out, Passphrase p) {
        requireCoordinates(user);
        if (tfId == null || !user.sees(tfId)) throw new NotVisible();
        return checkout(user.name(), tfId, coder, validFor, lease, out, p);
    }

    /** Checkout with the default lease. */
    public Checkout checkout(String actor, String tfId, String coder, Duration validFor, Path out, Passphrase p) {
        return checkout(actor, tfId, coder, validFor, Lease.DEFAULT, out, p);
    }

    /**
     * Writes a package for one site and coder to {@code out}: the instrument, the site's sampled
     * cases, its case files (a blind second coder's cases without pass 1; nobody's pass 2 but the
     * coder's own), the coder's account, a new device ID and the expiry. The device is recorded.
     */
    public Checkout checkout(
            String actor, String tfId, String coder, Duration validFor, Lease lease, Path out, Passphrase p) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(p, "passphrase");
        Duration valid = validFor == null ? DEFAULT_VALIDITY : validFor;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(MAX_VALIDITY) > 0)
            throw Problem.usage("a package is valid for 1 hour to " + MAX_VALIDITY.toDays() + " days");
        Lease leaseFor = lease == null ? Lease.DEFAULT : lease;
        if (tfId == null || tfId.isBlank()) throw Problem.usage("name the site (task force) with --site");
        UUID device = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plus(valid).truncatedTo(ChronoUnit.SECONDS);
        Instant leaseUntil = leaseFor.until(now, expires);
        String yaml = InstrumentWriter.toYaml(tx.store().instrument());
        PackageBody body = tx.tx(c -> {
            Account a = AccountTable.find(c, coder)
                    .orElseThrow(() -> Problem.usage("there is no account " + coder, "create it first"));
            if (!a.active() || !a.role().codes() || !a.sees(tfId))
                throw Problem.refused(
                        "the account " + coder + " may not code case files of " + tfId,
                        "give it the coder role and the task force first");
            if (!taskForceExists(c, tfId)) throw Problem.usage("there is no task force " + tfId);
            Map<FieldRows.Table, List<String>> t = new EnumMap<>(FieldRows.Table.class);
            t.put(FieldRows.Table.TASK_FORCE, FieldRows.read(c, FieldRows.Table.TASK_FORCE, "tf_id = ?", null, tfId));
            t.put(
                    FieldRows.Table.SAMPLE_DRAW,
                    FieldRows.read(
                            c,
                            FieldRows.Table.SAMPLE_DRAW,
                            "id IN (SELECT draw_id FROM sample_case WHERE tf_id = ?)",
                            "id",
                            tfId));
            t.put(
                    FieldRows.Table.SAMPLE_CASE,
                    FieldRows.read(c, FieldRows.Table.SAMPLE_CASE, "tf_id = ?", "draw_id, draw_order", tfId));
            t.put(FieldRows.Table.ACCOUNT, FieldRows.read(c, FieldRows.Table.ACCOUNT, "name = ?", null, coder));
            t.put(
                    FieldRows.Table.ACCOUNT_TASK_FORCE,
                    FieldRows.read(
                            c, FieldRows.Table.ACCOUNT_TASK_FORCE, "account_id = ? AND tf_id = ?", null, a.id(), tfId));
            t.put(
                    FieldRows.Table.CODING_CASE,
                    FieldRows.read(c, FieldRows.Table.CODING_CASE, "tf_id = ?", "case_id", tfId));
            String passes = "case_id IN (SELECT case_id FROM coding_case WHERE tf_id = ?) AND ("
                    + "(pass = 1 AND NOT EXISTS (SELECT 1 FROM coding_pass s WHERE s.case_id = t.case_id"
                    + " AND s.pass = 2 AND s.coder = ?)) OR (pass = 2 AND coder = ?))";
            t.put(
                    FieldRows.Table.CODING_PASS,
                    FieldRows.read(c, FieldRows.Table.CODING_PASS, passes, "case_id, pass", tfId, coder, coder));
            t.put(
                    FieldRows.Table.CODING_RECORD,
                    FieldRows.read(
                            c,
                            FieldRows.Table.CODING_RECORD,
                            "(case_id, pass) IN (SELECT case_id, pass FROM coding_pass t WHERE " + passes + ")",
                            "id",
                            tfId,
                            coder,
                            coder));
            String studyId = FieldLedger.studyId(c);
            FieldLedger.insertDevice(
                    c, new FieldLedger.Device(device, tfId, coder, now, actor, expires, leaseUntil, null, null, null));
            int sampledCount = t.get(FieldRows.Table.SAMPLE_CASE).size();
            AuditEvents.record(
                    c,
                    actor,
                    "field_checkout",
                    null,
                    "device",
                    device.toString(),
                    "tf",
                    tfId,
                    "coder",
                    coder,
                    "cases",
                    t.get(FieldRows.Table.CODING_CASE).size(),
                    "sampled",
                    sampledCount,
                    "expires",
                    expires.toString(),
                    "lease",
                    leaseUntil.toString());
            return new PackageBody(studyId, device, tfId, coder, expires, now, yaml, t);
        });
        FieldPackage.write(out, body.studyId(), device, expires, leaseUntil, body.bytes(), p);
        return new Checkout(
                out,
                device,
                tfId,
                coder,
                expires,
                leaseUntil,
                body.rows(FieldRows.Table.CODING_CASE).size(),
                body.rows(FieldRows.Table.SAMPLE_CASE).size());
    }

    private static boolean taskForceExists(Connection c, String tfId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM d_task_force WHERE tf_id = ?")) {
            ps.setString(1, tfId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---------------------------------------------------------------- check-in

    /**
     * Checks a package in: refused for another study, an unknown or revoked device, a wrong
     * passphrase or a changed file. Every event is stored once by its client UUID (a package
     * checked in again changes nothing); new changes are merged field by field against the value
     * the laptop started from: where the study still holds that value the laptop's value is
     * taken, where both changed the same field (or the laptop removed a record) the change goes
     * to the conflict queue. The device's activity log goes into the audit trail.
     */
    public Checkin checkin(String actor, Path file, Passphrase p) {
        return checkin(actor, file, p, null);
    }

    /**
     * Checks a package in as {@link #checkin(String, Path, Passphrase)} does; a package past its
     * expiry is refused unless {@code acceptExpiredReason} says why it is accepted (recorded in
     * the audit trail), so a late coder loses nothing but it is a coordinator's decision.
     */
    public Checkin checkin(String actor, Path file, Passphrase p, String acceptExpiredReason) {
        String acceptExpired =
                acceptExpiredReason == null || acceptExpiredReason.isBlank() ? null : acceptExpiredReason.strip();
        Instant now = clock.instant();
        FieldPackage.Opened opened = FieldPackage.open(file, p, now, true);
        boolean expired = now.isAfter(opened.header().expiresAt());
        if (expired && acceptExpired == null) {
            throw Problem.refused(
                    "this field package expired at " + opened.header().expiresAt() + "; nothing was checked in",
                    "a coordinator may accept it with --accept-expired --reason TEXT (recorded in the audit trail)");
        }
        PackageBody body = PackageBody.parse(opened.body());
        if (!body.studyId().equals(opened.header().studyId())
                || !body.deviceId().equals(opened.header().deviceId())) throw FieldPackage.damaged();
        List<FieldEvent> events = new ArrayList<>();
        for (byte[] b : opened.batches()) events.addAll(FieldEvent.read(b));
        return tx.tx(c -> {
            if (!FieldLedger.studyId(c).equals(body.studyId())) {
                throw Problem.refused(
                        "this field package belongs to another study; nothing was checked in",
                        "check it in to the study it was made for");
            }
            FieldLedger.Device d = FieldLedger.device(c, body.deviceId(), true)
                    .orElseThrow(() -> Problem.refused(
                            "this study has no record of the package's device; nothing was checked in", null));
            if (d.revoked()) {
                throw Problem.refused(
                        "the package's device " + d.deviceId() + " was revoked by " + d.revokedBy()
                                + "; nothing was checked in",
                        "ask the coordinator; a revoked device's changes are not accepted");
            }
            if (expired) {
                AuditEvents.record(
                        c,
                        actor,
                        "field_checkin_expired_accepted",
                        null,
                        "device",
                        d.deviceId().toString(),
                        "expired",
                        opened.header().expiresAt().toString(),
                        "reason",
                        acceptExpired);
            }
            return new Merge(c, forms, body, d, actor).run(events);
        });
    }

    // ---------------------------------------------------------------- lease

    /**
     * Renews a package's lease online: refused for another study's package, an unknown, revoked
     * or expired device, a wrong passphrase or a changed file, and while the package is open in
     * a {@code field serve}. The package is written again with the new lease (never past its
     * expiry); the renewal is recorded with the device and in the audit trail.
     */
    public Renewal renew(String actor, Path file, Passphrase p, Lease lease) {
        Lease leaseFor = lease == null ? Lease.DEFAULT : lease;
        Instant now = clock.instant();
        FieldPackage.Opened opened = FieldPackage.open(file, p, now, false);
        PackageBody body = PackageBody.parse(opened.body());
        if (!body.studyId().equals(opened.header().studyId())
                || !body.deviceId().equals(opened.header().deviceId())) throw FieldPackage.damaged();
        return tx.tx(c -> {
            FieldLedger.Device d = admitted(c, opened.header(), "renewed");
            Instant until = leaseFor.until(now, d.expiresAt());
            FieldPackage.Header h = opened.renewed(until);
            FieldLedger.renewLease(c, d.deviceId(), h.leaseUntil());
            AuditEvents.record(
                    c,
                    actor,
                    "field_renew",
                    null,
                    "device",
                    d.deviceId().toString(),
                    "lease",
                    h.leaseUntil().toString());
            return new Renewal(d.deviceId(), h.leaseUntil(), h.expiresAt());
        });
    }

    /**
     * Checks, when the laptop reaches the study as {@code field serve} starts, that the package
     * belongs to this study and its device is known, not revoked and not expired (the header is
     * enough: no passphrase is needed, and the laptop authenticates the header when it opens the
     * package). Refused otherwise; recorded in the audit trail.
     */
    public Device admit(String actor, Path file) {
        FieldPackage.Header h = FieldPackage.header(file);
        return tx.tx(c -> {
            FieldLedger.Device d = admitted(c, h, "opened");
            AuditEvents.record(
                    c,
                    actor,
                    "field_serve_admitted",
                    null,
                    "device",
                    d.deviceId().toString());
            return Device.of(d);
        });
    }

    private FieldLedger.Device admitted(Connection c, FieldPackage.Header h, String verb) throws SQLException {
        if (!FieldLedger.studyId(c).equals(h.studyId())) {
            throw Problem.refused(
                    "this field package belongs to another study; it was not " + verb, "use the study it was made for");
        }
        FieldLedger.Device d = FieldLedger.device(c, h.deviceId(), true)
                .orElseThrow(() ->
                        Problem.refused("this study has no record of the package's device; it was not " + verb, null));
        if (d.revoked()) {
            throw Problem.refused(
                    "the package's device " + d.deviceId() + " was revoked by " + d.revokedBy() + "; it was not "
                            + verb,
                    "ask the coordinator; a revoked device's package cannot be used");
        }
        if (clock.instant().isAfter(d.expiresAt())) {
            throw Problem.refused(
                    "this field package expired at " + d.expiresAt() + "; it was not " + verb,
                    "check it in, and ask for a new package");
        }
        return d;
    }

    // ---------------------------------------------------------------- devices

    public List<Device> devices() {
        return tx.tx(c -> FieldLedger.devices(c).stream().map(Device::of).toList());
    }

    public List<Device> devices(Account user) {
        requireCoordinates(user);
        return devices().stream().filter(d -> user.sees(d.tfId())).toList();
    }

    /** Revokes a device: its package is refused at check-in from now on; false when it was revoked already. */
    public boolean revoke(String actor, UUID device, String reason) {
        if (reason == null || reason.isBlank()) throw Problem.usage("give a reason for revoking the device");
        return tx.tx(c -> {
            FieldLedger.device(c, device, true).orElseThrow(() -> Problem.usage("there is no device " + device));
            boolean done = FieldLedger.revoke(c, device, actor, reason.strip());
            if (done) AuditEvents.record(c, actor, "field_revoke", null, "device", device.toString());
            return done;
        });
    }

    public boolean revoke(Account user, UUID device, String reason) {
        requireCoordinates(user);
        Device d = devices().stream()
                .filter(x -> x.deviceId().equals(device))
                .findFirst()
                .orElseThrow(NotVisible::new);
        if (!user.sees(d.tfId())) throw new NotVisible();
        return revoke(user.name(), device, reason);
    }

    // ---------------------------------------------------------------- conflicts

    /** The conflict queue (open entries only, or with the resolved ones). */
    public List<Conflict> conflicts(boolean openOnly) {
        return tx.tx(c ->
                FieldLedger.conflicts(c, openOnly).stream().map(Conflict::of).toList());
    }

    /** The conflicts of the task forces a coordinator sees. */
    public List<Conflict> conflicts(Account user, boolean openOnly) {
        requireCoordinates(user);
        return tx.tx(c -> {
            List<Conflict> out = new ArrayList<>();
            for (FieldLedger.Conflict k : FieldLedger.conflicts(c, openOnly)) {
                if (sees(c, user, k.caseId())) out.add(Conflict.of(k));
            }
            return out;
        });
    }

    public void resolve(Account user, long id, Choice choice) {
        requireCoordinates(user);
        tx.tx(c -> {
            FieldLedger.Conflict k = FieldLedger.lockConflict(c, id).orElseThrow(NotVisible::new);
            if (!sees(c, user, k.caseId())) throw new NotVisible();
            resolve(c, user.name(), k, choice);
            return null;
        });
    }

    /**
     * Resolves one conflict: {@link Choice#FIELD} writes the laptop's value (or removes the record),
     * {@link Choice#OFFICE} keeps the study's; the other value stays in the queue's history, flagged
     * as resolved from a conflict, and the resolution is an audit event.
     */
    public void resolve(String actor, long id, Choice choice) {
        tx.tx(c -> {
            FieldLedger.Conflict k =
                    FieldLedger.lockConflict(c, id).orElseThrow(() -> Problem.usage("there is no conflict " + id));
            resolve(c, actor, k, choice);
            return null;
        });
    }

    private void resolve(Connection c, String actor, FieldLedger.Conflict k, Choice choice) throws SQLException {
        Objects.requireNonNull(choice, "choice");
        if (!k.open()) throw Problem.refused("that conflict was resolved already", null);
        String losing;
        switch (k.kind()) {
            case "value": {
                Optional<DraftRecord> r = k.recordId() == null ? Optional.empty() : Drafts.find(c, k.recordId());
                if (r.isEmpty())
                    throw Problem.refused("the record of that conflict no longer exists", "resolve it as office");
                String current = r.get().cell(k.variable());
                losing = choice.losing(k.fieldValue(), current);
                String kept = choice.kept(k.fieldValue(), current);
                if (!kept.equals(current)) {
                    Drafts.save(
                            c,
                            forms,
                            k.recordId(),
                            Map.of(k.variable(), kept),
                            actor,
                            "field_conflict_resolved",
                            "resolved from a field conflict: the " + choice.id() + " value kept");
                }
                break;
            }
            case "deletion": {
                Optional<DraftRecord> r = k.recordId() == null ? Optional.empty() : Drafts.find(c, k.recordId());
                if (choice == Choice.FIELD && r.isPresent()) Drafts.remove(c, forms, k.recordId(), actor);
                losing = choice == Choice.FIELD ? "record kept" : "record removed";
                break;
            }
            case "record_gone":
                if (choice == Choice.FIELD)
                    throw Problem.usage(
                            "the record was removed in the study; the laptop's value cannot be written",
                            "keep the office side, or add the record again and key the value");
                losing = k.fieldValue();
                break;
            default:
                throw new IllegalStateException("unknown conflict kind " + k.kind());
        }
        FieldLedger.resolve(c, k.id(), choice.id(), losing, actor);
        AuditEvents.record(
                c,
                actor,
                "field_conflict_resolved",
                k.form(),
                "conflict",
                k.id(),
                "kind",
                k.kind(),
                "case",
                k.caseId(),
                "pass",
                k.pass(),
                "record",
                k.recordKey(),
                "variable",
                k.variable(),
                "kept",
                choice.id());
    }

    private static boolean sees(Connection c, Account user, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tf_id FROM coding_case WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && user.sees(rs.getString(1));
            }
        }
    }

    private static void requireCoordinates(Account user) {
        if (!user.role().coordinates()) throw new NotAllowed("Only coordinators manage field packages");
    }
}

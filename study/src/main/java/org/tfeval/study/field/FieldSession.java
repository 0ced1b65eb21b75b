package org.tfeval.study.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.store.audit.AuditEvent;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.field.FieldRows;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;

/**
 * A field package opened on the laptop. The package file is the only persistent store: on open,
 * a working study is made in a temporary folder (in memory, {@code /dev/shm}, where the system has
 * it, so a switched-off laptop keeps nothing in clear), its database is filled from the package
 * body and every event in it, and the coding screens run on it. After every change
 * {@link #sync()} compares the database with the package and appends the differences as one
 * encrypted batch of events, forced to disk, before the change is acknowledged; the database's
 * audit events go into the package as the device's activity log. {@link #close()} saves the
 * rest and wipes the working folder. The key stays in memory only.
 */
public final class FieldSession implements AutoCloseable {
    /** Where working folders go when the system has a memory file system. */
    static final Path MEMORY = Path.of("/dev/shm");
    /** The prefix of a working folder (left-overs of a killed session are removed on the next open). */
    static final String WORK_PREFIX = "tfeval-field-";

    private final Path file;
    private final PackageBody body;
    private final Path work;
    private final Study study;
    private final FieldPackage.Appender appender;
    private final LaptopState state;
    private final Clock clock;
    private long auditSeen;
    private int batches;
    private final long dropped;

    private FieldSession(
            Path file,
            PackageBody body,
            Path work,
            Study study,
            FieldPackage.Appender appender,
            LaptopState state,
            Clock clock,
            long auditSeen,
            int batches,
            long dropped) {
        this.file = file;
        this.body = body;
        this.work = work;
        this.study = study;
        this.appender = appender;
        this.state = state;
        this.clock = clock;
        this.auditSeen = auditSeen;
        this.batches = batches;
        this.dropped = dropped;
    }

    /**
     * Opens a package on the laptop: refused when expired, with another passphrase, or changed.
     * {@code dbOverride} (tests) names a PostgreSQL database instead of the embedded one.
     */
    public static FieldSession open(Path file, FieldPassphrase passphrase, String dbOverride, Clock clock) {
        Objects.requireNonNull(file, "file");
        FieldPackage.Opened opened = FieldPackage.open(file, passphrase, clock.instant(), false);
        PackageBody body = PackageBody.parse(opened.body());
        if (!body.studyId().equals(opened.header().studyId())
                || !body.deviceId().equals(opened.header().deviceId())) throw FieldPackage.damaged();
        LaptopState state = LaptopState.of(body);
        int batches = 0;
        for (byte[] b : opened.batches()) {
            for (FieldEvent e : FieldEvent.read(b)) state.apply(e);
            batches++;
        }
        Path work = workFolder();
        Study study = null;
        FieldPackage.Appender appender = null;
        try {
            Path dir = work.resolve("study");
            StudyWorkspace.init(dir, "ecm", false);
            OwnerOnlyFiles.writeString(dir.resolve("instrument.yaml"), body.instrumentYaml(), StandardCharsets.UTF_8);
            study = Study.open(dir, dbOverride);
            long seen;
            try (Connection c = study.store().connect()) {
                c.setAutoCommit(false);
                for (FieldRows.Table t : List.of(
                        FieldRows.Table.TASK_FORCE,
                        FieldRows.Table.SAMPLE_DRAW,
                        FieldRows.Table.SAMPLE_CASE,
                        FieldRows.Table.ACCOUNT,
                        FieldRows.Table.ACCOUNT_TASK_FORCE)) FieldRows.load(c, t, body.rows(t));
                state.load(c);
                c.commit();
                seen = lastSeq(c);
            }
            appender = opened.appender();
            FieldSession s = new FieldSession(
                    file, body, work, study, appender, state, clock, seen, batches, opened.droppedBytes());
            s.activity("field_open", "package opened on the laptop");
            return s;
        } catch (SQLException e) {
            cleanUp(study, appender, work);
            throw Problem.internal("the laptop database refused the package (" + e.getSQLState() + ")", e);
        } catch (RuntimeException e) {
            cleanUp(study, appender, work);
            throw e;
        }
    }

    /** The working study the coding screens run on. */
    public Study study() {
        return study;
    }

    /** The site of the package. */
    public String taskForce() {
        return body.tfId();
    }

    /** The coder the package was made for (who signs in). */
    public String coder() {
        return body.coder();
    }

    public Instant expiresAt() {
        return body.expiresAt();
    }

    public UUID deviceId() {
        return body.deviceId();
    }

    /** Event batches in the package (saves since checkout). */
    public synchronized int batches() {
        return batches;
    }

    /** Bytes of an unfinished save dropped on open (the laptop lost power while writing it; never acknowledged). */
    public long droppedBytes() {
        return dropped;
    }

    /**
     * Saves every change made in the working database since the last call to the package, as one
     * batch forced to disk; returns how many events it held (0: nothing changed).
     */
    public synchronized int sync() {
        try (Connection c = study.store().connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            LaptopState now = LaptopState.read(c);
            long last = lastSeq(c);
            List<AuditEvent> audit = last > auditSeen ? AuditLog.events(c, auditSeen + 1, last) : List.of();
            c.commit();
            Instant at = clock.instant();
            List<FieldEvent> events = new ArrayList<>(state.diff(now, body.coder(), at));
            for (AuditEvent a : audit) events.add(activityEvent(a.at(), a.actor(), a.action(), a.form(), a.detail()));
            if (events.isEmpty()) return 0;
            appender.append(FieldEvent.write(events));
            batches++;
            state.become(now);
            auditSeen = last;
            return events.size();
        } catch (SQLException e) {
            throw Problem.internal("the laptop database refused to read the coding (" + e.getSQLState() + ")", e);
        }
    }

    private synchronized void activity(String action, String what) {
        appender.append(FieldEvent.write(List.of(activityEvent(clock.instant(), body.coder(), action, null, what))));
        batches++;
    }

    private FieldEvent activityEvent(Instant at, String actor, String action, String form, String detail) {
        return new FieldEvent(
                UUID.randomUUID(),
                FieldEvent.Kind.ACTIVITY,
                at,
                actor,
                null,
                null,
                form,
                null,
                null,
                null,
                action,
                null,
                detail,
                null,
                null,
                null);
    }

    /** Saves what is left, stops the database and wipes the working folder. */
    @Override
    public synchronized void close() {
        try {
            sync();
            activity("field_close", "package closed on the laptop");
        } finally {
            cleanUp(study, appender, work);
        }
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (var st = c.createStatement();
                var rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void cleanUp(Study study, FieldPackage.Appender appender, Path work) {
        try {
            if (appender != null) appender.close();
        } finally {
            try {
                if (study != null) study.close();
            } finally {
                WorkFolders.deleteTree(work);
            }
        }
    }

    /** A new owner-only working folder in memory where possible; left-overs of killed sessions are removed first. */
    static Path workFolder() {
        Path parent = Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)
                ? MEMORY
                : Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftOvers(parent);
        try {
            Path dir = Files.createTempDirectory(
                    parent, WORK_PREFIX + ProcessHandle.current().pid() + "-");
            OwnerOnlyFiles.restrict(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a working folder in " + parent, e);
        }
    }

    /** Removes working folders of this user's sessions whose process is gone (killed, or the laptop lost power). */
    private static void removeLeftOvers(Path parent) {
        try (var s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.startsWith(WORK_PREFIX) || !Files.isWritable(p)) continue;
                String[] parts = name.substring(WORK_PREFIX.length()).split("-", 2);
                try {
                    long pid = Long.parseLong(parts[0]);
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                    WorkFolders.deleteTree(p);
                } catch (NumberFormatException | UncheckedIOException e) {
                    // not ours, or not removable: leave it
                }
            }
        } catch (IOException e) {
            // nothing to clean
        }
    }
}

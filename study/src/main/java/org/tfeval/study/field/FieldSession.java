package org.tfeval.study.field;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.store.audit.AuditEvent;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.field.FieldRows;
import org.tfeval.store.field.LaptopChanges;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;
import org.tfeval.study.backup.Passphrase;

/**
 * A field package opened on the laptop. The package file is the only persistent store: on open,
 * a working study is made in a temporary folder in memory ({@code /dev/shm}, a tmpfs, so a
 * switched-off laptop keeps nothing in clear; without it the package is refused unless the
 * coder allows a disk folder, owner-only and wiped on close), its database is filled from the package
 * body and every event in it, and the coding screens run on it. After every change
 * {@link #sync()} compares the rows that changed (row triggers record their keys, {@link
 * LaptopChanges}) with the package's state held in memory and appends the differences as one
 * encrypted batch of events, forced to disk, before the change is acknowledged: a save reads and
 * writes the rows of the case saved, whatever the size of the package. The database's audit
 * events go into the package as the device's activity log. {@link #close()} saves the rest and
 * wipes the working folder. The key stays in memory only.
 */
public final class FieldSession implements AutoCloseable {
    /** Where working folders go when the system has a memory file system. */
    static final Path MEMORY = Path.of("/dev/shm");
    /** File system types that keep nothing after power is cut. */
    static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");
    /**
     * How far the laptop's clock may lie behind the latest time the package has seen (clocks of
     * laptops drift and are corrected); further behind, the clock was set back and the package is refused.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    /**
     * How a package is opened on the laptop.
     *
     * @param dbOverride       a PostgreSQL database instead of the embedded one (tests), or null
     * @param clock            the laptop's clock
     * @param memory           the memory file system for the working folder
     * @param disk             where the working folder goes when {@code allowDiskWorkdir} and there is no memory file system
     * @param allowDiskWorkdir whether the working data may be on disk (plain while serving) when there is no memory file system
     */
    public record Options(String dbOverride, Clock clock, Path memory, Path disk, boolean allowDiskWorkdir) {
        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(memory, "memory");
            Objects.requireNonNull(disk, "disk");
        }

        /** The embedded database, the system clock, {@code /dev/shm}, no disk folder. */
        public static Options defaults() {
            return new Options(null, Clock.systemUTC(), MEMORY, Path.of(System.getProperty("java.io.tmpdir")), false);
        }

        public Options withDb(String db) {
            return new Options(db, clock, memory, disk, allowDiskWorkdir);
        }

        public Options withClock(Clock c) {
            return new Options(dbOverride, c, memory, disk, allowDiskWorkdir);
        }

        public Options withFolders(Path memoryRoot, Path diskRoot) {
            return new Options(dbOverride, clock, memoryRoot, diskRoot, allowDiskWorkdir);
        }

        public Options allowingDiskWorkdir(boolean allow) {
            return new Options(dbOverride, clock, memory, disk, allow);
        }
    }
    /**
     * How a save reads the laptop's database: the rows whose keys changed, on a connection kept
     * open (what the laptop runs), or the way saves worked before, on a new connection each time
     * reading every coding row of the package (kept for the benchmark's baseline only).
     */
    enum Reading {
        CHANGED_ROWS,
        ALL_ROWS
    }

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
    private final Instant leaseUntil;
    private final Reading reading;
    private int lastRowsRead;
    private Connection syncConnection;

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
            long dropped,
            Instant leaseUntil,
            Reading reading) {
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
        this.leaseUntil = leaseUntil;
        this.reading = reading;
    }

    /**
     * Opens a package on the laptop: refused when expired, with another passphrase, or changed.
     * {@code dbOverride} (tests) names a PostgreSQL database instead of the embedded one.
     */
    public static FieldSession open(Path file, Passphrase passphrase, String dbOverride, Clock clock) {
        return open(file, passphrase, Options.defaults().withDb(dbOverride).withClock(clock));
    }

    /**
     * Opens a package on the laptop: refused when expired, past its lease, with the laptop's
     * clock set back behind the latest time recorded in the package, with another passphrase, or
     * changed; and when there is no memory file system for the working data unless the options
     * allow a disk folder.
     */
    public static FieldSession open(Path file, Passphrase passphrase, Options options) {
        return open(file, passphrase, options, Reading.CHANGED_ROWS);
    }

    /** As {@link #open(Path, Passphrase, Options)}, saving by the given way of reading the database. */
    static FieldSession open(Path file, Passphrase passphrase, Options options, Reading reading) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reading, "reading");
        Clock clock = options.clock();
        Instant now = clock.instant();
        FieldPackage.Opened opened = FieldPackage.open(file, passphrase, now, false);
        PackageBody body = PackageBody.parse(opened.body());
        if (!body.studyId().equals(opened.header().studyId())
                || !body.deviceId().equals(opened.header().deviceId())) throw FieldPackage.damaged();
        LaptopState state = LaptopState.of(body);
        int batches = 0;
        Instant lastSeen = opened.header().createdAt();
        for (byte[] b : opened.batches()) {
            for (FieldEvent e : FieldEvent.read(b)) {
                state.apply(e);
                if (e.at().isAfter(lastSeen)) lastSeen = e.at();
            }
            batches++;
        }
        requireTime(opened.header(), lastSeen, now);
        Path work = workFolder(options);
        Study study = null;
        FieldPackage.Appender appender = null;
        try {
            Path dir = work.resolve("study");
            StudyWorkspace.init(dir, "ecm", false);
            OwnerOnlyFiles.writeString(dir.resolve("instrument.yaml"), body.instrumentYaml(), StandardCharsets.UTF_8);
            study = Study.open(dir, options.dbOverride());
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
                if (reading == Reading.CHANGED_ROWS) LaptopChanges.track(c);
                c.commit();
                seen = lastSeq(c);
            }
            appender = opened.appender();
            FieldSession s = new FieldSession(
                    file,
                    body,
                    work,
                    study,
                    appender,
                    state,
                    clock,
                    seen,
                    batches,
                    opened.droppedBytes(),
                    opened.header().leaseUntil(),
                    reading);
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

    /** Until when the laptop may open the package without renewing it online. */
    public Instant leaseUntil() {
        return leaseUntil;
    }

    /** The working folder (in memory unless a disk folder was allowed). */
    public Path workFolder() {
        return work;
    }

    /**
     * Refuses a package whose lease or expiry has passed, reckoned from the later of the laptop's
     * clock and the latest time the package recorded (every save and every open records one,
     * authenticated), and a clock set back behind that time.
     */
    static void requireTime(FieldPackage.Header h, Instant lastSeen, Instant now) {
        if (now.plus(CLOCK_TOLERANCE).isBefore(lastSeen)) {
            throw Problem.refused(
                    "this laptop's clock is behind the last time the field package was used (" + lastSeen
                            + "); the package was not opened",
                    "set the clock right; a clock set back cannot extend a package's lease");
        }
        Instant effective = now.isAfter(lastSeen) ? now : lastSeen;
        if (effective.isAfter(h.expiresAt())) {
            throw Problem.refused(
                    "this field package expired at " + h.expiresAt() + " and can no longer be opened",
                    "bring the laptop to the coordinator to check the package in, or ask for a new package");
        }
        if (effective.isAfter(h.leaseUntil())) {
            throw Problem.refused(
                    "the lease of this field package ended at " + h.leaseUntil() + "; it was not opened",
                    "renew it where the study can be reached: tfeval field renew FILE --study DIR"
                            + " (refused for a revoked device), or check it in");
        }
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
     * batch forced to disk; returns how many events it held (0: nothing changed). Reads only the
     * rows whose keys changed since the last call; the keys are taken in the same transaction and
     * committed only after the batch is on disk, so a failed save leaves them for the next call.
     */
    public synchronized int sync() {
        boolean keepConnection = false; // a failed save's transaction is rolled back by closing it
        try {
            Connection c = syncConnection();
            LaptopState now =
                    reading == Reading.CHANGED_ROWS ? LaptopState.read(c, LaptopChanges.take(c)) : LaptopState.read(c);
            long last = lastSeq(c);
            List<AuditEvent> audit = last > auditSeen ? AuditLog.events(c, auditSeen + 1, last) : List.of();
            Instant at = clock.instant();
            List<FieldEvent> events = new ArrayList<>(state.diff(now, body.coder(), at));
            for (AuditEvent a : audit) events.add(activityEvent(a.at(), a.actor(), a.action(), a.form(), a.detail()));
            lastRowsRead = now.rows();
            if (!events.isEmpty()) {
                appender.append(FieldEvent.write(events));
                batches++;
            }
            state.become(now);
            auditSeen = last;
            c.commit();
            keepConnection = reading == Reading.CHANGED_ROWS;
            return events.size();
        } catch (SQLException e) {
            throw Problem.internal("the laptop database refused to read the coding (" + e.getSQLState() + ")", e);
        } finally {
            if (!keepConnection) dropSyncConnection();
        }
    }

    /**
     * The connection saves use, kept open between them (connecting cost more than the rest of a
     * save); made again after a failed save.
     */
    private Connection syncConnection() throws SQLException {
        if (syncConnection == null) {
            Connection c = study.store().connect();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            syncConnection = c;
        }
        return syncConnection;
    }

    /** Closes the saves' connection (rolling back a failed save's transaction: its changed keys stay recorded). */
    private void dropSyncConnection() {
        Connection c = syncConnection;
        syncConnection = null;
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            // closing a broken connection: the database ends its transaction
        }
    }

    /** Coding rows the last {@link #sync()} read from the database (tests and the benchmark). */
    synchronized int lastRowsRead() {
        return lastRowsRead;
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
            dropSyncConnection();
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

    /**
     * A new owner-only working folder in memory, or on disk when there is no memory file system
     * and the options allow it (refused otherwise); left-overs of killed sessions are removed
     * first, in both places.
     */
    static Path workFolder(Options options) {
        boolean memory = inMemory(options.memory());
        if (!memory && !options.allowDiskWorkdir()) {
            throw Problem.refused(
                    "this system has no memory file system (tmpfs) at " + options.memory()
                            + "; the working data would be on disk in clear while the package is open",
                    "run where " + MEMORY + " is a tmpfs, or pass --allow-disk-workdir (the folder is owner-only"
                            + " and wiped when serve stops or, after a crash, on the next open)");
        }
        if (Files.isDirectory(options.memory())) removeLeftOvers(options.memory());
        if (Files.isDirectory(options.disk())) removeLeftOvers(options.disk());
        Path parent = memory ? options.memory() : options.disk();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the folder " + parent, e);
        }
        try {
            Path dir = Files.createTempDirectory(
                    parent, WORK_PREFIX + ProcessHandle.current().pid() + "-");
            OwnerOnlyFiles.restrict(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a working folder in " + parent, e);
        }
    }

    /** Whether {@code dir} is a writable memory file system (tmpfs). */
    static boolean inMemory(Path dir) {
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) return false;
        try {
            return MEMORY_FILE_SYSTEMS.contains(Files.getFileStore(dir).type());
        } catch (IOException e) {
            return false;
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

package org.tfeval.study.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.pg.DatabaseDump;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.protect.ParticipantKeys;
import org.tfeval.study.protect.WithdrawalRegister;
import org.tfeval.study.protect.Withdrawals;

/**
 * Backing up and restoring a whole study: a consistent copy of its database ({@link DatabaseDump}:
 * every table's rows and every sequence, read in one transaction) and every regular file of the study folder except the embedded
 * database's {@code db/} (config, instrument, snapshots, reports, samples, the audit key and anchor
 * files), sealed with the operator's passphrase ({@link SealedBackup}: AES-256-GCM, PBKDF2).
 *
 * <p>A restore first opens and authenticates the whole backup; a changed, truncated or wrongly
 * keyed backup is refused before anything is written. It then writes the files into a new study
 * folder, lets the study's migrations make the tables of a new embedded database and loads the
 * copy into them (the same tfeval version must restore it); when that fails, the new folder is
 * removed again. The backup is held in memory while it is made and opened.
 */
public final class Backups {
    private static final String PAYLOAD = "tfeval-backup-payload 1";
    private static final byte FILE = 'F';
    private static final byte DATABASE = 'D';
    private static final byte END = 'E';
    private static final int OWNER_BITS = 0700;

    /**
     * The study folder's key store and withdrawal register ({@link ParticipantKeys#FOLDER},
     * {@link WithdrawalRegister#FILE}): never in a backup, so destroying a participant's key also
     * shreds every backup's copy of their sealed words, and a backup made before a withdrawal cannot
     * undo it. A restore takes them from the live study ({@code keysFrom}).
     */
    public static final String KEYS_FOLDER = "keys";

    /** Who re-applies recorded withdrawals after a restore, in the audit log. */
    static final String RESTORE_ACTOR = "restore";

    private Backups() {}

    /**
     * What a backup holds.
     *
     * @param files         study files by path relative to the study folder, with their sizes
     * @param databaseBytes size of the database dump
     * @param sealedBytes   size of the encrypted backup
     */
    public record Contents(Map<String, Long> files, long databaseBytes, long sealedBytes) {
        public Contents {
            files = Map.copyOf(files);
            if (databaseBytes <= 0) throw new IllegalArgumentException("a backup holds a database dump");
        }
    }

    /** Backs up an open study into {@code out} (a new file, owner-only); the backup is recorded in the audit log. */
    public static Contents backup(Study study, Path out, Passphrase passphrase, String actor) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw Problem.usage("the backup file " + out + " already exists", "choose a new file name");
        }
        Path studyDir = study.folder().dir();
        if (target.startsWith(studyDir)) {
            throw Problem.usage("the backup file must be outside the study folder", "write it to another folder");
        }
        Path work = null;
        try {
            study.store().tx(c -> {
                AuditEvents.record(c, actor, "backup", null);
                return null;
            });
            work = Files.createTempDirectory("tfeval-backup-"); // 0700
            Path dump = OwnerOnlyFiles.emptyFile(work.resolve("database.dump"));
            DatabaseDump.dump(study.store().settings(), dump);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Map<String, Long> files = new LinkedHashMap<>();
            long dbBytes;
            try (DataOutputStream d = new DataOutputStream(bytes)) {
                d.writeUTF(PAYLOAD);
                for (Path f : studyFiles(studyDir)) {
                    byte[] content = Files.readAllBytes(f);
                    String rel = relative(studyDir, f);
                    d.writeByte(FILE);
                    d.writeUTF(rel);
                    d.writeInt(mode(f));
                    d.writeLong(content.length);
                    d.write(content);
                    files.put(rel, (long) content.length);
                }
                byte[] db = Files.readAllBytes(dump);
                dbBytes = db.length;
                d.writeByte(DATABASE);
                d.writeLong(db.length);
                d.write(db);
                d.writeByte(END);
            }
            byte[] sealed = SealedBackup.seal(bytes.toByteArray(), passphrase);
            Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
            Files.deleteIfExists(tmp);
            OwnerOnlyFiles.emptyFile(tmp);
            Files.write(tmp, sealed);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new Contents(files, dbBytes, sealed.length);
        } catch (IOException e) {
            throw Problem.internal("cannot write the backup " + out + " (" + e.getMessage() + ")", e);
        } catch (SQLException e) {
            throw Problem.internal("cannot record the backup in the audit log (" + e.getSQLState() + ")", e);
        } finally {
            if (work != null) WorkFolders.deleteTree(work);
        }
    }

    /**
     * Restores a backup into a new study folder with an embedded database. Nothing is written unless
     * the whole backup authenticates; a restore that fails later removes the folder it made.
     */
    public static Contents restore(Path backup, Path studyDir, Passphrase passphrase) {
        return restore(backup, studyDir, passphrase, null);
    }

    /**
     * Restores a backup into a new study folder, taking the key store and the withdrawal register
     * from the live study folder {@code keysFrom} (a backup never holds them), and re-applies every
     * withdrawal the register lists before the study is handed over: a participant removed after the
     * backup was made is removed again, their key stays destroyed. A study with interview participants
     * is refused without {@code keysFrom}. Nothing is written unless the whole backup authenticates; a
     * restore that fails later removes the folder it made.
     */
    public static Contents restore(Path backup, Path studyDir, Passphrase passphrase, Path keysFrom) {
        Path dir = studyDir.toAbsolutePath().normalize();
        if (keysFrom != null && !Files.isRegularFile(keysFrom.resolve(StudyWorkspace.CONFIG))) {
            throw Problem.usage("--keys-from " + keysFrom + " is not a study folder", "name the live study folder");
        }
        if (Files.exists(dir) && !emptyFolder(dir)) {
            throw Problem.usage("the folder " + studyDir + " is not empty", "restore into a new or empty folder");
        }
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(backup);
        } catch (IOException e) {
            throw Problem.usage("cannot read the backup " + backup + " (" + e.getMessage() + ")");
        }
        Payload payload = Payload.read(SealedBackup.open(sealed, passphrase));
        if (!payload.files().containsKey(StudyWorkspace.CONFIG)) {
            throw Problem.refused("the backup holds no study (" + StudyWorkspace.CONFIG + ")", null);
        }
        boolean existed = Files.exists(dir);
        Path work = null;
        try {
            OwnerOnlyFiles.folder(dir);
            Files.setPosixFilePermissions(dir, OwnerOnlyFiles.FOLDER);
            List<Path> readOnlyFolders = new ArrayList<>();
            for (Map.Entry<String, Payload.StoredFile> e : payload.files().entrySet()) {
                Path f = dir.resolve(e.getKey());
                OwnerOnlyFiles.folder(f.getParent());
                OwnerOnlyFiles.emptyFile(f);
                Files.write(f, e.getValue().content());
                Files.setPosixFilePermissions(f, permissions(e.getValue().mode()));
                if ((e.getValue().mode() & 0200) == 0) readOnlyFolders.add(f.getParent());
            }
            for (Path folder : readOnlyFolders) { // a snapshot is read-only, its folder too
                Files.setPosixFilePermissions(folder, permissions(0500));
            }
            work = Files.createTempDirectory("tfeval-restore-");
            Path dump = OwnerOnlyFiles.emptyFile(work.resolve("database.dump"));
            Files.write(dump, payload.database());
            if (keysFrom != null) copyKeys(keysFrom.toAbsolutePath().normalize(), dir);
            // the study's own migrations make the tables; the copy then replaces their rows
            try (Study restored = Study.open(dir, StudyWorkspace.EMBEDDED)) {
                DatabaseDump.restore(restored.store().settings(), dump);
                if (keysFrom == null && participants(restored) > 0) {
                    throw Problem.usage(
                            "the backup holds interview participants, whose key store and withdrawal register"
                                    + " never travel in a backup",
                            "restore with --keys-from LIVE_STUDY_FOLDER, so recorded withdrawals are re-applied");
                }
                Withdrawals.of(restored).reapply(RESTORE_ACTOR);
                compact(restored);
            }
            return new Contents(payload.sizes(), payload.database().length, sealed.length);
        } catch (IOException | RuntimeException e) {
            removeMade(dir, existed);
            if (e instanceof Problem) throw (Problem) e;
            throw Problem.internal("cannot restore the backup into " + studyDir + " (" + e.getMessage() + ")", e);
        } finally {
            if (work != null) WorkFolders.deleteTree(work);
        }
    }

    private static List<Path> studyFiles(Path studyDir) throws IOException {
        Path db = studyDir.resolve(StudyWorkspace.DB_FOLDER);
        Path keys = studyDir.resolve(KEYS_FOLDER);
        try (Stream<Path> s = Files.walk(studyDir)) {
            return s.filter(p -> !p.startsWith(db))
                    .filter(p -> !p.startsWith(keys))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }

    private static void copyKeys(Path from, Path to) throws IOException {
        Path src = from.resolve(KEYS_FOLDER);
        if (!Files.isDirectory(src)) return;
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    OwnerOnlyFiles.folder(target);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Rewrites the restored database's tables ({@code VACUUM FULL}) so rows a re-applied removal
     * deleted do not linger as dead tuples in the new server's data files.
     */
    private static void compact(Study study) {
        try (java.sql.Connection c = study.store().connect();
                java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("VACUUM FULL");
        } catch (SQLException e) {
            throw Problem.internal("cannot compact the restored database (" + e.getSQLState() + ")", e);
        }
    }

    private static long participants(Study study) {
        try (java.sql.Connection c = study.store().connect();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM "
                        + study.store().table("participant").table());
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw Problem.internal("cannot count the restored participants (" + e.getSQLState() + ")", e);
        }
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString();
    }

    private static int mode(Path f) throws IOException {
        return ((Integer) Files.getAttribute(f, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & OWNER_BITS;
    }

    private static Set<PosixFilePermission> permissions(int ownerMode) {
        Set<PosixFilePermission> p = java.util.EnumSet.noneOf(PosixFilePermission.class);
        if ((ownerMode & 0400) != 0) p.add(PosixFilePermission.OWNER_READ);
        if ((ownerMode & 0200) != 0) p.add(PosixFilePermission.OWNER_WRITE);
        if ((ownerMode & 0100) != 0) p.add(PosixFilePermission.OWNER_EXECUTE);
        return p;
    }

    private static boolean emptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void removeMade(Path dir, boolean existed) {
        try {
            if (existed) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) WorkFolders.deleteTree(p);
                }
            } else {
                WorkFolders.deleteTree(dir);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: the original failure is what the operator needs to see
        }
    }

    /** The decrypted content of a backup, checked before anything is written. */
    private record Payload(Map<String, StoredFile> files, byte[] database) {
        record StoredFile(int mode, byte[] content) {}

        Map<String, Long> sizes() {
            Map<String, Long> m = new LinkedHashMap<>();
            files.forEach((k, v) -> m.put(k, (long) v.content().length));
            return m;
        }

        static Payload read(byte[] plain) {
            Map<String, StoredFile> files = new LinkedHashMap<>();
            byte[] database = null;
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
                if (!PAYLOAD.equals(in.readUTF())) throw unreadable("unknown format");
                while (true) {
                    byte kind = in.readByte();
                    if (kind == END) break;
                    if (kind == FILE) {
                        String rel = in.readUTF();
                        int mode = in.readInt();
                        byte[] content = readBytes(in, in.readLong(), plain.length);
                        files.put(safeRelative(rel), new StoredFile(mode & OWNER_BITS, content));
                    } else if (kind == DATABASE) {
                        database = readBytes(in, in.readLong(), plain.length);
                    } else {
                        throw unreadable("unknown entry");
                    }
                }
                if (in.available() != 0) throw unreadable("data after the end");
            } catch (EOFException e) {
                throw unreadable("it ends early");
            } catch (IOException e) {
                throw unreadable(e.getMessage());
            }
            if (database == null) throw unreadable("no database dump");
            return new Payload(files, database);
        }

        private static byte[] readBytes(DataInputStream in, long length, int limit) throws IOException {
            if (length < 0 || length > limit) throw unreadable("an entry's length is impossible");
            return in.readNBytes((int) length);
        }

        /** A stored path stays inside the new study folder and never reaches its database folder. */
        private static String safeRelative(String rel) {
            Path p = Path.of(rel).normalize();
            if (rel.isEmpty()
                    || p.isAbsolute()
                    || p.startsWith("..")
                    || p.startsWith(StudyWorkspace.DB_FOLDER)
                    || !p.toString().equals(rel)) {
                throw unreadable("a stored path leaves the study folder");
            }
            return rel;
        }

        private static Problem unreadable(String why) {
            return Problem.refused(
                    "the backup's content is not a tfeval backup (" + why + "); nothing was restored", null);
        }
    }
}

package org.tfeval.pg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries shipped in the zonky binaries jar, unpacked once into a cache
 * folder and verified before every use: the cache must belong to the running user and be writable
 * by nobody else ({@link OwnerOnly}), and every unpacked file must match the {@link BinaryManifest}
 * made from the jar's archive entries while unpacking. A planted or modified file makes tfeval
 * unpack the binaries again; a cache root that others can write is refused.
 */
final class PostgresBinaries {
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";
    private static final String UNPACKING = "unpack-";
    private static final String DISCARDED = "discarded-";

    private PostgresBinaries() {}

    /** The folder holding verified {@code bin/}, {@code lib/} and {@code share/}, unpacking it when needed. */
    static Path resolve(Path cacheRoot) {
        String version = version();
        Path target = cacheRoot.resolve("pg-" + version);
        try {
            prepareCacheRoot(cacheRoot);
            String archiveHash = archiveHash();
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                if (verified(target, archiveHash)) return target;
                discard(cacheRoot, target);
            }
            Path tmp = Files.createTempDirectory(cacheRoot, UNPACKING);
            try (InputStream raw = archive()) {
                BinaryManifest manifest = unpack(raw, tmp, archiveHash);
                manifest.write(tmp);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
                WorkFolders.deleteTree(tmp); // another process unpacked it first: verified below like any other
            }
            if (!verified(target, archiveHash)) {
                throw new IllegalStateException("the PostgreSQL binaries in " + target
                        + " do not match the archive they were unpacked from; refusing to run them."
                        + " Check who else writes to " + cacheRoot);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot unpack the PostgreSQL binaries into " + cacheRoot + " (version " + version + ")", e);
        }
    }

    /** The binaries' version, from the build (the cache folder is named after it). */
    static String version() {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("pg.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("binaries.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("pg.properties is missing from the build", e);
        }
    }

    /** Whether an unpacked copy is still exactly what this build's archive holds, and only its owner may change it. */
    static boolean verified(Path target) throws IOException {
        return verified(target, archiveHash());
    }

    private static boolean verified(Path target, String archiveHash) throws IOException {
        if (!OwnerOnly.writableOnlyByOwnerTree(target)) return false;
        var manifest = BinaryManifest.read(target);
        return manifest.isPresent()
                && manifest.get().archiveHash().equals(archiveHash)
                && manifest.get().matches(target);
    }

    private static void prepareCacheRoot(Path cacheRoot) throws IOException {
        if (!Files.exists(cacheRoot, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(cacheRoot);
            Files.setPosixFilePermissions(cacheRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        OwnerOnly.requireSafeFolder(cacheRoot, "the PostgreSQL binary cache");
        // left-overs of interrupted unpacks and of discarded copies
        try (Stream<Path> s = Files.list(cacheRoot)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(DISCARDED)) WorkFolders.deleteTree(p);
            }
        }
    }

    /** Moves a copy that failed verification out of the way (then deletes it), so it can never run. */
    private static void discard(Path cacheRoot, Path target) throws IOException {
        Path aside = Files.createTempDirectory(cacheRoot, DISCARDED);
        try {
            Files.move(target, aside.resolve("pg"), StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException e) {
            // another process discarded it first
        }
        WorkFolders.deleteTree(aside);
    }

    private static InputStream archive() {
        InputStream raw = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
        if (raw == null)
            throw new IllegalStateException("PostgreSQL binaries " + ARCHIVE + " are not on the class path");
        return raw;
    }

    /** SHA-256 of the archive inside the jar: the manifest must have been made from this very archive. */
    private static String archiveHash() throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(archive(), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static BinaryManifest unpack(InputStream raw, Path dir, String archiveHash) throws IOException {
        BinaryManifest.Builder manifest = new BinaryManifest.Builder(archiveHash);
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir) || out.equals(dir.resolve(BinaryManifest.FILE))) {
                    throw new IOException("archive entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    manifest.link(dir.relativize(out), e.getLinkName());
                } else {
                    Files.createDirectories(out.getParent());
                    MessageDigest md = sha256();
                    Files.copy(new DigestInputStream(tar, md), out, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (e.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(
                            out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                    manifest.file(dir.relativize(out), HexFormat.of().formatHex(md.digest()), executable);
                }
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        return manifest.build();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

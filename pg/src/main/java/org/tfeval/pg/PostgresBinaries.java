package org.tfeval.pg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** The PostgreSQL server binaries shipped in the zonky binaries jar, unpacked once into a cache folder. */
final class PostgresBinaries {
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {}

    /** The folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it on first use. */
    static Path resolve(Path cacheRoot) {
        String version = version();
        Path target = cacheRoot.resolve("pg-" + version);
        if (Files.isExecutable(target.resolve("bin/postgres"))) return target;
        try {
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, "unpack-");
            try (InputStream raw = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
                if (raw == null)
                    throw new IllegalStateException("PostgreSQL binaries " + ARCHIVE + " are not on the class path");
                unpack(raw, tmp);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException
                    | AtomicMoveNotSupportedException
                    | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(tmp); // another process unpacked it first
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

    private static void unpack(InputStream raw, Path dir) throws IOException {
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir)) throw new IOException("archive entry outside the target: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Set<PosixFilePermission> perms = (e.getMode() & 0100) != 0
                            ? PosixFilePermissions.fromString("rwxr-xr-x")
                            : PosixFilePermissions.fromString("rw-r--r--");
                    Files.setPosixFilePermissions(out, perms);
                }
            }
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}

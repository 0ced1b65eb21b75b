package org.tfeval.instrument.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files that may hold personal data (exports, releases, validation reports, sample draws, reports,
 * snapshots, the study folder) are the owner's only: folders 0700, files 0600, whatever the
 * umask. A file is created with its mode before a byte is written to it; a folder written by
 * several writers is restricted once more when it is complete.
 */
public final class OwnerOnlyFiles {
    /** Mode of a new file: read and write for its owner only. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** Mode of a new folder: its owner only. */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {}

    /** Creates a folder and its missing parents, each new one owner-only; an existing folder keeps its mode. */
    public static Path folder(Path dir) {
        try {
            List<Path> missing = new ArrayList<>();
            for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
                missing.add(p);
            }
            for (int i = missing.size() - 1; i >= 0; i--) {
                Path p = missing.get(i);
                try {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(FOLDER));
                    Files.setPosixFilePermissions(p, FOLDER); // the umask may have removed owner bits
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile by another writer
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + dir, e);
        }
    }

    /**
     * Creates or empties a file, owner-only before anything is written to it (its parent folders
     * are created owner-only when missing).
     */
    public static Path emptyFile(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null)
                folder(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (FileAlreadyExistsException e) {
                Files.newByteChannel(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                        .close();
            }
            Files.setPosixFilePermissions(file, FILE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Writes a text file owner-only. */
    public static void writeString(Path file, CharSequence text, Charset charset) {
        emptyFile(file);
        try {
            Files.writeString(file, text, charset, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Takes every right of group and others from a file, or from a folder and everything in it (the
     * owner's rights stay as they are, so a read-only snapshot stays read-only).
     */
    public static void restrict(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isSymbolicLink(p)) continue;
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (perms.removeAll(GROUP_AND_OTHERS)) Files.setPosixFilePermissions(p, perms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + path + " to its owner", e);
        }
    }
}

package org.tfeval.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Ownership and mode tests on the files tfeval runs: a file or folder that another user owns, or
 * that group or others may write, could have been replaced by someone else.
 */
final class OwnerOnly {
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int STICKY = 01000;
    private static final int OTHERS_EXECUTE = 0001;
    private static final int ROOT = 0;

    private OwnerOnly() {}

    /** The running process's user id (the owner of a file it has just created). */
    static int currentUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /**
     * Refuses a folder that is not the running user's or that group or others may write, or whose
     * parent folders let another user (other than root) rename it away and put another in its place.
     */
    static void requireSafeFolder(Path folder, String what) throws IOException {
        int me = currentUid();
        Path abs = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)
                || uid(abs) != me
                || (mode(abs) & GROUP_OR_OTHERS_WRITE) != 0) {
            throw new IllegalStateException(what + " " + abs
                    + " must be a folder owned by the user running tfeval and writable by nobody else;"
                    + " remove it (tfeval makes it again) or set TFEVAL_PG_CACHE to a folder of your own");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            int mode = mode(p);
            boolean othersMayRename = (mode & GROUP_OR_OTHERS_WRITE) != 0 && (mode & STICKY) == 0;
            if ((uid(p) != me && uid(p) != ROOT) || othersMayRename) {
                throw new IllegalStateException(what + " " + abs + " lies in " + p
                        + ", which another user may change; set TFEVAL_PG_CACHE to a folder of your own");
            }
        }
    }

    /**
     * Refuses binaries the server account could not run: it runs them without privileges, and
     * PostgreSQL checks its own executables with access(2), which ignores capabilities.
     */
    static void requireReachableByOthers(Path folder, String what) throws IOException {
        for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if ((mode(p) & OTHERS_EXECUTE) == 0) {
                throw new IllegalStateException(what + " " + folder + " lies in " + p
                        + ", which the server's account '" + ServerAccount.DEDICATED_NAME
                        + "' cannot enter; set TFEVAL_PG_CACHE to a folder others can enter (the default "
                        + EmbeddedPostgres.ROOT_CACHE + " is)");
            }
        }
    }

    /** Whether every file and folder under {@code root} is the running user's and writable by nobody else. */
    static boolean writableOnlyByOwnerTree(Path root) throws IOException {
        int me = currentUid();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (uid(p) != me) return false;
                if (!Files.isSymbolicLink(p) && (mode(p) & GROUP_OR_OTHERS_WRITE) != 0) return false;
            }
        }
        return true;
    }

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }
}

package org.tfeval.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The account the embedded server runs as. PostgreSQL refuses to run as root, so when tfeval is
 * root the server runs as the dedicated system account {@value #DEDICATED_NAME} (created on first
 * use, no home, no shell), which owns the database folder and nothing else. The server gets one
 * capability, CAP_DAC_READ_SEARCH as an ambient capability, so it can reach a study that lies
 * under a folder other users cannot traverse (a container's {@code /root}, a {@code mktemp -d}
 * folder); its capability bounding set holds nothing else and it cannot gain privileges.
 */
enum ServerAccount {
    /** tfeval is not root: the server runs as the same user. */
    SELF {
        @Override
        List<String> prefix() {
            return List.of();
        }

        @Override
        void prepare() {}

        @Override
        void own(Path path, int depth) {}
    },
    /** tfeval is root: the server runs as the dedicated system account. */
    DEDICATED {
        @Override
        List<String> prefix() {
            return List.of(
                    "setpriv",
                    "--reuid=" + DEDICATED_NAME,
                    "--regid=" + DEDICATED_NAME,
                    "--clear-groups",
                    "--inh-caps=-all,+dac_read_search",
                    "--ambient-caps=+dac_read_search",
                    "--bounding-set=-all,+dac_read_search",
                    "--no-new-privs",
                    "--");
        }

        @Override
        void prepare() throws IOException {
            if (exists()) return;
            List<String> cmd = List.of(
                    "useradd",
                    "--system",
                    "--user-group",
                    "--no-create-home",
                    "--home-dir",
                    "/nonexistent",
                    "--shell",
                    "/usr/sbin/nologin",
                    "--comment",
                    "tfeval embedded PostgreSQL",
                    DEDICATED_NAME);
            try {
                Process p = new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "tfeval runs as root and needs the system account '" + DEDICATED_NAME
                                + "' for the embedded PostgreSQL server, but useradd could not be run;"
                                + " create the account (useradd --system " + DEDICATED_NAME
                                + ") or run tfeval as a normal user",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating the account " + DEDICATED_NAME, e);
            }
            if (!exists()) { // exit 9 means another tfeval created it meanwhile: exists() is what counts
                throw new IllegalStateException("could not create the system account '" + DEDICATED_NAME
                        + "' for the embedded PostgreSQL server; create it with: useradd --system " + DEDICATED_NAME);
            }
        }

        @Override
        void own(Path path, int depth) throws IOException {
            var lookup = path.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(DEDICATED_NAME);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(DEDICATED_NAME);
            List<Path> all = new ArrayList<>();
            try (Stream<Path> s = Files.walk(path, depth)) {
                s.forEach(all::add);
            }
            for (Path p : all) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                if (!view.getOwner().equals(user)) view.setOwner(user);
                if (!view.readAttributes().group().equals(group)) view.setGroup(group);
            }
        }

        private boolean exists() throws IOException {
            try {
                Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(DEDICATED_NAME);
                return true;
            } catch (UserPrincipalNotFoundException e) {
                return false;
            }
        }
    };

    /** The dedicated system account's name. */
    static final String DEDICATED_NAME = "tfeval-pg";

    /** The account for the running user. */
    static ServerAccount forCurrentUser() {
        try {
            return OwnerOnly.currentUid() == 0 ? DEDICATED : SELF;
        } catch (IOException e) {
            throw new IllegalStateException("cannot tell which user runs tfeval", e);
        }
    }

    /** What goes before a PostgreSQL command to run it as this account. */
    abstract List<String> prefix();

    /** Makes sure the account exists. */
    abstract void prepare() throws IOException;

    /** Gives a file or folder, and what lies under it down to {@code depth}, to this account (the server's files only). */
    abstract void own(Path path, int depth) throws IOException;
}

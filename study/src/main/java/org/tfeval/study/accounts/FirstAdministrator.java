package org.tfeval.study.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;

/**
 * The administrator {@code tfeval serve} creates, with a one-time password, when a study has no
 * accounts at all. The password goes into an owner-only file in the study folder (never to
 * standard output, which service managers keep in their logs); the first sign-in must replace it.
 */
public final class FirstAdministrator {
    /** Its name. */
    public static final String NAME = "admin";
    /** The file in the study folder that holds its one-time password. */
    public static final String PASSWORD_FILE = "first-administrator-password.txt";
    /** Owner read and write only. */
    static final Set<PosixFilePermission> OWNER_ONLY =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private FirstAdministrator() {}

    /**
     * Writes a one-time account's name and password to {@link #PASSWORD_FILE} in the study folder,
     * created owner-only (0600) whatever the umask (a previous file is replaced); returns its path.
     */
    public static Path writePasswordFile(Study study, OneTimeAccount account) {
        Path file = study.folder().dir().resolve(PASSWORD_FILE);
        String text = "tfeval one-time password of the administrator '" + account.name() + "'\n" + account.password()
                + "\n\nSign in as " + account.name() + " and choose a new password (the application asks for it), "
                + "then delete this file.\n";
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
                java.io.File f = file.toFile();
                if (!(f.setReadable(false, false)
                        && f.setReadable(true, true)
                        && f.setWritable(false, false)
                        && f.setWritable(true, true))) throw new IOException("cannot make the file owner-only");
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw Problem.internal("cannot write the first administrator's password file", e);
        }
    }

    /** Creates the first administrator unless the study has accounts; returns it when created. */
    public static Optional<OneTimeAccount> createIfNone(Study study, PasswordHasher hasher) {
        try (Connection c = study.store().connect()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("LOCK TABLE web_account IN SHARE ROW EXCLUSIVE MODE");
            }
            if (AccountTable.any(c)) {
                c.rollback();
                return Optional.empty();
            }
            String password = OneTimePasswords.next();
            Account a = AccountTable.create(
                    c, NAME, Role.ADMINISTRATOR, Set.of(), hasher.hash(password), "tfeval-serve", true);
            c.commit();
            return Optional.of(new OneTimeAccount(a.name(), a.role(), a.taskForces(), password));
        } catch (SQLException e) {
            throw Problem.internal("cannot create the first administrator (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

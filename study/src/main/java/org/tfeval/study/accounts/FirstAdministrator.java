package org.tfeval.study.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.Study;

/** The administrator {@code tfeval serve} creates, with a one-time password, when a study has no accounts at all. */
public final class FirstAdministrator {
    /** Its name. */
    public static final String NAME = "admin";

    private FirstAdministrator() {}

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
            Account a =
                    AccountTable.create(c, NAME, Role.ADMINISTRATOR, Set.of(), hasher.hash(password), "tfeval-serve");
            c.commit();
            return Optional.of(new OneTimeAccount(a.name(), a.role(), a.taskForces(), password));
        } catch (SQLException e) {
            throw Problem.internal("cannot create the first administrator (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

package org.tfeval.study.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.Store;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.study.Study;

/**
 * The accounts of a demo study, each with a random one-time password that is returned once and
 * stored only as an Argon2id hash: an administrator and an analyst for the whole study, and for
 * each of the first {@value #DEMO_TASK_FORCES} task forces a site coordinator, two coders and a
 * task-force viewer.
 */
public final class DemoAccounts {
    /** Task forces (the first, sorted) that get scoped demo accounts. */
    public static final int DEMO_TASK_FORCES = 2;
    /** Who the audit log records as creating them. */
    static final String ACTOR = "tfeval-demo";

    private DemoAccounts() {}

    /** Creates the demo accounts in a study that has none yet; refuses a study that already has accounts. */
    public static List<OneTimeAccount> create(Study study) {
        return create(study, PasswordHasher.defaults());
    }

    /** As {@link #create(Study)} with a given hasher. */
    public static List<OneTimeAccount> create(Study study, PasswordHasher hasher) {
        return create(study.store(), hasher);
    }

    /** As {@link #create(Study, PasswordHasher)} on a study's store. */
    static List<OneTimeAccount> create(Store store, PasswordHasher hasher) {
        CaseForms forms = CaseForms.of(store.instrument());
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            if (AccountTable.any(c))
                throw Problem.refused("the study already has accounts", "demo accounts are only made for a new study");
            List<String> tfs = CaseFiles.taskForces(c, forms);
            if (tfs.isEmpty())
                throw Problem.refused(
                        "the study has no task forces yet", "import or generate them before the demo accounts");
            List<OneTimeAccount> out = new ArrayList<>();
            out.add(make(c, hasher, "admin", Role.ADMINISTRATOR, Set.of()));
            out.add(make(c, hasher, "analyst", Role.ANALYST, Set.of()));
            for (String tf : tfs.subList(0, Math.min(DEMO_TASK_FORCES, tfs.size()))) {
                String suffix = tf.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                out.add(make(c, hasher, "coord-" + suffix, Role.SITE_COORDINATOR, Set.of(tf)));
                out.add(make(c, hasher, "coder1-" + suffix, Role.CODER, Set.of(tf)));
                out.add(make(c, hasher, "coder2-" + suffix, Role.CODER, Set.of(tf)));
                out.add(make(c, hasher, "viewer-" + suffix, Role.TASK_FORCE_VIEWER, Set.of(tf)));
            }
            out.add(make(c, hasher, "privacy", Role.PRIVACY_OFFICER, Set.of()));
            out.add(make(c, hasher, "steward", Role.STEWARD, Set.of()));
            c.commit();
            return List.copyOf(out);
        } catch (SQLException e) {
            throw Problem.internal("cannot create the demo accounts (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private static OneTimeAccount make(Connection c, PasswordHasher hasher, String name, Role role, Set<String> tfs)
            throws SQLException {
        String password = OneTimePasswords.next();
        Account a = AccountTable.create(c, name, role, tfs, hasher.hash(password), ACTOR, true);
        return new OneTimeAccount(a.name(), a.role(), a.taskForces(), password);
    }
}

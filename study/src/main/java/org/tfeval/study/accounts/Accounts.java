package org.tfeval.study.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.transaction.Transactions;

/**
 * The accounts' use cases: signing in (with the lockout and an audit event for every attempt),
 * signing out, changing one's password, and the administrators' account management. Passwords
 * are hashed here and never stored or logged in clear. Immutable.
 */
public final class Accounts {
    /** Who the audit log records for sign-in attempts with an unknown name. */
    static final String UNKNOWN_ACTOR = "unknown";

    /**
     * The outcome of a sign-in attempt.
     *
     * @param account the signed-in account, or null when the attempt failed
     * @param known   the name of the account tried, or null when no account has that name
     */
    public record SignIn(Account account, String known) {
        public boolean succeeded() {
            return account != null;
        }
    }

    /** Why a new password was not taken, or that it was. */
    public enum PasswordChange {
        CHANGED(null),
        WRONG_CURRENT("The current password is wrong."),
        TOO_SHORT("The new password needs at least " + PasswordHasher.MIN_PASSWORD_LENGTH + " characters."),
        REPEAT_DIFFERS("The two new passwords differ.");

        private final String message;

        PasswordChange(String message) {
            this.message = message;
        }

        /** Words for the person, or null when the password was changed. */
        public String message() {
            return message;
        }
    }

    /**
     * The outcome of creating an account.
     *
     * @param account the account with its one-time password, or null when it was not created
     * @param problem why not, in words, or null
     */
    public record Creation(OneTimeAccount account, String problem) {}

    private final Transactions tx;
    private final CaseForms forms;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;

    public Accounts(Transactions tx, PasswordHasher hasher, LockoutPolicy lockout) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.forms = CaseForms.of(tx.store().instrument());
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
    }

    public LockoutPolicy lockout() {
        return lockout;
    }

    /** Tries a name and password at {@code now}; every attempt is an audit event, failures count toward the lockout. */
    public SignIn signIn(String name, String password, Instant now) {
        Optional<Account> found = tx.tx(c -> name == null ? Optional.empty() : AccountTable.find(c, name.strip()));
        if (found.isEmpty()) {
            hasher.spendVerificationTime(password);
            tx.tx(c -> {
                AuditEvents.record(c, UNKNOWN_ACTOR, "login_failed", null, "reason", "unknown account");
                return null;
            });
            return new SignIn(null, null);
        }
        Account a = found.get();
        if (!a.active() || a.lockedAt(now)) {
            hasher.spendVerificationTime(password);
            tx.tx(c -> {
                AuditEvents.record(c, a.name(), "login_refused", null, "reason", a.active() ? "locked" : "deactivated");
                return null;
            });
            return new SignIn(null, a.name());
        }
        String hash = tx.tx(c -> AccountTable.passwordHash(c, a.id()));
        if (!hasher.verify(password, hash)) {
            tx.tx(c -> {
                Account after = AccountTable.recordFailure(c, a.id(), lockout, now);
                AuditEvents.record(
                        c,
                        a.name(),
                        "login_failed",
                        null,
                        "reason",
                        "wrong password",
                        "failures",
                        after.failedLogins(),
                        "locked",
                        after.lockedAt(now));
                return null;
            });
            return new SignIn(null, a.name());
        }
        tx.tx(c -> {
            AccountTable.recordSuccess(c, a.id());
            AuditEvents.record(c, a.name(), "login", null, "role", a.role().id());
            return null;
        });
        return new SignIn(a, a.name());
    }

    /** Records that an account signed out. */
    public void signOut(String actor) {
        tx.tx(c -> {
            AuditEvents.record(c, actor, "logout", null);
            return null;
        });
    }

    /** Changes an account's own password after checking the current one. */
    public PasswordChange changePassword(Account account, String current, String next, String repeat) {
        String hash = tx.tx(c -> AccountTable.passwordHash(c, account.id()));
        if (!hasher.verify(current, hash)) return PasswordChange.WRONG_CURRENT;
        if (next == null || next.length() < PasswordHasher.MIN_PASSWORD_LENGTH) return PasswordChange.TOO_SHORT;
        if (!next.equals(repeat)) return PasswordChange.REPEAT_DIFFERS;
        String newHash = hasher.hash(next);
        tx.tx(c -> {
            AccountTable.setPassword(c, account.id(), newHash, account.name());
            return null;
        });
        return PasswordChange.CHANGED;
    }

    /** Every account, by name. */
    public List<Account> list() {
        return tx.tx(AccountTable::list);
    }

    /** The account of an id. */
    public Account find(long id) {
        return tx.tx(c -> AccountTable.find(c, id)).orElseThrow(NotVisible::new);
    }

    /** The task forces accounts can be scoped to. */
    public List<String> taskForces() {
        return tx.tx(c -> CaseFiles.taskForces(c, forms));
    }

    /** An administrator creates an account with a one-time password; a name, role or task force that does not fit is a problem in words. */
    public Creation create(Account admin, String name, String roleId, Set<String> taskForces) {
        requireAdministrator(admin);
        Role role;
        try {
            role = Role.of(roleId);
        } catch (IllegalArgumentException e) {
            return new Creation(null, "Choose a role.");
        }
        String password = OneTimePasswords.next();
        String hash = hasher.hash(password);
        Set<String> tfs = role.scoped() ? new TreeSet<>(taskForces) : Set.of();
        try {
            Account a = tx.tx(c -> {
                if (!CaseFiles.taskForces(c, forms).containsAll(tfs))
                    throw new IllegalArgumentException("choose known task forces");
                return AccountTable.create(c, name, role, tfs, hash, admin.name());
            });
            return new Creation(new OneTimeAccount(a.name(), a.role(), a.taskForces(), password), null);
        } catch (Problem.Usage e) {
            return new Creation(null, "The account was not created: " + e.getMessage() + ".");
        }
    }

    /** Creates an account with a chosen password (set-up of tests and benchmarks; people get one-time passwords). */
    public Account create(String actor, String name, Role role, Set<String> taskForces, String password) {
        String hash = hasher.hash(password);
        return tx.tx(c -> AccountTable.create(c, name, role, taskForces, hash, actor));
    }

    /** An administrator activates or deactivates an account (not their own); returns it. */
    public Account setActive(Account admin, long id, boolean active) {
        requireAdministrator(admin);
        Account a = find(id);
        if (!active && a.id() == admin.id())
            throw new Problem.Data("You cannot deactivate your own account.", null, null);
        tx.tx(c -> {
            AccountTable.setActive(c, a.id(), active, admin.name());
            return null;
        });
        return a;
    }

    /** An administrator gives an account a new one-time password. */
    public OneTimeAccount resetPassword(Account admin, long id) {
        requireAdministrator(admin);
        Account a = find(id);
        String password = OneTimePasswords.next();
        String hash = hasher.hash(password);
        tx.tx(c -> {
            AccountTable.setPassword(c, a.id(), hash, admin.name());
            return null;
        });
        return new OneTimeAccount(a.name(), a.role(), a.taskForces(), password);
    }

    private static void requireAdministrator(Account a) {
        if (a == null || !a.role().administers()) throw new NotAllowed("Your role may not manage accounts");
    }
}

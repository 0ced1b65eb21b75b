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
 * The accounts' use cases: signing in (with the lockout decided atomically with the password
 * check), signing out, changing one's password (against the {@link PasswordPolicy}), and the
 * administrators' account management. Passwords are hashed here and never stored or logged in
 * clear. Failed sign-ins are counted per day, not each written to the audit log: the log gets
 * one event per lockout and one per {@value #FAILURES_PER_AUDIT_EVENT} counted failures. Immutable.
 */
public final class Accounts {
    /** Who the audit log records for counted failures that name no account. */
    static final String UNKNOWN_ACTOR = "unknown";
    /** Counted failures of one kind per audit event (the first of a day is recorded too). */
    public static final int FAILURES_PER_AUDIT_EVENT = 100;

    /**
     * The outcome of a sign-in attempt: the same for an unknown name, a wrong password, a locked
     * and a deactivated account, so the answer does not tell which names exist.
     *
     * @param account            the signed-in account, or null when the attempt failed
     * @param mustChangePassword whether the account must choose a new password before anything else
     */
    public record SignIn(Account account, boolean mustChangePassword) {
        static final SignIn FAILED = new SignIn(null, false);

        public boolean succeeded() {
            return account != null;
        }
    }

    /**
     * Whether a new password was taken.
     *
     * @param changed whether it was
     * @param message why not, in words (never quoting a password), or null
     */
    public record PasswordChange(boolean changed, String message) {
        public static final PasswordChange CHANGED = new PasswordChange(true, null);
        static final PasswordChange WRONG_CURRENT = new PasswordChange(false, "The current password is wrong.");
        static final PasswordChange REPEAT_DIFFERS = new PasswordChange(false, "The two new passwords differ.");
        static final PasswordChange SAME_AS_CURRENT =
                new PasswordChange(false, "Choose a password other than the current one.");
    }

    /**
     * The outcome of creating an account.
     *
     * @param account the account with its one-time password, or null when it was not created
     * @param problem why not, in words, or null
     */
    public record Creation(OneTimeAccount account, String problem) {}

    /** How a sign-in attempt was decided inside its transaction. */
    private enum Decision {
        SIGNED_IN,
        WRONG_PASSWORD,
        /** Unknown, locked or deactivated: no password check was made while the row was locked. */
        NOT_CHECKED
    }

    private final Transactions tx;
    private final CaseForms forms;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final PasswordPolicy policy;
    /** A hash of a random password, verified against for names that have no account (equal timing). */
    private final String dummyHash;

    public Accounts(Transactions tx, PasswordHasher hasher, LockoutPolicy lockout) {
        this(tx, hasher, lockout, new PasswordPolicy(null));
    }

    public Accounts(Transactions tx, PasswordHasher hasher, LockoutPolicy lockout, PasswordPolicy policy) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.forms = CaseForms.of(tx.store().instrument());
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.dummyHash = hasher.hash(OneTimePasswords.next());
    }

    public LockoutPolicy lockout() {
        return lockout;
    }

    /**
     * Tries a name and password at {@code now}. The account's row is locked ({@code FOR UPDATE})
     * while the lockout is read, the password checked and the failure counted, so concurrent
     * attempts are decided one after another: at most {@code lockout.threshold()} wrong passwords
     * are ever checked before the lock, and none after it. Unknown, locked and deactivated
     * accounts cost one hash verification too (outside the row lock), so timing does not tell them
     * apart.
     */
    public SignIn signIn(String name, String password, Instant now) {
        String n = name == null ? "" : name.strip();
        Account[] signedIn = new Account[1];
        boolean[] mustChange = new boolean[1];
        Decision d = tx.tx(c -> {
            Optional<AccountTable.SignInRow> row =
                    Account.NAME.matcher(n).matches() ? AccountTable.lockForSignIn(c, n) : Optional.empty();
            if (row.isEmpty()) {
                countFailure(c, "unknown_account", now);
                return Decision.NOT_CHECKED;
            }
            AccountTable.SignInRow a = row.get();
            if (!a.active() || a.lockedAt(now)) {
                countFailure(c, "refused", now);
                return Decision.NOT_CHECKED;
            }
            if (!hasher.verify(password, a.passwordHash())) {
                Account after = AccountTable.recordFailure(c, a.id(), lockout, now);
                if (after.lockedAt(now)) {
                    AuditEvents.record(
                            c,
                            a.name(),
                            "login_locked",
                            null,
                            "failures",
                            after.failedLogins(),
                            "minutes",
                            lockout.duration().toMinutes());
                } else {
                    countFailure(c, "wrong_password", now);
                }
                return Decision.WRONG_PASSWORD;
            }
            AccountTable.recordSuccess(c, a.id());
            Account account = AccountTable.find(c, a.id()).orElseThrow();
            AuditEvents.record(
                    c, a.name(), "login", null, "role", account.role().id());
            signedIn[0] = account;
            mustChange[0] = a.mustChangePassword();
            return Decision.SIGNED_IN;
        });
        if (d == Decision.NOT_CHECKED) hasher.verify(password, dummyHash);
        return d == Decision.SIGNED_IN ? new SignIn(signedIn[0], mustChange[0]) : SignIn.FAILED;
    }

    /** Counts a failure of a kind; the day's first and every {@link #FAILURES_PER_AUDIT_EVENT}-th are audit events. */
    private static void countFailure(java.sql.Connection c, String kind, Instant now) throws java.sql.SQLException {
        int today = AccountTable.countFailure(c, kind, now);
        if (today == 1 || today % FAILURES_PER_AUDIT_EVENT == 0)
            AuditEvents.record(c, UNKNOWN_ACTOR, "login_failures", null, "kind", kind, "today", today);
    }

    /** Records that an account signed out. */
    public void signOut(String actor) {
        tx.tx(c -> {
            AuditEvents.record(c, actor, "logout", null);
            return null;
        });
    }

    /** Whether an account must choose a new password before anything else (one-time or demo password). */
    public boolean mustChangePassword(Account account) {
        return tx.tx(c -> AccountTable.mustChangePassword(c, account.id()));
    }

    /**
     * Changes an account's own password after checking the current one; the new one must pass the
     * {@link PasswordPolicy} (length, not blank, not common, not the account's or study's name).
     */
    public PasswordChange changePassword(Account account, String current, String next, String repeat) {
        String hash = tx.tx(c -> AccountTable.passwordHash(c, account.id()));
        if (!hasher.verify(current, hash)) return PasswordChange.WRONG_CURRENT;
        String refusal = policy.refusal(next, account.name());
        if (refusal != null) return new PasswordChange(false, refusal);
        if (!next.equals(repeat)) return PasswordChange.REPEAT_DIFFERS;
        if (next.equals(current)) return PasswordChange.SAME_AS_CURRENT;
        String newHash = hasher.hash(next);
        tx.tx(c -> {
            AccountTable.setPassword(c, account.id(), newHash, account.name(), false);
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
                return AccountTable.create(c, name, role, tfs, hash, admin.name(), true);
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
            AccountTable.setPassword(c, a.id(), hash, admin.name(), true);
            return null;
        });
        return new OneTimeAccount(a.name(), a.role(), a.taskForces(), password);
    }

    private static void requireAdministrator(Account a) {
        if (a == null || !a.role().administers()) throw new NotAllowed("Your role may not manage accounts");
    }
}

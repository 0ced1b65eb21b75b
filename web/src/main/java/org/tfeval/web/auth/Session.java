package org.tfeval.web.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;

/**
 * A server-side session: anonymous (only a CSRF token, for the sign-in form) or signed in.
 * Everything but the last-seen time is fixed; signing in makes a new session.
 */
public final class Session {
    private final String id;
    private final Account account;
    private final String csrf;
    private final Instant created;
    private final boolean mustChangePassword;
    private volatile Instant lastSeen;

    Session(String id, Account account, String csrf, Instant created) {
        this(id, account, csrf, created, false);
    }

    Session(String id, Account account, String csrf, Instant created, boolean mustChangePassword) {
        this.id = Objects.requireNonNull(id, "id");
        this.account = account;
        this.csrf = Objects.requireNonNull(csrf, "csrf");
        this.created = Objects.requireNonNull(created, "created");
        this.mustChangePassword = mustChangePassword;
        this.lastSeen = created;
    }

    /** Whether the account signed in with a password someone else set and must choose its own first. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The session id (the cookie's value). */
    public String id() {
        return id;
    }

    /** The signed-in account, or null for an anonymous session. */
    public Account account() {
        return account;
    }

    public boolean signedIn() {
        return account != null;
    }

    /** The account's name (for the audit log). */
    public String actor() {
        return account == null ? "anonymous" : account.name();
    }

    public Role role() {
        return account == null ? null : account.role();
    }

    /** The task forces of a scoped role (empty for unscoped roles). */
    public SortedSet<String> taskForces() {
        return account.taskForces();
    }

    /** Whether the account may see a task force's records. */
    public boolean sees(String tfId) {
        return account != null && account.sees(tfId);
    }

    /** The synchronizer token every form of this session carries. */
    public String csrf() {
        return csrf;
    }

    Instant created() {
        return created;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }
}

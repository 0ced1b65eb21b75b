package org.tfeval.web;

import java.util.Objects;
import org.tfeval.store.Store;
import org.tfeval.store.account.LockoutPolicy;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.web.auth.PasswordHasher;
import org.tfeval.web.auth.Sessions;

/**
 * What the route handlers share.
 *
 * @param store    the study's store
 * @param forms    the coding workflow derived from the instrument
 * @param db       pooled transactions
 * @param sessions the sessions
 * @param hasher   password hashing
 * @param lockout  the sign-in lockout
 * @param pages    template rendering
 * @param version  the application version, recorded with sample draws
 */
public record WebContext(Store store, CaseForms forms, Db db, Sessions sessions, PasswordHasher hasher, LockoutPolicy lockout, Pages pages,
                         String version) {
    public WebContext {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(forms, "forms");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(pages, "pages");
        Objects.requireNonNull(version, "version");
    }
}

package org.tfeval.web;

import java.util.function.Predicate;
import org.tfeval.study.accounts.Role;

/** Who may call a route. Task-force scope is checked on top of this, per record. */
public enum Access {
    /** Anyone, signed in or not (sign-in form, assets). */
    PUBLIC(r -> true),
    /** Any signed-in account. */
    SIGNED_IN(r -> true),
    /** Roles that see record values. */
    READ_RECORDS(Role::readsRecords),
    /** Roles that enter coded values. */
    CODE(Role::codes),
    /** Roles that sample, assign, reconcile and settle queries. */
    COORDINATE(Role::coordinates),
    /** Roles that export records and see agreement across records. */
    EXPORT(Role::exports),
    /** Administrators. */
    ADMINISTER(Role::administers),
    /** Privacy officers: de-identification review, transcripts' originals. */
    DEIDENTIFY(Role::readsOriginals),
    /** Data stewards: restricted-use access. */
    STEWARD(Role::stewards);

    private final Predicate<Role> rule;

    Access(Predicate<Role> rule) {
        this.rule = rule;
    }

    /** Whether a signed-in role may call the route. */
    public boolean allows(Role role) {
        return role != null && rule.test(role);
    }

    /** Paths an account that must change its password may still use (besides public ones). */
    static final java.util.Set<String> BEFORE_PASSWORD_CHANGE = java.util.Set.of("/password", "/logout");

    /** Whether a route stays open to an account that must first choose its own password. */
    public boolean allowsBeforePasswordChange(String path) {
        return this == PUBLIC || BEFORE_PASSWORD_CHANGE.contains(path);
    }

    /** Whether the route needs a signed-in account. */
    public boolean needsAccount() {
        return this != PUBLIC;
    }
}

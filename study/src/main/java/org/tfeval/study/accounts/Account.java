package org.tfeval.study.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An account of the web application.
 *
 * @param id           database id
 * @param name         sign-in name: lower-case letters, digits, '.', '_' and '-'
 * @param role         the role
 * @param taskForces   the task forces whose records a scoped role may see (empty for unscoped roles)
 * @param active       whether the account may sign in
 * @param failedLogins consecutive failed sign-ins
 * @param lockedUntil  end of the current lockout, or null
 */
public record Account(
        long id,
        String name,
        Role role,
        SortedSet<String> taskForces,
        boolean active,
        int failedLogins,
        Instant lockedUntil) {
    /** What a sign-in name may look like. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public Account {
        checkName(name);
        Objects.requireNonNull(role, "role");
        taskForces = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(taskForces));
        if (role.scoped() && taskForces.isEmpty()) {
            throw new IllegalArgumentException(
                    "account " + name + ": the role " + role.id() + " needs at least one task force");
        }
        if (!role.scoped() && !taskForces.isEmpty()) {
            throw new IllegalArgumentException(
                    "account " + name + ": the role " + role.id() + " sees every task force; give no task forces");
        }
        if (failedLogins < 0)
            throw new IllegalArgumentException("account " + name + ": failed logins " + failedLogins + " must be >= 0");
    }

    /** Throws when a sign-in name is malformed. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "an account name must be 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** Whether the account may see the records of a task force. */
    public boolean sees(String tfId) {
        return !role.scoped() || taskForces.contains(tfId);
    }

    /** Whether a lockout is in force at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The task forces as a set, for filters (empty means every task force for unscoped roles). */
    public Set<String> scope() {
        return taskForces;
    }
}

package org.tfeval.study.accounts;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An account just created, with its one-time password: print it once, it is stored only as a hash.
 *
 * @param name       the account name
 * @param role       its role
 * @param taskForces its task forces (empty: every task force)
 * @param password   the one-time password
 */
public record OneTimeAccount(String name, Role role, SortedSet<String> taskForces, String password) {
    public OneTimeAccount {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(password, "password");
        taskForces = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(taskForces));
    }

    /** Never prints the password by accident. */
    @Override
    public String toString() {
        return "OneTimeAccount[" + name + ", " + role.id() + ", " + taskForces + "]";
    }
}

package org.tfeval.study.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;

/**
 * Reads and changes accounts inside the caller's transaction (for the study layer's services). Changes to accounts are events in
 * the audit log (never with a password hash).
 */
public final class AccountTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "a.id, a.name, a.role, a.active, a.failed_logins, a.locked_until, "
            + "(SELECT coalesce(array_agg(t.tf_id ORDER BY t.tf_id), '{}') FROM web_account_task_force t WHERE t.account_id = a.id)";

    private AccountTable() {}

    /** Creates an account whose password its holder chose; refuses a name already taken. */
    public static Account create(
            Connection c, String name, Role role, Set<String> taskForces, String passwordHash, String actor)
            throws SQLException {
        return create(c, name, role, taskForces, passwordHash, actor, false);
    }

    /**
     * Creates an account; refuses a name already taken. {@code mustChangePassword}: the password was
     * set by someone else (one-time, demo), so the first sign-in must choose a new one.
     */
    public static Account create(
            Connection c,
            String name,
            Role role,
            Set<String> taskForces,
            String passwordHash,
            String actor,
            boolean mustChangePassword)
            throws SQLException {
        Account.checkName(name);
        Objects.requireNonNull(passwordHash, "passwordHash");
        // validate the shape before writing
        new Account(0, name, role, new TreeSet<>(taskForces), true, 0, null);
        if (find(c, name).isPresent())
            throw new IllegalArgumentException("an account named " + name + " already exists");
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO web_account (name, role, password_hash, created_at, created_by, must_change_password) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, role.id());
            ps.setString(3, passwordHash);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setString(5, actor);
            ps.setBoolean(6, mustChangePassword);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO web_account_task_force (account_id, tf_id) VALUES (?, ?)")) {
            for (String tf : new TreeSet<>(taskForces)) {
                ps.setLong(1, id);
                ps.setString(2, tf);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("account", name);
        detail.put("role", role.id());
        detail.put("task_forces", new TreeSet<>(taskForces));
        audit(c, actor, "account_create", detail);
        return find(c, id).orElseThrow();
    }

    /** The account of that sign-in name. */
    public static Optional<Account> find(Connection c, String name) throws SQLException {
        return one(c, "a.name = ?", name);
    }

    /** The account of that id. */
    public static Optional<Account> find(Connection c, long id) throws SQLException {
        return one(c, "a.id = ?", id);
    }

    /** Every account, by name. */
    public static List<Account> list(Connection c) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM web_account a ORDER BY a.name")) {
            while (rs.next()) out.add(read(rs));
        }
        return out;
    }

    /** Whether any account exists. */
    public static boolean any(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM web_account)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The stored password hash of an account. */
    public static String passwordHash(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM web_account WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalArgumentException("no account " + id);
                return rs.getString(1);
            }
        }
    }

    /**
     * What a sign-in needs of an account, read with the account's row locked until the transaction
     * ends, so concurrent attempts on one account are decided one after the other.
     *
     * @param id                 the account
     * @param name               its name
     * @param passwordHash       the stored hash
     * @param active             whether it may sign in
     * @param failedLogins       consecutive failures so far
     * @param lockedUntil        end of the lockout, or null
     * @param mustChangePassword whether the password was set by someone else
     */
    public record SignInRow(
            long id,
            String name,
            String passwordHash,
            boolean active,
            int failedLogins,
            Instant lockedUntil,
            boolean mustChangePassword) {
        /** Whether a lockout is in force at {@code now}. */
        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The account of a name for a sign-in, its row locked ({@code FOR UPDATE}) until the transaction ends. */
    public static Optional<SignInRow> lockForSignIn(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, password_hash, active, failed_logins, locked_until, must_change_password "
                        + "FROM web_account WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                OffsetDateTime locked = rs.getObject(6, OffsetDateTime.class);
                return Optional.of(new SignInRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getInt(5),
                        locked == null ? null : locked.toInstant(),
                        rs.getBoolean(7)));
            }
        }
    }

    /** Whether an account must choose a new password before anything else. */
    public static boolean mustChangePassword(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT must_change_password FROM web_account WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Counts a failed sign-in of a kind on {@code now}'s UTC day; returns the day's count of that kind. */
    public static int countFailure(Connection c, String kind, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_sign_in_failure (day, kind, failures) "
                + "VALUES (?, ?, 1) ON CONFLICT (day, kind) DO UPDATE SET failures = web_sign_in_failure.failures + 1 "
                + "RETURNING failures")) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC).toLocalDate());
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Counts a failed sign-in; the {@code policy.threshold()}-th consecutive failure locks the
     * account for {@code policy.duration()}. Returns the account afterwards.
     */
    public static Account recordFailure(Connection c, long id, LockoutPolicy policy, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE web_account SET failed_logins = failed_logins + 1, "
                + "locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END WHERE id = ?")) {
            ps.setInt(1, policy.threshold());
            ps.setObject(2, OffsetDateTime.ofInstant(now.plus(policy.duration()), ZoneOffset.UTC));
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        return find(c, id).orElseThrow();
    }

    /** Resets the failure counter after a successful sign-in. */
    public static void recordSuccess(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE web_account SET failed_logins = 0, locked_until = NULL "
                + "WHERE id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /**
     * Sets a new password hash and lifts any lockout; {@code mustChange}: someone else set it, so
     * the holder must choose a new one at the next sign-in.
     */
    public static void setPassword(Connection c, long id, String passwordHash, String actor, boolean mustChange)
            throws SQLException {
        Objects.requireNonNull(passwordHash, "passwordHash");
        Account a = find(c, id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        try (PreparedStatement ps = c.prepareStatement("UPDATE web_account SET password_hash = ?, failed_logins = 0, "
                + "locked_until = NULL, must_change_password = ? WHERE id = ?")) {
            ps.setString(1, passwordHash);
            ps.setBoolean(2, mustChange);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
        audit(c, actor, "account_password", Map.of("account", a.name()));
    }

    /** Activates or deactivates an account. */
    public static void setActive(Connection c, long id, boolean active, String actor) throws SQLException {
        Account a = find(c, id).orElseThrow(() -> new IllegalArgumentException("no account " + id));
        try (PreparedStatement ps = c.prepareStatement("UPDATE web_account SET active = ? WHERE id = ?")) {
            ps.setBoolean(1, active);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        audit(c, actor, active ? "account_activate" : "account_deactivate", Map.of("account", a.name()));
    }

    private static Optional<Account> one(Connection c, String where, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM web_account a WHERE " + where)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Account read(ResultSet rs) throws SQLException {
        String[] tfs = (String[]) rs.getArray(7).getArray();
        Role role = Role.of(rs.getString(3));
        OffsetDateTime locked = rs.getObject(6, OffsetDateTime.class);
        return new Account(
                rs.getLong(1),
                rs.getString(2),
                role,
                new TreeSet<>(List.of(tfs)),
                rs.getBoolean(4),
                rs.getInt(5),
                locked == null ? null : locked.toInstant());
    }

    private static void audit(Connection c, String actor, String action, Map<String, ?> detail) throws SQLException {
        String json;
        try {
            json = JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit detail of " + action, e);
        }
        AuditLog.record(c, new AuditEntry(actor, action, null, null, json));
    }
}

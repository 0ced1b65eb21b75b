package org.tfeval.study.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.store.audit.AuditSeal;
import org.tfeval.study.transaction.Transactions;

/**
 * Failed sign-ins per client address, kept in the database ({@code web_sign_in_address}), so a
 * restart of the server does not give an address a fresh allowance. An address that used up
 * {@code limit} attempts within {@link #WINDOW} is refused without any password being checked,
 * whatever names it tries (the lockout protects each account; this protects against one address
 * spraying many accounts). A slot is taken before the check by one atomic upsert ({@code INSERT
 * ... ON CONFLICT ... DO UPDATE ... WHERE attempts < limit RETURNING}), so concurrent attempts from
 * one address, on one server or several, never exceed the limit; it is given back when the
 * sign-in succeeds, so only failures count. Windows that ended are purged.
 *
 * <p>The table holds no address: each is stored as HMAC-SHA256 under a key derived from the study's
 * audit key (a file outside the database), so whoever reads the database cannot tell which
 * addresses failed. IPv6 addresses count per /{@value #IPV6_PREFIX_BITS} network, because one
 * client holds a whole /64. Thread-safe.
 */
public final class SignInAddresses {
    /** The period over which attempts are counted. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failed sign-ins per address and window by default: generous for people, tight for guessing. */
    public static final int DEFAULT_FAILURES_PER_WINDOW = 30;
    /** How often at most (per server) ended windows are deleted. */
    static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    /** The leading bits of an IPv6 address that name one client (a /64 is one subscriber's network). */
    static final int IPV6_PREFIX_BITS = 64;
    /** What the sub-key is derived from under the audit key (never stored; domain separation). */
    private static final String KEY_LABEL = "tfeval sign-in address key v1";

    private static final String HMAC = "HmacSHA256";
    /** Characters of an IPv6 literal (with an embedded IPv4 part); anything else is hashed as it is. */
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]+");

    private final Transactions tx;
    private final int limit;
    private final byte[] key;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    /** The limit of a study's server: {@code limit} failed sign-ins per address and {@link #WINDOW}. */
    public SignInAddresses(Transactions tx, int limit) {
        this.tx = Objects.requireNonNull(tx, "tx");
        if (limit < 1) throw new IllegalArgumentException("sign-in limit " + limit + " must be >= 1");
        this.limit = limit;
        AuditSeal seal = tx.store().seal();
        if (seal == null)
            throw Problem.refused(
                    "this study has no audit key, so client addresses could not be kept hashed",
                    "open the study with its audit key");
        this.key = HexFormat.of().parseHex(seal.mac(KEY_LABEL));
    }

    /** Attempts an address may fail per window. */
    public int limit() {
        return limit;
    }

    /** Minutes until an address may try again (for the message). */
    public long windowMinutes() {
        return WINDOW.toMinutes();
    }

    /**
     * Takes a slot for an attempt from an address at {@code now}; false when the address has used
     * up its window (then nothing is counted and no password may be checked).
     */
    public boolean tryAcquire(String address, Instant now) {
        String hash = hash(address);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime ended = OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC);
        boolean purge = purgeDue(now);
        return tx.tx(c -> {
            if (purge) purge(c, ended);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO web_sign_in_address AS w (address_hash, window_start, attempts) VALUES (?, ?, 1) "
                            + "ON CONFLICT (address_hash) DO UPDATE SET "
                            + "window_start = CASE WHEN w.window_start <= ? THEN excluded.window_start "
                            + "ELSE w.window_start END, "
                            + "attempts = CASE WHEN w.window_start <= ? THEN 1 ELSE w.attempts + 1 END "
                            + "WHERE w.window_start <= ? OR w.attempts < ? RETURNING attempts")) {
                ps.setString(1, hash);
                ps.setObject(2, at);
                ps.setObject(3, ended);
                ps.setObject(4, ended);
                ps.setObject(5, ended);
                ps.setInt(6, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Gives back the slot of an attempt that succeeded (only failures count). */
    public void release(String address, Instant now) {
        String hash = hash(address);
        OffsetDateTime ended = OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC);
        tx.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE web_sign_in_address SET attempts = attempts - 1 "
                    + "WHERE address_hash = ? AND attempts > 0 AND window_start > ?")) {
                ps.setString(1, hash);
                ps.setObject(2, ended);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes the windows that ended before {@code now}; returns how many. */
    public int purge(Instant now) {
        OffsetDateTime ended = OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC);
        lastPurge.set(now);
        return tx.tx(c -> purge(c, ended));
    }

    private boolean purgeDue(Instant now) {
        Instant last = lastPurge.get();
        return !last.plus(PURGE_INTERVAL).isAfter(now) && lastPurge.compareAndSet(last, now);
    }

    private static int purge(Connection c, OffsetDateTime ended) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_sign_in_address WHERE window_start <= ?")) {
            ps.setObject(1, ended);
            return ps.executeUpdate();
        }
    }

    /** The keyed hash (lower-case hex) an address is stored as. */
    String hash(String address) {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(new SecretKeySpec(key, HMAC));
            return HexFormat.of().formatHex(m.doFinal(client(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * The client an address stands for: an IPv6 address its /{@value #IPV6_PREFIX_BITS} network
     * (in canonical form, so spellings of one address agree), anything else as it is.
     */
    static String client(String address) {
        String a = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) a = a.substring(1, a.length() - 1);
        if (a.indexOf(':') < 0 || !IPV6_LITERAL.matcher(a).matches()) return a;
        try {
            // a literal with ':' is parsed, never looked up in the DNS
            byte[] bytes = InetAddress.getByName(a).getAddress();
            if (bytes.length != 16) return InetAddress.getByAddress(bytes).getHostAddress();
            byte[] network = Arrays.copyOf(bytes, 16);
            Arrays.fill(network, IPV6_PREFIX_BITS / 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/" + IPV6_PREFIX_BITS;
        } catch (UnknownHostException e) {
            return a;
        }
    }
}

package org.tfeval.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tfeval.study.accounts.Account;

/**
 * Server-side sessions in memory: 256-bit random ids, an idle timeout and an absolute lifetime.
 * Restarting the server signs everyone out.
 */
public final class Sessions {
    /** Signed out after this long without a request. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** Signed out after this long whatever happens. */
    public static final Duration DEFAULT_ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    /** Anonymous sessions (sign-in forms) kept at most; the oldest expire first beyond it. */
    static final int MAX_ANONYMOUS = 10_000;

    private static final int ID_BYTES = 32;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public Sessions(Clock clock, Duration idle, Duration absolute) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idle.isNegative() || idle.isZero())
            throw new IllegalArgumentException("idle timeout " + idle + " must be positive");
        if (absolute.compareTo(idle) < 0)
            throw new IllegalArgumentException(
                    "absolute timeout " + absolute + " must not be shorter than the idle timeout");
        this.idle = idle;
        this.absolute = absolute;
    }

    public static Sessions defaults() {
        return new Sessions(Clock.systemUTC(), DEFAULT_IDLE_TIMEOUT, DEFAULT_ABSOLUTE_TIMEOUT);
    }

    public Duration idleTimeout() {
        return idle;
    }

    /** A new anonymous session, for a sign-in form. */
    public Session anonymous() {
        if (byId.size() > MAX_ANONYMOUS) sweep();
        return put(null, false);
    }

    /** A new signed-in session; the previous session (if any) ends, so its id cannot be fixed by an attacker. */
    public Session signIn(Account account, String previousId) {
        return signIn(account, previousId, false);
    }

    /** As {@link #signIn(Account, String)}; {@code mustChangePassword}: every route but the password page refuses. */
    public Session signIn(Account account, String previousId, boolean mustChangePassword) {
        Objects.requireNonNull(account, "account");
        if (previousId != null) end(previousId);
        return put(account, mustChangePassword);
    }

    /** The live session of an id; an expired one ends. */
    public Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (expired(s, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        s.touch(now);
        return Optional.of(s);
    }

    /** Ends a session. */
    public void end(String id) {
        if (id != null) byId.remove(id);
    }

    /** Ends every session of an account (deactivated, password reset). */
    public void endAll(long accountId) {
        byId.values().removeIf(s -> s.account() != null && s.account().id() == accountId);
    }

    /** Live sessions. */
    public int size() {
        return byId.size();
    }

    /** Whether a submitted token is the session's (compared in constant time). */
    public static boolean tokenMatches(Session s, String submitted) {
        if (s == null || submitted == null) return false;
        return MessageDigest.isEqual(
                s.csrf().getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(Session s, Instant now) {
        return s.lastSeen().plus(idle).isBefore(now)
                || s.created().plus(absolute).isBefore(now);
    }

    private void sweep() {
        Instant now = clock.instant();
        byId.values().removeIf(s -> expired(s, now));
        if (byId.size() > MAX_ANONYMOUS) {
            byId.values().stream()
                    .filter(s -> !s.signedIn())
                    .sorted(java.util.Comparator.comparing(Session::lastSeen))
                    .limit(byId.size() - MAX_ANONYMOUS / 2)
                    .toList()
                    .forEach(s -> byId.remove(s.id()));
        }
    }

    private Session put(Account account, boolean mustChangePassword) {
        Session s = new Session(token(), account, token(), clock.instant(), mustChangePassword);
        byId.put(s.id(), s);
        return s;
    }

    private String token() {
        byte[] b = new byte[ID_BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

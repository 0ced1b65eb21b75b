package org.tfeval.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per client address: an address that failed {@code limit} times within {@link
 * #WINDOW} gets 429 without any password being checked, whatever names it tries (the lockout
 * protects each account; this protects against one address spraying many accounts). A slot is
 * taken before the check, atomically, and given back when the sign-in succeeds, so concurrent
 * attempts cannot slip past the limit. Kept in memory (a restart forgets it; the accounts' lockout
 * is in the database).
 */
public final class SignInThrottle {
    /** The period over which failures are counted. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failed sign-ins per address and window by default: generous for people, tight for guessing. */
    public static final int DEFAULT_FAILURES_PER_WINDOW = 30;
    /** Addresses tracked at most; beyond it the expired windows are dropped. */
    static final int MAX_ADDRESSES = 100_000;

    /** One address's window: when it started and the attempts taken. */
    private record Window(Instant start, int taken) {}

    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private final int limit;
    private final Clock clock;

    public SignInThrottle(int limit) {
        this(limit, Clock.systemUTC());
    }

    SignInThrottle(int limit, Clock clock) {
        if (limit < 1) throw new IllegalArgumentException("sign-in limit " + limit + " must be >= 1");
        this.limit = limit;
        this.clock = clock;
    }

    /** Takes a slot for an attempt from an address; false when the address has used up its window. */
    public boolean tryAcquire(String address) {
        Instant now = clock.instant();
        if (byAddress.size() > MAX_ADDRESSES) byAddress.values().removeIf(w -> expired(w, now));
        boolean[] granted = new boolean[1];
        byAddress.compute(address, (a, w) -> {
            Window current = w == null || expired(w, now) ? new Window(now, 0) : w;
            granted[0] = current.taken() < limit;
            return granted[0] ? new Window(current.start(), current.taken() + 1) : current;
        });
        return granted[0];
    }

    /** Gives back the slot of an attempt that succeeded (only failures count). */
    public void release(String address) {
        byAddress.computeIfPresent(address, (a, w) -> w.taken() <= 1 ? null : new Window(w.start(), w.taken() - 1));
    }

    /** Minutes until an address may try again (for the message). */
    public long windowMinutes() {
        return WINDOW.toMinutes();
    }

    private static boolean expired(Window w, Instant now) {
        return !w.start().plus(WINDOW).isAfter(now);
    }
}

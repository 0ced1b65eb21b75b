package org.tfeval.study.accounts;

import java.time.Duration;
import java.util.Objects;

/**
 * When repeated failed sign-ins lock an account.
 *
 * @param threshold consecutive failures that lock the account
 * @param duration  how long the lock lasts
 */
public record LockoutPolicy(int threshold, Duration duration) {
    /** Failures before the lock, as OWASP suggests for online guessing with a slow hash. */
    public static final int DEFAULT_THRESHOLD = 5;
    /** How long a lock lasts. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);

    public LockoutPolicy {
        if (threshold < 1) throw new IllegalArgumentException("lockout threshold " + threshold + " must be at least 1");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero())
            throw new IllegalArgumentException("lockout duration " + duration + " must be positive");
    }

    public static LockoutPolicy defaults() {
        return new LockoutPolicy(DEFAULT_THRESHOLD, DEFAULT_DURATION);
    }
}

package org.tfeval.study.field;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.tfeval.instrument.workflow.Problem;

/**
 * How long a laptop may open a package without reaching the study, given at checkout or renewal:
 * whole hours from {@link #SHORTEST} to {@link #LONGEST}, and never past the package's expiry (a
 * longer lease ends at the expiry). The one rule behind the CLI's {@code --lease-hours} (checkout
 * and renew) and the coordinator's checkout screen; its problems name the field the value came
 * from. A revoked device's package stops opening at most one lease after its last renewal.
 *
 * @param length the lease
 */
public record Lease(Duration length) {
    /** The shortest lease. */
    public static final Duration SHORTEST = Duration.ofHours(1);
    /** The longest lease a checkout or renewal may give. */
    public static final Duration LONGEST = Duration.ofDays(14);
    /** The lease when none is given. */
    public static final Lease DEFAULT = new Lease(Duration.ofHours(72));

    public Lease {
        Objects.requireNonNull(length, "length");
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0)
            throw Problem.usage("a lease is " + range(), HINT);
    }

    private static final String HINT =
            "the lease never runs past the package's expiry; tfeval field renew extends it where the study can be"
                    + " reached";

    /** A lease of {@code hours} given in the field named {@code field} (refused outside the range, naming the field). */
    public static Lease hours(String field, long hours) {
        Objects.requireNonNull(field, "field");
        if (hours < SHORTEST.toHours() || hours > LONGEST.toHours())
            throw Problem.usage(field + " must be " + range() + "; " + hours + " is not", HINT);
        return new Lease(Duration.ofHours(hours));
    }

    /** A lease typed into the field named {@code field}: whole hours; blank gives the {@link #DEFAULT}. */
    public static Lease hours(String field, String typed) {
        Objects.requireNonNull(field, "field");
        if (typed == null || typed.isBlank()) return DEFAULT;
        long h;
        try {
            h = Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            throw Problem.usage(field + " must be a whole number of hours, " + range(), HINT);
        }
        return hours(field, h);
    }

    /** Whole hours of the lease. */
    public long hours() {
        return length.toHours();
    }

    /** When a lease given at {@code from} ends: {@code from} plus the lease, but never after {@code expiresAt}. */
    public Instant until(Instant from, Instant expiresAt) {
        Instant end = from.plus(length);
        return (end.isBefore(expiresAt) ? end : expiresAt).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String range() {
        return SHORTEST.toHours() + " to " + LONGEST.toHours() + " hours (" + LONGEST.toDays() + " days)";
    }
}

package org.tfeval.web.field;

import java.time.Instant;
import java.util.List;
import org.tfeval.study.field.Field;
import org.tfeval.study.field.Lease;
import org.tfeval.web.Chrome;

/**
 * The field package page: checkout form, the devices, the conflict queue with both values.
 *
 * @param chrome    the page around it
 * @param sites     the task forces the coordinator may make packages for (empty: any, typed)
 * @param devices   the devices of those task forces
 * @param conflicts open conflicts, oldest first
 * @param resolved  resolved conflicts, with the losing value
 * @param now       when the page was made (the example expiry and lease of a package made now; ended leases)
 */
public record FieldPage(
        Chrome chrome,
        List<String> sites,
        List<Field.Device> devices,
        List<Field.Conflict> conflicts,
        List<Field.Conflict> resolved,
        Instant now) {
    /** The lease input's label, which its problems name (the rule is {@link Lease}, the same as the CLI's). */
    public static final String LEASE_FIELD = "Lease (hours)";

    public FieldPage {
        sites = List.copyOf(sites);
        devices = List.copyOf(devices);
        conflicts = List.copyOf(conflicts);
        resolved = List.copyOf(resolved);
    }

    /** The lease input's default, in hours. */
    public long defaultLeaseHours() {
        return Lease.DEFAULT.hours();
    }

    /** The shortest lease, in hours. */
    public long shortestLeaseHours() {
        return Lease.SHORTEST.toHours();
    }

    /** The longest lease, in hours. */
    public long longestLeaseHours() {
        return Lease.LONGEST.toHours();
    }

    /** The default days valid. */
    public long defaultDays() {
        return Field.DEFAULT_VALIDITY.toDays();
    }

    /** The longest validity, in days. */
    public long longestDays() {
        return Field.MAX_VALIDITY.toDays();
    }

    /** The hard expiry of a package made now with the default days. */
    public Instant defaultExpiry() {
        return now.plus(Field.DEFAULT_VALIDITY).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The lease end of a package made now with the defaults. */
    public Instant defaultLeaseUntil() {
        return Lease.DEFAULT.until(now, defaultExpiry());
    }

    /** A device's lease end as shown, marked when it has passed (the laptop cannot open the package until it is renewed). */
    public String leaseShown(Field.Device d) {
        if (d.leaseUntil() == null) return "—";
        return d.leaseUntil() + (d.leaseUntil().isBefore(now) ? " (ended)" : "");
    }

    /** A value as shown: blank as a dash. */
    public static String shown(String v) {
        return v == null || v.isEmpty() ? "—" : v;
    }
}

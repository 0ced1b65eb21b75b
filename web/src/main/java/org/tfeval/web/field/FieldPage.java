package org.tfeval.web.field;

import java.util.List;
import org.tfeval.study.field.Field;
import org.tfeval.web.Chrome;

/**
 * The field package page: checkout form, the devices, the conflict queue with both values.
 *
 * @param chrome    the page around it
 * @param sites     the task forces the coordinator may make packages for (empty: any, typed)
 * @param devices   the devices of those task forces
 * @param conflicts open conflicts, oldest first
 * @param resolved  resolved conflicts, with the losing value
 */
public record FieldPage(
        Chrome chrome,
        List<String> sites,
        List<Field.Device> devices,
        List<Field.Conflict> conflicts,
        List<Field.Conflict> resolved) {
    public FieldPage {
        sites = List.copyOf(sites);
        devices = List.copyOf(devices);
        conflicts = List.copyOf(conflicts);
        resolved = List.copyOf(resolved);
    }

    /** A value as shown: blank as a dash. */
    public static String shown(String v) {
        return v == null || v.isEmpty() ? "—" : v;
    }
}

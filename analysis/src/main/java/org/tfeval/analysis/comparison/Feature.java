package org.tfeval.analysis.comparison;

import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.tfeval.analysis.data.TaskForce;

/**
 * A task-force feature that splits the task forces in two.
 *
 * @param name    feature name
 * @param with    label of the task forces with the feature
 * @param without label of those without it
 * @param group   1 with, 0 without, -1 unknown
 */
record Feature(String name, String with, String without, ToIntFunction<TaskForce> group) {
    Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(with, "with");
        Objects.requireNonNull(without, "without");
        Objects.requireNonNull(group, "group");
    }

    /** TF_SCOPE code of a statewide task force. */
    static final int STATEWIDE = 4;
    /** TF_LEAD_MODEL code of co-leadership by law enforcement and victim services. */
    static final int CO_LED = 1;

    /** The features compared; size splits at the median membership of the sites with cases. */
    static List<Feature> standard(double medianMembers) {
        return List.of(
                new Feature(
                        "Scope",
                        "Statewide",
                        "City, county or regional",
                        t -> t.code("TF_SCOPE") < 0 ? -1 : t.code("TF_SCOPE") == STATEWIDE ? 1 : 0),
                new Feature(
                        "Leadership",
                        "Co-led by law enforcement and victim services",
                        "Led by one agency type",
                        t -> t.code("TF_LEAD_MODEL") < 0 ? -1 : t.code("TF_LEAD_MODEL") == CO_LED ? 1 : 0),
                yesNo("Co-location", "Members co-located", "Not co-located", "TF_COLOCATED"),
                yesNo("Specialized unit", "Dedicated trafficking unit", "No dedicated unit", "TF_SPEC_UNIT"),
                yesNo(
                        "Specialized prosecutor",
                        "Specialized prosecutor",
                        "No specialized prosecutor",
                        "TF_SPEC_PROSECUTOR"),
                new Feature(
                        "Size",
                        "Members at or above the median",
                        "Members below the median",
                        t -> t.code("TF_N_MEMBERS") < 0 ? -1 : t.code("TF_N_MEMBERS") >= medianMembers ? 1 : 0));
    }

    private static Feature yesNo(String name, String with, String without, String variable) {
        return new Feature(name, with, without, t -> t.code(variable) < 0 ? -1 : t.code(variable) == 1 ? 1 : 0);
    }
}

package org.tfeval.instrument.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * How a group form whose own attributes would undo its pseudonym (the task force) is released at
 * public level: its identifier and its file are dropped, and a few of its attributes, generalized,
 * are released on its child form (the case) as quasi-identifiers; each released combination of them
 * must cover at least {@code minGroups} groups.
 *
 * @param form the group form ({@code task_force})
 * @param minGroups least number of groups behind each released profile
 * @param attributes the attributes released on the child form
 */
public record GroupProfile(String form, int minGroups, List<Attribute> attributes) {
    /** At least three: two task forces in a profile would each know which cases are the other's. */
    public static final int MIN_GROUPS = 3;

    public GroupProfile {
        Objects.requireNonNull(form, "form");
        attributes = List.copyOf(attributes);
        if (minGroups < MIN_GROUPS) {
            throw new IllegalArgumentException(
                    "profile of " + form + ": min_groups must be at least " + MIN_GROUPS + ", not " + minGroups);
        }
        if (attributes.isEmpty()) {
            throw new IllegalArgumentException("profile of " + form + " needs attributes");
        }
    }

    /**
     * An attribute of the group released on the child form.
     *
     * @param name released name on the child form ({@code TF_REGION})
     * @param from the group form's variable ({@code TF_STATE})
     * @param level the level of the hierarchy of {@code form.from} released (0: as recorded)
     */
    public record Attribute(String name, String from, int level) {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            if (level < 0) {
                throw new IllegalArgumentException("profile attribute " + name + ": level must be 0 or more");
            }
        }
    }
}

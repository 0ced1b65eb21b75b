package org.tfeval.analysis.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One task force as the snapshot describes it.
 *
 * @param index position in the study's list of task forces (sorted by ID)
 * @param id    {@code TF_ID}
 * @param state {@code TF_STATE}, or null when not recorded
 * @param codes the coded and integer task-force variables by name (missing codes negative)
 */
public record TaskForce(int index, String id, String state, Map<String, Integer> codes) {
    public TaskForce {
        Objects.requireNonNull(id, "id");
        if (index < 0) throw new IllegalArgumentException("task force index must be >= 0, got " + index);
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** The value of a task-force variable; throws when the snapshot has no such variable. */
    public int code(String variable) {
        Integer v = codes.get(variable);
        if (v == null) throw new IllegalArgumentException("task force " + id + " has no variable " + variable);
        return v;
    }
}

package org.tfeval.instrument.measures;

import java.util.List;
import java.util.Objects;

/**
 * A way a measure may be broken down (trafficking type, age group, sex, nationality group, service type).
 *
 * @param name      the name in DISAGGREGATION cells ({@code age} in {@code age=minor})
 * @param label     words for people
 * @param exclusive whether the categories partition the total, so that their sum may not exceed it
 * @param values    the allowed categories
 */
public record Dimension(String name, String label, boolean exclusive, List<String> values) {
    public Dimension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("dimension " + name + " has no values");
        if (values.stream().distinct().count() != values.size())
            throw new IllegalArgumentException("dimension " + name + " lists a value twice");
    }
}

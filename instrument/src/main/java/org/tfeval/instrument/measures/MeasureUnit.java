package org.tfeval.instrument.measures;

import java.util.Locale;

/** What a measure counts; every unit is a whole, non-negative count. */
public enum MeasureUnit {
    CASES,
    PEOPLE,
    EVENTS;

    /** The unit of a YAML name ({@code cases}, {@code people}, {@code events}). */
    public static MeasureUnit ofYamlName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown unit '" + name + "'; use cases, people or events", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

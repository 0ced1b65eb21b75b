package org.tfeval.instrument.measures;

import java.util.Locale;

/** The reporting period of a measure. */
public enum PeriodType {
    /** A federal fiscal quarter (Q1 = October to December). */
    QUARTER;

    public static PeriodType ofYamlName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown period '" + name + "'; use quarter", e);
        }
    }
}

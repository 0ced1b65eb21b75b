package org.tfeval.instrument.validation;

import java.util.Map;

/**
 * How often a variable is blank or carries each missing code.
 *
 * @param form      the form
 * @param variable  the variable
 * @param records   records of the form
 * @param blank     blank (not keyed) values
 * @param byCode    count per missing code
 */
public record Missingness(String form, String variable, long records, long blank, Map<Integer, Long> byCode) {
    public Missingness {
        byCode = Map.copyOf(byCode);
    }

    /** Share of records without a value (blank or any missing code). */
    public double share() {
        long missing =
                blank + byCode.values().stream().mapToLong(Long::longValue).sum();
        return records == 0 ? 0 : (double) missing / records;
    }
}

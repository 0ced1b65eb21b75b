package org.tfeval.instrument.measures;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One measure of the catalogue.
 *
 * @param id              MEASURE_ID in measure files
 * @param label           short words for tables
 * @param definition      what is counted, for the codebook and the export
 * @param grantee         who reports it
 * @param unit            what it counts
 * @param period          its reporting period
 * @param disaggregations dimensions it may be broken down by
 * @param computed        how the case files compute it, or null when they cannot
 */
public record Measure(
        String id,
        String label,
        String definition,
        Grantee grantee,
        MeasureUnit unit,
        PeriodType period,
        List<Dimension> disaggregations,
        CaseFileCount computed) {
    /** Measure IDs: upper case, digits and underscores. */
    public static final Pattern ID = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

    public Measure {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches())
            throw new IllegalArgumentException("measure ID '" + id + "' must match " + ID.pattern());
        Objects.requireNonNull(label, "label of " + id);
        Objects.requireNonNull(definition, "definition of " + id);
        Objects.requireNonNull(grantee, "grantee of " + id);
        Objects.requireNonNull(unit, "unit of " + id);
        Objects.requireNonNull(period, "period of " + id);
        disaggregations = List.copyOf(disaggregations);
    }

    /** The dimension of that name when this measure allows it. */
    public Optional<Dimension> dimension(String name) {
        return disaggregations.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Whether the coded case files can compute this measure. */
    public Optional<CaseFileCount> computedFrom() {
        return Optional.ofNullable(computed);
    }
}

package org.tfeval.measures.trend;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tfeval.measures.FiscalQuarter;

/**
 * One task force's quarterly values of a measure or rate.
 *
 * @param tfId   the task force
 * @param id     the measure or rate ID
 * @param label  words for charts
 * @param values value by quarter (quarters not reported are absent)
 */
public record QuarterlySeries(String tfId, String id, String label, SortedMap<FiscalQuarter, Double> values) {
    public QuarterlySeries {
        Objects.requireNonNull(tfId, "tfId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** The mean quarterly value (NaN when empty): a site's one number in the feature comparison. */
    public double mean() {
        return values.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
    }
}

package org.tfeval.measures.validation;

import java.util.Map;
import java.util.Objects;
import org.tfeval.measures.MeasureValue;

/**
 * What is already stored, for the checks that span imports (a value reported again with another number,
 * a quarter left out between stored and new quarters, categories above a stored total).
 *
 * @param values every stored value by its key
 */
public record StoredMeasures(Map<MeasureValue.Key, Long> values) {
    public static final StoredMeasures NONE = new StoredMeasures(Map.of());

    public StoredMeasures {
        Objects.requireNonNull(values, "values");
    }
}

package org.tfeval.measures.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.measures.MeasureValue;

/**
 * A checked measure file.
 *
 * @param file       the file name
 * @param rows       data rows read
 * @param values     the valid values (all rows, when there are no violations)
 * @param violations every problem found, in row order
 */
public record MeasureCheck(String file, long rows, List<MeasureValue> values, List<Violation> violations) {
    public MeasureCheck {
        Objects.requireNonNull(file, "file");
        values = List.copyOf(values);
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** Violations by rule code. */
    public Map<String, Long> countsByCode() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Violation v : violations) out.merge(v.code(), 1L, Long::sum);
        return out;
    }
}

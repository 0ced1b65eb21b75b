package org.tfeval.store.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.validation.Violation;

/**
 * The violations of every record of a case file, by record id.
 *
 * @param byRecord record id to its violations (errors and warnings)
 */
public record CaseCheck(Map<Long, List<Violation>> byRecord) {
    public CaseCheck {
        Map<Long, List<Violation>> copy = new LinkedHashMap<>();
        byRecord.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byRecord = java.util.Collections.unmodifiableMap(copy);
    }

    /** The violations of one record. */
    public List<Violation> of(long recordId) {
        return byRecord.getOrDefault(recordId, List.of());
    }

    /** Every error. */
    public List<Violation> errors() {
        List<Violation> out = new ArrayList<>();
        byRecord.values().forEach(l -> l.stream().filter(Violation::isError).forEach(out::add));
        return out;
    }

    /** Every warning. */
    public List<Violation> warnings() {
        List<Violation> out = new ArrayList<>();
        byRecord.values().forEach(l -> l.stream().filter(v -> !v.isError()).forEach(out::add));
        return out;
    }

    /** Whether the case file may be marked complete. */
    public boolean passes() {
        return errors().isEmpty();
    }
}

package org.tfeval.instrument.measures;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a measure is computed from the coded case files: the records of {@code form} whose
 * {@code dateVariable} falls in the quarter and whose coded variables take one of the listed codes.
 *
 * @param form         the instrument form counted (one record, one unit)
 * @param dateVariable the date that places a record in a quarter
 * @param where        variable to accepted codes (all must hold); empty: every dated record
 */
public record CaseFileCount(String form, String dateVariable, Map<String, List<Integer>> where) {
    public CaseFileCount {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(dateVariable, "dateVariable");
        where = Map.copyOf(where);
        where.forEach((v, codes) -> {
            if (codes.isEmpty()) throw new IllegalArgumentException("computed.where." + v + " lists no codes");
        });
    }
}

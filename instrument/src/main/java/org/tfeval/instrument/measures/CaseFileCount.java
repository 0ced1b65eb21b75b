package org.tfeval.instrument.measures;

import java.util.LinkedHashMap;
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
 * @param dateForm     the form that holds the date: null for {@code form} itself, else its parent form (a victim
 *                     is counted by its case's open date: {@code date_from: case})
 * @param breakdowns   by dimension name, how a counted record falls into one of its categories
 */
public record CaseFileCount(
        String form,
        String dateVariable,
        Map<String, List<Integer>> where,
        String dateForm,
        Map<String, Breakdown> breakdowns) {
    public CaseFileCount {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(dateVariable, "dateVariable");
        where = Map.copyOf(where);
        where.forEach((v, codes) -> {
            if (codes.isEmpty()) throw new IllegalArgumentException("computed.where." + v + " lists no codes");
        });
        breakdowns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakdowns));
    }

    /** A count dated by the counted form's own date, without breakdowns. */
    public CaseFileCount(String form, String dateVariable, Map<String, List<Integer>> where) {
        this(form, dateVariable, where, null, Map.of());
    }

    /** The date that places a record in a quarter, qualified by its form: {@code case.CASE_OPEN_DATE}. */
    public String datedBy() {
        return (dateForm == null ? form : dateForm) + "." + dateVariable;
    }

    /**
     * How a counted record falls into a category of a dimension: by the codes of one coded variable of the
     * counted form; any other code, a missing code or no value puts it in {@code otherwise}.
     *
     * @param variable  the coded variable
     * @param codes     category to the codes that put a record in it
     * @param otherwise the category of every other record
     */
    public record Breakdown(String variable, Map<String, List<Integer>> codes, String otherwise) {
        public Breakdown {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(otherwise, "otherwise");
            codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            codes.forEach((cat, cs) -> {
                for (Integer c : cs)
                    if (!seen.add(c))
                        throw new IllegalArgumentException(
                                "breakdown by " + variable + ": code " + c + " is in two categories");
            });
        }

        /** The category of a record with this code (null: no value). */
        public String category(Integer code) {
            if (code != null)
                for (Map.Entry<String, List<Integer>> e : codes.entrySet())
                    if (e.getValue().contains(code)) return e.getKey();
            return otherwise;
        }
    }
}

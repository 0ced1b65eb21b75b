package org.tfeval.store.coding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a pass as the coder typed it.
 *
 * @param id       database id (addresses the record in the web application)
 * @param caseId   the case file
 * @param pass     the pass
 * @param form     the form
 * @param key      the record's key as text ({@code TF01-C0001-S1/2} for composite keys)
 * @param parentId the parent record in the same pass, or null for the case record
 * @param cells    variable name to the text typed, in the import format
 * @param saves    how many times it was saved
 */
public record DraftRecord(
        long id,
        String caseId,
        Pass pass,
        String form,
        String key,
        Long parentId,
        Map<String, String> cells,
        int saves) {
    public DraftRecord {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(key, "key");
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        if (saves < 0) throw new IllegalArgumentException("record " + key + ": saves " + saves + " must be >= 0");
    }

    /** The text of a cell, blank when absent. */
    public String cell(String variable) {
        return cells.getOrDefault(variable, "");
    }
}

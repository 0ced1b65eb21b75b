package org.tfeval.web.coding;

import java.util.List;
import java.util.Objects;
import org.tfeval.study.coding.Coding;

/**
 * The answer to a save over someone else's newer one: both values of every field that differs,
 * and the choice (keep mine: save my values on the current version; take theirs: reload).
 *
 * @param record     the record
 * @param version    its current version
 * @param fields     the fields that differ
 * @param csrf       the session's CSRF token
 * @param reloadHref the case file's page
 */
public record ConflictView(
        long record, int version, List<Coding.ConflictField> fields, String csrf, String reloadHref) {
    public ConflictView {
        fields = List.copyOf(fields);
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(reloadHref, "reloadHref");
    }

    public String saveHref() {
        return "/records/" + record;
    }

    public String statusTarget() {
        return "#status-" + record;
    }
}

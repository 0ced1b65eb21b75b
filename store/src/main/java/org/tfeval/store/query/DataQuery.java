package org.tfeval.store.query;

import java.time.Instant;
import java.util.Objects;

/**
 * A query on a field of a coded record.
 *
 * @param id        database id
 * @param caseId    the case file
 * @param tfId      its task force
 * @param form      the record's form
 * @param recordKey the record's key
 * @param variable  the field, or null for the record as a whole
 * @param origin    who opened it
 * @param ruleCode  the rule's code for a rule hit ({@code rule:minor_age_consistent}), else null
 * @param status    open, answered or closed
 * @param openedBy  the account (or {@code rule}) that opened it
 * @param openedAt  when
 * @param updatedAt last message
 */
public record DataQuery(
        long id,
        String caseId,
        String tfId,
        String form,
        String recordKey,
        String variable,
        Origin origin,
        String ruleCode,
        QueryStatus status,
        String openedBy,
        Instant openedAt,
        Instant updatedAt) {
    /** Who opened a query. */
    public enum Origin {
        /** A rule of the instrument (a warning) hit when the record was completed. */
        RULE,
        /** A coordinator. */
        COORDINATOR
    }

    public DataQuery {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(tfId, "tfId");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        if ((origin == Origin.RULE) != (ruleCode != null))
            throw new IllegalArgumentException("query " + id + ": a rule code goes with a rule origin only");
    }
}

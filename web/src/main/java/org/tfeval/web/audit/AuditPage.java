package org.tfeval.web.audit;

import java.util.List;
import org.tfeval.web.Chrome;

/**
 * Audit events.
 *
 * @param chrome   the page around it
 * @param filter   the case or record filter in words, or null for the latest events
 * @param caseId   the case filter, or null
 * @param record   the record filter, or null
 * @param events   the events, newest first
 * @param verified the result of a verification, or null
 */
public record AuditPage(Chrome chrome, String filter, String caseId, String record, List<Event> events, List<String> verified) {
    /**
     * One event.
     *
     * @param seq     position in the chain
     * @param at      when
     * @param actor   who
     * @param action  what
     * @param form    the form, or null
     * @param reason  why, or null
     * @param detail  its JSON detail
     * @param changes its record changes
     */
    public record Event(long seq, String at, String actor, String action, String form, String reason, String detail, List<Change> changes) {
        public Event {
            changes = List.copyOf(changes);
        }
    }

    /**
     * One record change.
     *
     * @param record the record's key
     * @param op     I, U or D
     * @param before old values (JSON), or null
     * @param after  new values (JSON), or null
     */
    public record Change(String record, String op, String before, String after) {
    }

    public AuditPage {
        events = List.copyOf(events);
        verified = verified == null ? null : List.copyOf(verified);
    }
}

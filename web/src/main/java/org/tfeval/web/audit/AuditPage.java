package org.tfeval.web.audit;

import java.util.List;
import org.tfeval.study.audit.AuditTrail;
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
public record AuditPage(
        Chrome chrome,
        String filter,
        String caseId,
        String record,
        List<AuditTrail.Event> events,
        List<String> verified) {
    public AuditPage {
        events = List.copyOf(events);
        verified = verified == null ? null : List.copyOf(verified);
    }
}

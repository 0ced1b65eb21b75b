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

    /**
     * Text of the log as shown: every control character (terminal escapes, carriage returns,
     * bidirectional overrides, NUL) as a visible {@code \\uXXXX} escape, so a name or reason
     * written by another program cannot disguise or rewrite the page; HTML escaping is the
     * template's.
     */
    public static String shown(Object value) {
        if (value == null) return null;
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int type = Character.getType(ch);
            boolean hidden = Character.isISOControl(ch)
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            if (hidden) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.toString();
    }
}

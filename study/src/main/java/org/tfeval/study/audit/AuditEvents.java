package org.tfeval.study.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;

/** Events without record changes (views, exports, sign-ins) in the hash-chained audit log, inside the caller's transaction. */
public final class AuditEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditEvents() {}

    /** Records an event; {@code detail} pairs become the JSON detail (ids and counts, never record values). */
    public static void record(Connection c, String actor, String action, String form, Object... detail)
            throws SQLException {
        if (detail.length % 2 != 0)
            throw new IllegalArgumentException("audit detail of " + action + " must be name/value pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < detail.length; i += 2) m.put((String) detail[i], detail[i + 1]);
        String json;
        try {
            json = JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit detail of " + action, e);
        }
        AuditLog.record(c, new AuditEntry(actor, action, form, null, json));
    }
}

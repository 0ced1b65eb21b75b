package org.tfeval.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;

/** Events of the web application without record changes (views, exports, sign-ins) in the hash-chained audit log. */
public final class Audit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Audit() {
    }

    /** Records an event; {@code detail} pairs become the JSON detail (ids and counts, never record values). */
    public static void event(Connection c, String actor, String action, String form, Object... detail) throws SQLException {
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

package org.tfeval.web.audit;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** The audit log for administrators. */
public final class AuditRoutes {
    /** Events shown at most. */
    static final int MAX_EVENTS = 500;

    private final WebContext w;

    private AuditRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        AuditRoutes r = new AuditRoutes(w);
        return List.of(Route.get("/audit", Access.ADMINISTER, r::browse), Route.post("/audit/verify", Access.ADMINISTER, r::verify));
    }

    private void browse(Context ctx) {
        respond(ctx, null);
    }

    private void verify(Context ctx) {
        List<String> problems = w.db().tx(AuditLog::verify);
        respond(ctx, problems.isEmpty() ? List.of("The chain is intact: every digest and hash re-derives.") : problems);
    }

    private void respond(Context ctx, List<String> verified) {
        Session s = Requests.session(ctx);
        String caseId = blankToNull(ctx.queryParam("case"));
        String record = blankToNull(ctx.queryParam("record"));
        List<AuditPage.Event> events = w.db().tx(c -> events(c, caseId, record));
        String filter = caseId != null ? "case file " + caseId : record != null ? "record " + record : null;
        w.pages().respond(ctx, "audit/audit.jte", new AuditPage(Chrome.of("Audit log", s), filter, caseId, record, events, verified));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<AuditPage.Event> events(Connection c, String caseId, String record) throws SQLException {
        String json = "(CASE WHEN e.detail ~ '^\\s*\\{' THEN e.detail::jsonb END)";
        String where;
        List<String> params = new ArrayList<>();
        if (caseId != null) {
            where = "WHERE " + json + " ->> 'case' = ? OR EXISTS (SELECT 1 FROM audit_change ch WHERE ch.event_seq = e.seq AND (ch.record_key = ? "
                    + "OR ch.record_key LIKE ?))";
            params.add(caseId);
            params.add(caseId);
            params.add(caseId.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%");
        } else if (record != null) {
            where = "WHERE " + json + " ->> 'record' = ? OR EXISTS (SELECT 1 FROM audit_change ch WHERE ch.event_seq = e.seq AND ch.record_key = ?)";
            params.add(record);
            params.add(record);
        } else {
            where = "";
        }
        Map<Long, AuditPage.Event> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.seq, e.at, e.actor, e.action, e.form, e.reason, e.detail FROM audit_event e " + where
                + " ORDER BY e.seq DESC LIMIT " + MAX_EVENTS)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new AuditPage.Event(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toString(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), List.of()));
                }
            }
        }
        if (out.isEmpty()) return List.of();
        Map<Long, List<AuditPage.Change>> changes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_seq, record_key, op, old_value::text, new_value::text FROM audit_change "
                + "WHERE event_seq = ANY (?) ORDER BY event_seq, ord")) {
            ps.setArray(1, c.createArrayOf("bigint", out.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new AuditPage.Change(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        List<AuditPage.Event> list = new ArrayList<>();
        for (AuditPage.Event e : out.values()) {
            list.add(new AuditPage.Event(e.seq(), e.at(), e.actor(), e.action(), e.form(), e.reason(), e.detail(), changes.getOrDefault(e.seq(), List.of())));
        }
        return list;
    }
}

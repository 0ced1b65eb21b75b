package org.tfeval.web.audit;

import io.javalin.http.Context;
import java.util.List;
import org.tfeval.study.audit.AuditTrail;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** The audit log for administrators. */
public final class AuditRoutes {
    private final WebContext w;

    private AuditRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        AuditRoutes r = new AuditRoutes(w);
        return List.of(
                Route.get("/audit", Access.ADMINISTER, r::browse),
                Route.post("/audit/verify", Access.ADMINISTER, r::verify));
    }

    private void browse(Context ctx) {
        respond(ctx, null);
    }

    private void verify(Context ctx) {
        List<String> problems = w.audit().verify();
        respond(ctx, problems.isEmpty() ? List.of("The chain is intact: every digest and hash re-derives.") : problems);
    }

    private void respond(Context ctx, List<String> verified) {
        Session s = Requests.session(ctx);
        String caseId = blankToNull(ctx.queryParam("case"));
        String record = blankToNull(ctx.queryParam("record"));
        List<AuditTrail.Event> events = w.audit().events(caseId, record);
        String filter = caseId != null ? "case file " + caseId : record != null ? "record " + record : null;
        w.pages()
                .respond(
                        ctx,
                        "audit/audit.jte",
                        new AuditPage(Chrome.of("Audit log", s), filter, caseId, record, events, verified));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

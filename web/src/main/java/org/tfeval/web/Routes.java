package org.tfeval.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tfeval.web.access.AccessRoutes;
import org.tfeval.web.account.AccountRoutes;
import org.tfeval.web.audit.AuditRoutes;
import org.tfeval.web.auth.LoginRoutes;
import org.tfeval.web.coding.CodingRoutes;
import org.tfeval.web.deid.DeidRoutes;
import org.tfeval.web.doublecoding.DoubleCodingRoutes;
import org.tfeval.web.export.ExportRoutes;
import org.tfeval.web.progress.ProgressRoutes;
import org.tfeval.web.query.QueryRoutes;
import org.tfeval.web.sampling.SamplingRoutes;

/** The route table: every route of the application with the access it needs (tests walk it, so no route is left untested). */
public final class Routes {
    private Routes() {}

    public static List<Route> all(WebContext w) {
        List<Route> out = new ArrayList<>();
        out.addAll(new Assets().routes());
        out.addAll(LoginRoutes.routes(w));
        out.addAll(ProgressRoutes.routes(w));
        out.addAll(CodingRoutes.routes(w));
        out.addAll(SamplingRoutes.routes(w));
        out.addAll(DoubleCodingRoutes.routes(w));
        out.addAll(QueryRoutes.routes(w));
        out.addAll(ExportRoutes.routes(w));
        out.addAll(AccountRoutes.routes(w));
        out.addAll(AuditRoutes.routes(w));
        out.addAll(DeidRoutes.routes(w));
        out.addAll(AccessRoutes.routes(w));
        out.addAll(org.tfeval.web.field.FieldRoutes.routes(w));
        out.addAll(org.tfeval.web.participant.ParticipantRoutes.routes(w));
        Set<String> seen = new HashSet<>();
        for (Route r : out) {
            if (!seen.add(r.method() + " " + r.path()))
                throw new IllegalStateException("route " + r.method() + " " + r.path() + " is declared twice");
        }
        return List.copyOf(out);
    }
}

package org.tfeval.web.progress;

import io.javalin.http.Context;
import java.util.List;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** The dashboard. */
public final class ProgressRoutes {
    private final WebContext w;

    private ProgressRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        ProgressRoutes r = new ProgressRoutes(w);
        return List.of(Route.get("/", Access.SIGNED_IN, r::dashboard));
    }

    private void dashboard(Context ctx) {
        Session s = Requests.session(ctx);
        List<CaseFiles.Progress> rows = w.db().tx(c -> CaseFiles.progress(c, w.forms(), s.role().scoped() ? s.taskForces() : null));
        CaseFiles.Progress total = new CaseFiles.Progress("all", rows.stream().mapToLong(CaseFiles.Progress::sampled).sum(),
                rows.stream().mapToLong(CaseFiles.Progress::stored).sum(), rows.stream().mapToLong(CaseFiles.Progress::coded).sum(),
                rows.stream().mapToLong(CaseFiles.Progress::complete).sum(), rows.stream().mapToLong(CaseFiles.Progress::doubleCoded).sum(),
                rows.stream().mapToLong(CaseFiles.Progress::reconciled).sum());
        w.pages().respond(ctx, "progress/dashboard.jte", new ProgressPage(Chrome.of("Progress", s, Notices.of(ctx)), rows, s.role().readsRecords(), total));
    }
}

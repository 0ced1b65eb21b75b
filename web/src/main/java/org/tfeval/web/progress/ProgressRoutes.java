package org.tfeval.web.progress;

import io.javalin.http.Context;
import java.util.List;
import org.tfeval.study.coding.Coding;
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
        List<Coding.Progress> rows = w.coding().progress(s.account());
        w.pages()
                .respond(
                        ctx,
                        "progress/dashboard.jte",
                        new ProgressPage(
                                Chrome.of("Progress", s, Notices.of(ctx)),
                                rows,
                                s.role().readsRecords(),
                                Coding.Progress.total(rows)));
    }
}

package org.tfeval.web.query;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tfeval.study.queries.DataQueries;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Listing, reading, opening and answering queries. */
public final class QueryRoutes {
    private static final Map<String, String> STATUS_WORDS =
            Map.of("open", "reopen", "answered", "answer", "closed", "close");

    private final WebContext w;

    private QueryRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        QueryRoutes r = new QueryRoutes(w);
        return List.of(
                Route.get("/queries", Access.READ_RECORDS, r::list),
                Route.get("/queries/{queryId}", Access.READ_RECORDS, r::thread),
                Route.post("/queries/{queryId}", Access.READ_RECORDS, r::post),
                Route.get("/records/{recordId}/queries/new", Access.COORDINATE, r::newForm),
                Route.post("/records/{recordId}/queries", Access.COORDINATE, r::open));
    }

    private void list(Context ctx) {
        Session s = Requests.session(ctx);
        String caseId = ctx.queryParam("case");
        List<DataQueries.Query> queries = w.queries().list(s.account(), caseId);
        w.pages()
                .respond(
                        ctx,
                        "query/list.jte",
                        new QueryPages.ListPage(Chrome.of("Queries", s, Notices.of(ctx)), caseId, queries));
    }

    private void thread(Context ctx) {
        Session s = Requests.session(ctx);
        DataQueries.Thread t = w.queries().thread(s.account(), Requests.id(ctx, "queryId"));
        List<QueryPages.Action> actions = new ArrayList<>();
        for (DataQueries.Move m : t.moves())
            actions.add(new QueryPages.Action(
                    m.status(), m.comment() ? "comment (stays " + m.status() + ")" : words(m.status())));
        w.pages()
                .respond(
                        ctx,
                        "query/thread.jte",
                        new QueryPages.ThreadPage(
                                Chrome.of("Query " + t.query().id(), s, Notices.of(ctx)),
                                t.query(),
                                t.label(),
                                t.messages(),
                                actions,
                                !actions.isEmpty(),
                                "/cases/" + t.query().caseId() + "?pass=1"));
    }

    /** The button's words for moving a query to a status. */
    private static String words(String status) {
        return STATUS_WORDS.getOrDefault(status, status);
    }

    private void post(Context ctx) {
        long id = Requests.id(ctx, "queryId");
        Session s = Requests.session(ctx);
        w.queries().post(s.account(), id, ctx.formParam("body"), ctx.formParam("status"));
        ctx.redirect("/queries/" + id + "?notice=query", HttpStatus.SEE_OTHER);
    }

    private void newForm(Context ctx) {
        Session s = Requests.session(ctx);
        DataQueries.Target t =
                w.queries().target(s.account(), Requests.id(ctx, "recordId"), ctx.queryParam("variable"));
        w.pages()
                .respond(
                        ctx,
                        "query/new.jte",
                        new QueryPages.NewPage(
                                Chrome.of("New query", s), t.recordId(), t.record(), t.variable(), t.label(), null));
    }

    private void open(Context ctx) {
        Session s = Requests.session(ctx);
        long id = w.queries()
                .open(s.account(), Requests.id(ctx, "recordId"), ctx.formParam("variable"), ctx.formParam("body"));
        ctx.redirect("/queries/" + id + "?notice=query", HttpStatus.SEE_OTHER);
    }
}

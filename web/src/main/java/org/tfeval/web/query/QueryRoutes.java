package org.tfeval.web.query;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tfeval.instrument.Form;
import org.tfeval.store.coding.CaseFile;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Drafts;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.store.query.DataQuery;
import org.tfeval.store.query.Queries;
import org.tfeval.store.query.QueryMessage;
import org.tfeval.store.query.QueryStatus;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Listing, reading, opening and answering queries. */
public final class QueryRoutes {
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

    /** Whether the session is the blind second coder of a case (who must not see pass 1, nor queries about it). */
    private static boolean blind(Connection c, Session s, String caseId) throws SQLException {
        if (s.role().coordinates()) return false;
        return CaseFiles.pass(c, caseId, Pass.SECOND).map(PassState::coder).map(s.actor()::equals).orElse(false);
    }

    private void list(Context ctx) {
        Session s = Requests.session(ctx);
        String caseId = ctx.queryParam("case");
        List<DataQuery> queries = w.db().tx(c -> {
            List<DataQuery> out = new ArrayList<>();
            if (caseId != null) {
                CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(() -> new NotFoundResponse("Not found"));
                Requests.requireTaskForce(ctx, cf.tfId());
                if (blind(c, s, caseId)) throw new NotFoundResponse("Not found");
                out.addAll(Queries.ofCase(c, caseId));
            } else {
                for (DataQuery q : Queries.unsettled(c, s.role().scoped() ? s.taskForces() : null)) {
                    if (!blind(c, s, q.caseId())) out.add(q);
                }
            }
            return out;
        });
        w.pages().respond(ctx, "query/list.jte", new QueryPages.ListPage(Chrome.of("Queries", s, Notices.of(ctx)), caseId, queries));
    }

    private DataQuery visible(Connection c, Context ctx, long id) throws SQLException {
        DataQuery q = Queries.find(c, id).orElseThrow(() -> new NotFoundResponse("Not found"));
        Requests.requireTaskForce(ctx, q.tfId());
        if (blind(c, Requests.session(ctx), q.caseId())) throw new NotFoundResponse("Not found");
        return q;
    }

    private void thread(Context ctx) {
        long id = Requests.id(ctx, "queryId");
        Session s = Requests.session(ctx);
        QueryPages.ThreadPage page = w.db().tx(c -> {
            DataQuery q = visible(c, ctx, id);
            return threadPage(s, q, Queries.messages(c, id), Notices.of(ctx));
        });
        w.pages().respond(ctx, "query/thread.jte", page);
    }

    private QueryPages.ThreadPage threadPage(Session s, DataQuery q, List<QueryMessage> messages, String notice) {
        boolean coordinator = s.role().coordinates();
        boolean mayPost = s.role().codes() || coordinator;
        List<QueryPages.Action> actions = new ArrayList<>();
        for (QueryStatus next : QueryStatus.values()) {
            if (mayPost && q.status().mayMoveTo(next, coordinator)) {
                actions.add(new QueryPages.Action(next.id(), next == q.status() ? "comment (stays " + next.id() + ")" : switch (next) {
                    case OPEN -> "reopen";
                    case ANSWERED -> "answer";
                    case CLOSED -> "close";
                }));
            }
        }
        Form form = w.forms().instrument().findForm(q.form()).orElse(null);
        String label = form == null ? q.form() : q.variable() == null ? form.label() : form.find(q.variable()).map(v -> v.label()).orElse(q.variable());
        return new QueryPages.ThreadPage(Chrome.of("Query " + q.id(), s, notice), q, label, messages, actions, mayPost && !actions.isEmpty(),
                "/cases/" + q.caseId() + "?pass=1");
    }

    private void post(Context ctx) {
        long id = Requests.id(ctx, "queryId");
        Session s = Requests.session(ctx);
        if (!s.role().codes() && !s.role().coordinates()) throw new ForbiddenResponse("Your role may not answer queries");
        String body = ctx.formParam("body");
        w.db().tx(c -> {
            visible(c, ctx, id);
            QueryStatus next;
            try {
                next = QueryStatus.of(String.valueOf(ctx.formParam("status")));
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("Choose what happens to the query");
            }
            return Queries.post(c, id, s.actor(), s.role().coordinates(), body, next);
        });
        ctx.redirect("/queries/" + id + "?notice=query", HttpStatus.SEE_OTHER);
    }

    /** A pass-1 record the session may open a query on. */
    private record Target(DraftRecord record, CaseFile file, Form form) {
    }

    private Target target(Connection c, Context ctx) throws SQLException {
        long rid = Requests.id(ctx, "recordId");
        DraftRecord d = Drafts.find(c, rid).orElseThrow(() -> new NotFoundResponse("Not found"));
        CaseFile cf = CaseFiles.find(c, d.caseId()).orElseThrow(() -> new NotFoundResponse("Not found"));
        Requests.requireTaskForce(ctx, cf.tfId());
        if (d.pass() != Pass.FIRST) throw new NotFoundResponse("Not found");
        return new Target(d, cf, w.forms().form(d.form()));
    }

    private void newForm(Context ctx) {
        Session s = Requests.session(ctx);
        String variable = ctx.queryParam("variable");
        QueryPages.NewPage page = w.db().tx(c -> {
            Target t = target(c, ctx);
            String v = variable == null || t.form().find(variable).isEmpty() ? null : variable;
            return new QueryPages.NewPage(Chrome.of("New query", s), t.record().id(), t.form().label() + " " + t.record().key(), v,
                    v == null ? t.form().label() : t.form().variable(v).label(), null);
        });
        w.pages().respond(ctx, "query/new.jte", page);
    }

    private void open(Context ctx) {
        Session s = Requests.session(ctx);
        String variable = ctx.formParam("variable");
        String body = ctx.formParam("body");
        DataQuery q = w.db().tx(c -> {
            Target t = target(c, ctx);
            String v = variable == null || variable.isBlank() ? null : t.form().find(variable).map(x -> x.name())
                    .orElseThrow(() -> new BadRequestResponse("No such variable in this form"));
            return Queries.open(c, t.file().caseId(), t.file().tfId(), t.form().name(), t.record().key(), v, DataQuery.Origin.COORDINATOR, null, body,
                    s.actor());
        });
        ctx.redirect("/queries/" + q.id() + "?notice=query", HttpStatus.SEE_OTHER);
    }
}

package org.tfeval.web.deid;

import io.javalin.http.Context;
import java.util.List;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.text.Span;
import org.tfeval.study.qual.Deidentification;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** De-identification review for privacy officers; every route checks the role, every read of words is audited. */
public final class DeidRoutes {
    private final WebContext w;

    private DeidRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        DeidRoutes r = new DeidRoutes(w);
        return List.of(
                Route.get("/deid", Access.DEIDENTIFY, r::list),
                Route.get("/deid/{interview}", Access.DEIDENTIFY, r::review),
                Route.post("/deid/{interview}/decide", Access.DEIDENTIFY, r::decide),
                Route.post("/deid/{interview}/edit", Access.DEIDENTIFY, r::edit),
                Route.post("/deid/{interview}/add", Access.DEIDENTIFY, r::add),
                Route.post("/deid/{interview}/accept-all", Access.DEIDENTIFY, r::acceptAll),
                Route.post("/deid/{interview}/render", Access.DEIDENTIFY, r::render),
                Route.post("/deid/{interview}/approve", Access.DEIDENTIFY, r::approve),
                Route.post("/deid/{interview}/release", Access.DEIDENTIFY, r::release));
    }

    private void list(Context ctx) {
        Session s = Requests.session(ctx);
        w.pages()
                .respond(
                        ctx,
                        "deid/list.jte",
                        new DeidListPage(
                                Chrome.of("De-identification", s), w.deid().status()));
    }

    private void review(Context ctx) {
        Session s = Requests.session(ctx);
        String interview = ctx.pathParam("interview");
        Deidentification.Review r = w.deid().review(interview, s.actor(), s.role());
        ctx.header("Cache-Control", "no-store");
        w.pages()
                .respond(
                        ctx,
                        "deid/review.jte",
                        new DeidReviewPage(Chrome.of("De-identify " + interview, s, Notices.of(ctx)), r));
    }

    private void decide(Context ctx) {
        Session s = Requests.session(ctx);
        String decision = form(ctx, "decision");
        Deidentification.Decision d;
        if (decision.equals("accept")) d = Deidentification.Decision.ACCEPT;
        else if (decision.equals("reject")) d = Deidentification.Decision.REJECT;
        else throw Problem.usage("a decision is accept or reject", null);
        w.deid().decide(suggestion(ctx), d, s.actor(), s.role());
        back(ctx, null);
    }

    private void edit(Context ctx) {
        Session s = Requests.session(ctx);
        w.deid()
                .edit(
                        suggestion(ctx),
                        new Span(number(ctx, "start"), number(ctx, "end")),
                        category(ctx),
                        s.actor(),
                        s.role());
        back(ctx, null);
    }

    private void add(Context ctx) {
        Session s = Requests.session(ctx);
        w.deid().addWords(ctx.pathParam("interview"), form(ctx, "words"), category(ctx), s.actor(), s.role());
        back(ctx, "deid-added");
    }

    private void acceptAll(Context ctx) {
        Session s = Requests.session(ctx);
        w.deid().acceptAllFrom(form(ctx, "source"), s.actor(), s.role());
        back(ctx, "deid-accepted");
    }

    private void render(Context ctx) {
        Session s = Requests.session(ctx);
        w.deid().render(ctx.pathParam("interview"), s.actor(), s.role());
        back(ctx, "deid-rendered");
    }

    private void approve(Context ctx) {
        Session s = Requests.session(ctx);
        w.deid().markReviewed(ctx.pathParam("interview"), s.actor(), s.role());
        back(ctx, "deid-reviewed");
    }

    private void release(Context ctx) {
        Session s = Requests.session(ctx);
        w.deid().release(ctx.pathParam("interview"), s.actor(), s.role());
        back(ctx, "deid-released");
    }

    private static void back(Context ctx, String notice) {
        String to = "/deid/" + ctx.pathParam("interview");
        if (notice != null) to += "?notice=" + notice;
        ctx.redirect(to + "#next", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) throw Problem.usage("the form needs " + name, null);
        return v.strip();
    }

    private static long suggestion(Context ctx) {
        try {
            return Long.parseLong(form(ctx, "suggestion"));
        } catch (NumberFormatException e) {
            throw Problem.usage("suggestion must be a number", null);
        }
    }

    private static int number(Context ctx, String name) {
        try {
            return Integer.parseInt(form(ctx, name));
        } catch (NumberFormatException e) {
            throw Problem.usage(name + " must be a whole number", null);
        }
    }

    private static Category category(Context ctx) {
        try {
            return Category.of(form(ctx, "category"));
        } catch (IllegalArgumentException e) {
            throw Problem.usage(e.getMessage(), null);
        }
    }
}

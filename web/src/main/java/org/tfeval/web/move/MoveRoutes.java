package org.tfeval.web.move;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** The move screen: parses the form and prints the outcome; the study layer decides who may move what. */
public final class MoveRoutes {
    private final WebContext w;

    private MoveRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        MoveRoutes r = new MoveRoutes(w);
        return List.of(Route.get("/move", Access.COORDINATE, r::form), Route.post("/move", Access.COORDINATE, r::move));
    }

    private void form(Context ctx) {
        Session s = Requests.session(ctx);
        ctx.header("Cache-Control", "no-store");
        w.pages().respond(ctx, "move/move.jte", new MovePage(Chrome.of("Move a record", s), null));
    }

    private void move(Context ctx) {
        Session s = Requests.session(ctx);
        String form = field(ctx, "form");
        String id = field(ctx, "id");
        String toParent = field(ctx, "to_parent");
        int changed = w.moves().move(s.account(), form, Arrays.asList(id.split("/")), toParent, field(ctx, "reason"));
        ctx.header("Cache-Control", "no-store");
        w.pages()
                .respond(
                        ctx,
                        "move/move.jte",
                        new MovePage(
                                Chrome.of("Move a record", s),
                                "Moved " + form + " " + id + " under " + toParent + " (" + changed
                                        + " records changed, audited)."));
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) throw Problem.usage("the form needs " + name, null);
        return v.strip();
    }
}

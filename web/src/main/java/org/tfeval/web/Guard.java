package org.tfeval.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.util.Optional;
import org.tfeval.web.auth.Session;
import org.tfeval.web.auth.Sessions;

/**
 * Runs before every route's handler: finds the session from its cookie, sends the signed-out to
 * the sign-in page, checks the CSRF token of every POST and the role the route requires.
 * Task-force scope is checked by the handlers, per record (404 for other task forces).
 */
final class Guard {
    /** Form field carrying the CSRF token. */
    static final String CSRF_FIELD = "_csrf";
    /** Header carrying the CSRF token (htmx requests). */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;

    Guard(Sessions sessions) {
        this.sessions = sessions;
    }

    Handler wrap(Route route) {
        return ctx -> {
            Session s = current(ctx).orElse(null);
            ctx.attribute(Requests.SESSION, s);
            if (route.access().needsAccount() && (s == null || !s.signedIn())) {
                if (!route.mutates() && !Requests.htmx(ctx)) {
                    ctx.redirect("/login", HttpStatus.SEE_OTHER);
                    return;
                }
                throw new UnauthorizedResponse(
                        Requests.htmx(ctx)
                                ? "You are signed out (the session ended), so this change was not saved: note it, sign in again and re-enter it; every earlier change is kept."
                                : "Sign in first");
            }
            if (route.mutates()) {
                String token = ctx.header(CSRF_HEADER);
                if (token == null) token = ctx.formParam(CSRF_FIELD);
                if (!Sessions.tokenMatches(s, token)) {
                    throw new ForbiddenResponse(
                            "The form has expired or did not come from this site; reload the page and try again");
                }
            }
            if (route.access().needsAccount() && !route.access().allows(s.role()))
                throw new ForbiddenResponse("Your role may not do this");
            route.handler().handle(ctx);
        };
    }

    private Optional<Session> current(Context ctx) {
        return sessions.find(ctx.cookie(SessionCookie.NAME));
    }
}

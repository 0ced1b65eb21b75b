package org.tfeval.web;

import io.javalin.http.BadRequestResponse;
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
 * An account signed in with a password someone else set (one-time, demo) is sent to the
 * password page by every other route until it has chosen its own. Task-force scope is checked
 * by the handlers, per record (404 for other task forces).
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
            refuseNul(ctx, route.mutates());
            if (route.mutates()) {
                String token = ctx.header(CSRF_HEADER);
                if (token == null) token = ctx.formParam(CSRF_FIELD);
                if (!Sessions.tokenMatches(s, token)) {
                    throw new ForbiddenResponse(
                            "The form has expired or did not come from this site; reload the page and try again");
                }
            }
            if (s != null && s.mustChangePassword() && !route.access().allowsBeforePasswordChange(route.path())) {
                if (!route.mutates() && !Requests.htmx(ctx)) {
                    ctx.redirect("/password", HttpStatus.SEE_OTHER);
                    return;
                }
                throw new ForbiddenResponse("Choose your own password first (under Password)");
            }
            if (route.access().needsAccount() && !route.access().allows(s.role()))
                throw new ForbiddenResponse("Your role may not do this");
            route.handler().handle(ctx);
        };
    }

    /**
     * A NUL character (in a path, query or form value) cannot be stored in or compared with PostgreSQL text (which would reject it with an error that
     * can land, with the value, in the server's log): refused here, before anything reaches the
     * database, with a 400 that does not quote the value.
     */
    private static void refuseNul(Context ctx, boolean form) {
        for (String v : ctx.pathParamMap().values()) if (v.indexOf('\0') >= 0) throw nul();
        if (form && !ctx.isMultipart()) {
            for (var e : ctx.formParamMap().entrySet()) {
                if (e.getKey().indexOf('\0') >= 0) throw nul();
                for (String v : e.getValue()) if (v.indexOf('\0') >= 0) throw nul();
            }
        }
        for (var e : ctx.queryParamMap().entrySet()) {
            for (String v : e.getValue()) if (v.indexOf('\0') >= 0) throw nul();
        }
    }

    private static BadRequestResponse nul() {
        return new BadRequestResponse(
                "A value contains a NUL character (\\0), which cannot be stored: remove it (it often comes from "
                        + "pasting from another program) and save again. Nothing was saved.");
    }

    private Optional<Session> current(Context ctx) {
        return sessions.find(ctx.cookie(SessionCookie.NAME));
    }
}

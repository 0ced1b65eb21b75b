package org.tfeval.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.tfeval.web.auth.Session;

/** What handlers read from a request that the guard has let through. */
public final class Requests {
    /** Context attribute holding the request's session. */
    static final String SESSION = "tfeval.session";
    /** Context attribute holding the client's address (the proxy's forwarded one when trusted). */
    static final String CLIENT = "tfeval.client";
    /** Context attribute: whether the request came over TLS (directly or through a trusted proxy). */
    static final String SECURE = "tfeval.secure";

    private Requests() {}

    /** The session (signed in for every route but the public ones). */
    public static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** A numeric path parameter; 404 when it is not a number. */
    public static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("Not found");
        }
    }

    /** The client's address (the forwarded one when a trusted proxy sent the request). */
    public static String client(Context ctx) {
        String c = ctx.attribute(CLIENT);
        return c == null ? ctx.req().getRemoteAddr() : c;
    }

    /** Whether the request came over TLS (directly or through a trusted proxy). */
    public static boolean secure(Context ctx) {
        Boolean s = ctx.attribute(SECURE);
        return s == null ? ctx.req().isSecure() : s;
    }

    /** Whether htmx sent the request. */
    public static boolean htmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }
}

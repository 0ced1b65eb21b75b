package org.tfeval.web;

import io.javalin.http.Context;
import org.tfeval.web.auth.Session;

/** The session cookie: HttpOnly, SameSite=Strict, Secure when the request came over TLS or through the trusted proxy; no lifetime (ends with the browser). */
public final class SessionCookie {
    /** The cookie's name. */
    public static final String NAME = "tfeval_session";

    private SessionCookie() {}

    public static void set(Context ctx, Session s) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        NAME + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                                + (Requests.secure(ctx) ? "; Secure" : ""));
    }

    public static void clear(Context ctx) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                                + (Requests.secure(ctx) ? "; Secure" : ""));
    }
}

package org.tfeval.web;

import io.javalin.http.Context;

/** Headers on every response: no inline scripts or styles, no framing, no sniffing, no referrer. */
final class SecurityHeaders {
    /** Everything from this origin only; no inline script or style, no plug-ins, no framing, forms post here only. */
    static final String CSP =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** HSTS, sent only over TLS (never on plain localhost, where it would pin the browser to https). */
    static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        if (Requests.secure(ctx)) ctx.header("Strict-Transport-Security", HSTS);
    }
}

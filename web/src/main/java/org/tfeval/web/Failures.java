package org.tfeval.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.PrintStream;
import java.util.UUID;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.NotVisible;

/**
 * The one place where failures become HTTP statuses and error pages: a {@link Problem} by its
 * kind (usage 400, data 422, refused 409, internal 500; what an account may not see 404, what
 * it may see but not do 403), Javalin's own responses (401, 403, 404 of the guard and the path
 * parameters) as they are, anything else 500 with a reference. Internal errors are reported
 * with their class and reference only (and a problem's message, which by its contract names no
 * value), never a message that could carry values.
 */
final class Failures {
    private final Pages pages;
    private final PrintStream errors;

    Failures(Pages pages, PrintStream errors) {
        this.pages = pages;
        this.errors = errors;
    }

    /** The HTTP status of a problem. */
    static int status(Problem p) {
        if (p instanceof NotVisible) return HttpStatus.NOT_FOUND.getCode();
        if (p instanceof NotAllowed) return HttpStatus.FORBIDDEN.getCode();
        switch (p.kind()) {
            case USAGE:
                return HttpStatus.BAD_REQUEST.getCode();
            case DATA:
                return HttpStatus.UNPROCESSABLE_CONTENT.getCode();
            case REFUSED:
                return HttpStatus.CONFLICT.getCode();
            default:
                return HttpStatus.INTERNAL_SERVER_ERROR.getCode();
        }
    }

    /** Answers a request that failed. */
    void handle(Exception e, Context ctx) {
        if (e instanceof HttpResponseException) {
            respond(ctx, ((HttpResponseException) e).getStatus(), e.getMessage());
            return;
        }
        if (e instanceof Problem && ((Problem) e).kind() != Problem.Kind.INTERNAL) {
            Problem p = (Problem) e;
            respond(ctx, status(p), p.describe());
            return;
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        errors.println("tfeval web: internal error " + ref + " on " + ctx.method() + " " + routePath(ctx) + ": "
                + e.getClass().getName() + (e instanceof Problem ? " (" + e.getMessage() + ")" : ""));
        respond(
                ctx,
                HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
                "Something went wrong on the server (reference " + ref
                        + "). Nothing was changed by the failed request.");
    }

    /** The error page (or, for htmx, the error fragment) with a status. */
    void respond(Context ctx, int status, String message) {
        HttpStatus s = HttpStatus.forStatus(status);
        ctx.status(status);
        if (Requests.htmx(ctx)) {
            pages.respond(ctx, "error-fragment.jte", message == null ? s.getMessage() : message);
            return;
        }
        pages.respond(
                ctx,
                "error.jte",
                new ErrorPage(
                        Chrome.of(s.getMessage(), Requests.session(ctx)),
                        status,
                        s.getMessage(),
                        message == null ? s.getMessage() : message));
    }

    private static String routePath(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "(no route)";
        }
    }
}

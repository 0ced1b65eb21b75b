package org.tfeval.web.access;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.study.access.Application;
import org.tfeval.study.access.Decision;
import org.tfeval.study.access.Document;
import org.tfeval.study.access.IrbKind;
import org.tfeval.study.access.Issued;
import org.tfeval.study.access.RestrictedAccess;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** The data steward's restricted-access screens. */
public final class AccessRoutes {
    /** Largest uploaded document (agreement, report, certificate); it is hashed, not kept. */
    static final long MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;

    private final WebContext w;

    private AccessRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        AccessRoutes r = new AccessRoutes(w);
        return List.of(
                Route.get("/access", Access.STEWARD, r::list),
                Route.get("/access/new", Access.STEWARD, r::form),
                Route.post("/access", Access.STEWARD, r::apply),
                Route.get("/access/{applicationId}", Access.STEWARD, r::detail),
                Route.post("/access/{applicationId}/decide", Access.STEWARD, r::decide),
                Route.post("/access/{applicationId}/issue", Access.STEWARD, r::issue),
                Route.post("/access/{applicationId}/renew", Access.STEWARD, r::renew),
                Route.post("/access/{applicationId}/report", Access.STEWARD, r::report),
                Route.post("/access/{applicationId}/destroy", Access.STEWARD, r::destroy));
    }

    private RestrictedAccess access() {
        return w.access();
    }

    private void list(Context ctx) {
        Session s = Requests.session(ctx);
        boolean due = "1".equals(ctx.queryParam("due"));
        w.pages()
                .respond(
                        ctx,
                        "access/list.jte",
                        new AccessListPage(
                                Chrome.of("Restricted access", s, Notices.of(ctx)),
                                access().list(due),
                                due,
                                access().transfers()));
    }

    private void form(Context ctx) {
        w.pages()
                .respond(
                        ctx,
                        "access/new.jte",
                        new AccessNewPage(Chrome.of("New access application", Requests.session(ctx))));
    }

    private void apply(Context ctx) {
        Session s = Requests.session(ctx);
        String irbExpires = ctx.formParam("irbExpires");
        Application a;
        try {
            a = new Application(
                    ctx.formParam("applicant"),
                    ctx.formParam("email"),
                    ctx.formParam("institution"),
                    ctx.formParam("purpose"),
                    IrbKind.of(String.valueOf(ctx.formParam("irbKind"))),
                    ctx.formParam("irbReference"),
                    date(ctx, "irbDate", "IRB date"),
                    irbExpires == null || irbExpires.isBlank() ? null : date(ctx, "irbExpires", "IRB end date"),
                    ctx.formParam("securityPlan"),
                    document(ctx, "agreement", "signed agreement"),
                    date(ctx, "agreementSigned", "signing day"));
        } catch (IllegalArgumentException e) {
            throw Problem.usage(e.getMessage(), "go back and complete the application");
        }
        long id = access().apply(a, s.actor());
        ctx.redirect("/access/" + id + "?notice=access-applied", HttpStatus.SEE_OTHER);
    }

    private void detail(Context ctx) {
        long id = Requests.id(ctx, "applicationId");
        w.pages()
                .respond(
                        ctx,
                        "access/detail.jte",
                        new AccessDetailPage(
                                Chrome.of("Access " + id, Requests.session(ctx), Notices.of(ctx)),
                                access().file(id),
                                access().snapshots(),
                                RestrictedAccess.DEFAULT_TERM_MONTHS));
    }

    private void decide(Context ctx) {
        long id = Requests.id(ctx, "applicationId");
        Decision d;
        try {
            d = Decision.of(String.valueOf(ctx.formParam("decision")));
        } catch (IllegalArgumentException e) {
            throw Problem.usage(e.getMessage());
        }
        access().decide(
                        id,
                        d,
                        ctx.formParam("reason"),
                        months(ctx),
                        Requests.session(ctx).actor());
        ctx.redirect("/access/" + id + "?notice=access-decided", HttpStatus.SEE_OTHER);
    }

    private void issue(Context ctx) {
        long id = Requests.id(ctx, "applicationId");
        String snapshot = ctx.formParam("snapshot");
        if (snapshot == null || snapshot.isBlank()) throw Problem.usage("choose the snapshot to issue");
        Issued issued = access().issue(id, snapshot, null, Requests.session(ctx).actor(), ProgressListener.NONE);
        ctx.redirect(
                "/access/" + id + "?notice=access-issued#issue-"
                        + issued.transfer().issueId(),
                HttpStatus.SEE_OTHER);
    }

    private void renew(Context ctx) {
        long id = Requests.id(ctx, "applicationId");
        access().renew(
                        id,
                        months(ctx),
                        ctx.formParam("reason"),
                        Requests.session(ctx).actor());
        ctx.redirect("/access/" + id + "?notice=access-renewed", HttpStatus.SEE_OTHER);
    }

    private void report(Context ctx) {
        long id = Requests.id(ctx, "applicationId");
        access().report(
                        id,
                        document(ctx, "file", "annual report"),
                        date(ctx, "received", "day received"),
                        Requests.session(ctx).actor());
        ctx.redirect("/access/" + id + "?notice=access-report", HttpStatus.SEE_OTHER);
    }

    private void destroy(Context ctx) {
        long id = Requests.id(ctx, "applicationId");
        access().destroy(
                        id,
                        document(ctx, "certificate", "destruction certificate"),
                        date(ctx, "destroyed", "destruction day"),
                        ctx.formParam("certifiedBy"),
                        Requests.session(ctx).actor());
        ctx.redirect("/access/" + id + "?notice=access-closed", HttpStatus.SEE_OTHER);
    }

    private static int months(Context ctx) {
        String m = ctx.formParam("months");
        if (m == null || m.isBlank()) return RestrictedAccess.DEFAULT_TERM_MONTHS;
        try {
            return Integer.parseInt(m.strip());
        } catch (NumberFormatException e) {
            throw Problem.usage("the term must be a number of months");
        }
    }

    private static LocalDate date(Context ctx, String field, String what) {
        String v = ctx.formParam(field);
        if (v == null || v.isBlank()) throw Problem.usage("the " + what + " is required");
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw Problem.usage("the " + what + " must be a date (YYYY-MM-DD)");
        }
    }

    /** An uploaded document: its file name and SHA-256 (the file itself stays with the steward's records). */
    private static Document document(Context ctx, String field, String what) {
        UploadedFile f = ctx.uploadedFile(field);
        if (f == null || f.size() == 0) throw Problem.usage("attach the " + what);
        if (f.size() > MAX_DOCUMENT_BYTES)
            throw Problem.usage("the " + what + " is larger than " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB");
        try (InputStream in = f.content()) {
            return Document.of(safeName(f.filename()), in.readAllBytes());
        } catch (IOException e) {
            throw Problem.usage("the " + what + " could not be read");
        }
    }

    /** An uploaded file's name as recorded: its last path element, letters, digits, '.', '_' and '-' only. */
    static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isBlank() ? "document" : cleaned;
    }
}

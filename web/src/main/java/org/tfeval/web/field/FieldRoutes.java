package org.tfeval.web.field;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.field.Choice;
import org.tfeval.study.field.Field;
import org.tfeval.study.field.Lease;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Field packages for coordinators: checkout as a download, devices and revocation, the conflict queue. */
public final class FieldRoutes {
    private final WebContext w;

    private FieldRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        FieldRoutes r = new FieldRoutes(w);
        return List.of(
                Route.get("/field", Access.COORDINATE, r::page),
                Route.post("/field/checkout", Access.COORDINATE, r::checkout),
                Route.post("/field/revoke", Access.COORDINATE, r::revoke),
                Route.post("/field/resolve", Access.COORDINATE, r::resolve));
    }

    private void page(Context ctx) {
        Session s = Requests.session(ctx);
        List<Field.Conflict> all = w.field().conflicts(s.account(), false);
        Instant now = Instant.now();
        w.pages()
                .respond(
                        ctx,
                        "field/field.jte",
                        new FieldPage(
                                Chrome.of("Field packages", s, Notices.of(ctx)),
                                List.copyOf(s.taskForces()),
                                w.field().devices(s.account()),
                                all.stream().filter(Field.Conflict::open).toList(),
                                all.stream().filter(k -> !k.open()).toList(),
                                now));
    }

    private void checkout(Context ctx) {
        Session s = Requests.session(ctx);
        String site = required(ctx, "site");
        String coder = required(ctx, "coder");
        int days;
        try {
            days = Integer.parseInt(required(ctx, "days"));
        } catch (NumberFormatException e) {
            throw Problem.usage("Days valid must be a whole number of days until the package expires");
        }
        Lease lease = Lease.hours(FieldPage.LEASE_FIELD, ctx.formParam("lease_hours"));
        Passphrase p = Passphrase.field(ctx.formParam("passphrase"));
        Path dir;
        try {
            dir = Files.createTempDirectory("tfeval-checkout-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path out = dir.resolve("package.tfpkg");
            Field.Checkout c = w.field().checkout(s.account(), site, coder, Duration.ofDays(days), lease, out, p);
            byte[] bytes = Files.readAllBytes(out);
            String name = (c.tfId() + "-" + c.coder() + ".tfpkg").replaceAll("[^A-Za-z0-9._-]", "_");
            ctx.header("X-Tfeval-Lease-Until", c.leaseUntil().toString());
            ctx.header("X-Tfeval-Expires", c.expiresAt().toString());
            ctx.header("Content-Disposition", "attachment; filename=\"" + name.toLowerCase(Locale.ROOT) + "\"");
            ctx.contentType("application/octet-stream");
            ctx.result(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            WorkFolders.deleteTree(dir);
        }
    }

    private void revoke(Context ctx) {
        Session s = Requests.session(ctx);
        UUID device;
        try {
            device = UUID.fromString(required(ctx, "device"));
        } catch (IllegalArgumentException e) {
            throw Problem.usage("Choose a device");
        }
        w.field().revoke(s.account(), device, required(ctx, "reason"));
        ctx.redirect("/field?notice=revoked", HttpStatus.SEE_OTHER);
    }

    private void resolve(Context ctx) {
        Session s = Requests.session(ctx);
        long id;
        try {
            id = Long.parseLong(required(ctx, "conflict"));
        } catch (NumberFormatException e) {
            throw Problem.usage("Choose a conflict");
        }
        String keep = required(ctx, "keep");
        Choice choice = keep.equals("field") ? Choice.FIELD : keep.equals("office") ? Choice.OFFICE : null;
        if (choice == null) throw Problem.usage("Keep the field or the office value");
        w.field().resolve(s.account(), id, choice);
        ctx.redirect("/field?notice=resolved", HttpStatus.SEE_OTHER);
    }

    private static String required(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) throw Problem.usage("Fill in " + name);
        return v.strip();
    }
}

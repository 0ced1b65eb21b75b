package org.tfeval.web.export;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.tfeval.instrument.Form;
import org.tfeval.web.Access;
import org.tfeval.web.Audit;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** CSV exports. */
public final class ExportRoutes {
    private final WebContext w;
    private final ScopedExport export;

    private ExportRoutes(WebContext w) {
        this.w = w;
        this.export = new ScopedExport(w.forms().instrument(), w.forms().taskForceVariable());
    }

    public static List<Route> routes(WebContext w) {
        ExportRoutes r = new ExportRoutes(w);
        return List.of(
                Route.get("/export", Access.EXPORT, r::page),
                Route.get("/export/{form}", Access.EXPORT, r::all),
                Route.get("/tf/{tfId}/export/{form}", Access.EXPORT, r::taskForce));
    }

    /**
     * The export page.
     *
     * @param chrome     the page around it
     * @param forms      the forms
     * @param taskForces the session's task forces, or empty for every task force
     */
    public record ExportPage(Chrome chrome, List<String> forms, Collection<String> taskForces) {
    }

    private void page(Context ctx) {
        Session s = Requests.session(ctx);
        w.pages().respond(ctx, "export/export.jte", new ExportPage(Chrome.of("Export", s), w.forms().instrument().formNames(),
                s.role().scoped() ? s.taskForces() : List.of()));
    }

    private Form form(Context ctx) {
        return w.forms().instrument().findForm(ctx.pathParam("form")).orElseThrow(() -> new NotFoundResponse("Not found"));
    }

    private void all(Context ctx) throws IOException {
        Session s = Requests.session(ctx);
        send(ctx, form(ctx), s.role().scoped() ? s.taskForces() : null, "all");
    }

    private void taskForce(Context ctx) throws IOException {
        String tf = ctx.pathParam("tfId");
        Requests.requireTaskForce(ctx, tf);
        send(ctx, form(ctx), List.of(tf), tf);
    }

    /** Writes the rows to a temporary file (bounded memory), audits the export with its row count, then sends the file. */
    private void send(Context ctx, Form form, Collection<String> taskForces, String label) throws IOException {
        Session s = Requests.session(ctx);
        Path tmp = Files.createTempFile("tfeval-export-", ".csv");
        try {
            w.db().tx(c -> {
                long rows;
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    rows = export.write(c, form, taskForces, out);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the export", e);
                }
                Audit.event(c, s.actor(), "export", form.name(), "task_forces", taskForces == null ? "all" : taskForces, "rows", rows);
                return rows;
            });
            ctx.header("Content-Disposition", "attachment; filename=\"" + form.name() + "-" + label.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8");
            try (InputStream in = Files.newInputStream(tmp); OutputStream out = ctx.res().getOutputStream()) {
                in.transferTo(out);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

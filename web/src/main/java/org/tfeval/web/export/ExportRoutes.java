package org.tfeval.web.export;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** CSV exports. */
public final class ExportRoutes {
    private final WebContext w;

    private ExportRoutes(WebContext w) {
        this.w = w;
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
    public record ExportPage(Chrome chrome, List<String> forms, Collection<String> taskForces) {}

    private void page(Context ctx) {
        Session s = Requests.session(ctx);
        w.pages()
                .respond(
                        ctx,
                        "export/export.jte",
                        new ExportPage(
                                Chrome.of("Export", s),
                                w.exports().forms(),
                                s.role().scoped() ? s.taskForces() : List.of()));
    }

    private void all(Context ctx) throws IOException {
        send(ctx, ctx.pathParam("form"), null, "all");
    }

    private void taskForce(Context ctx) throws IOException {
        String tf = ctx.pathParam("tfId");
        send(ctx, ctx.pathParam("form"), tf, tf);
    }

    /** Has the study write the rows to a temporary file (bounded memory, audited with the row count), then sends the file. */
    private void send(Context ctx, String form, String tfId, String label) throws IOException {
        Session s = Requests.session(ctx);
        Path tmp = Files.createTempFile("tfeval-export-", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.exports().write(s.account(), form, tfId, out);
            }
            ctx.header(
                    "Content-Disposition",
                    "attachment; filename=\"" + form + "-" + label.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8");
            try (InputStream in = Files.newInputStream(tmp);
                    OutputStream out = ctx.res().getOutputStream()) {
                in.transferTo(out);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

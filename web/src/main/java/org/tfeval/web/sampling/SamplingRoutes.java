package org.tfeval.web.sampling;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Upload a case list and draw the sample. */
public final class SamplingRoutes {
    private final WebContext w;
    private final SecureRandom random = new SecureRandom();

    private SamplingRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        SamplingRoutes r = new SamplingRoutes(w);
        return List.of(
                Route.get("/sampling", Access.COORDINATE, r::page),
                Route.post("/sampling", Access.COORDINATE, r::draw));
    }

    private void page(Context ctx) {
        respond(ctx, List.of(), HttpStatus.OK);
    }

    private void respond(Context ctx, List<String> problems, HttpStatus status) {
        Session s = Requests.session(ctx);
        List<SamplingPage.Draw> draws = new ArrayList<>();
        for (Sampling.Draw d : w.sampling().draws(s.account())) {
            draws.add(
                    new SamplingPage.Draw(d.id(), d.at(), d.actor(), d.frameName(), d.seed(), d.sizeRule(), d.cases()));
        }
        ctx.status(status);
        w.pages()
                .respond(
                        ctx,
                        "sampling/sampling.jte",
                        new SamplingPage(
                                Chrome.of("Sampling", s, Notices.of(ctx)),
                                draws,
                                problems,
                                random.nextLong(1, 1_000_000_000L)));
    }

    /** Keeps the upload in a temporary file (under its cleaned name, recorded with the draw) while the study draws from it. */
    private void draw(Context ctx) throws IOException {
        Session s = Requests.session(ctx);
        UploadedFile file = ctx.uploadedFile("frame");
        Path dir = Files.createTempDirectory("tfeval-frame-");
        try {
            Path frame = null;
            if (file != null && file.size() > 0) {
                frame = dir.resolve(safeName(file.filename()));
                try (InputStream in = file.content()) {
                    Files.copy(in, frame, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Sampling.Outcome outcome = w.sampling()
                    .draw(
                            s.account(),
                            frame,
                            ctx.formParam("perSite"),
                            ctx.formParam("seed"),
                            ctx.formParam("replacements"));
            if (!outcome.drawn()) {
                respond(ctx, outcome.problems(), HttpStatus.UNPROCESSABLE_CONTENT);
                return;
            }
        } finally {
            try {
                WorkFolders.deleteTree(dir);
            } catch (UncheckedIOException e) {
                // temporary files only
            }
        }
        ctx.redirect("/sampling?notice=drawn", HttpStatus.SEE_OTHER);
    }

    /** The uploaded file's name, kept with the draw: letters, digits, '.', '_' and '-' only. */
    static String safeName(String name) {
        String base = name == null
                ? ""
                : Path.of(name.replace('\\', '/')).getFileName().toString();
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isBlank() || cleaned.startsWith(".") ? "case_list.csv" : cleaned;
    }
}

package org.tfeval.web.sampling;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.SampleSize;
import org.tfeval.store.sample.Sampler;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Upload a case list and draw the sample. */
public final class SamplingRoutes {
    /** Problems listed after a failed upload. */
    static final int MAX_PROBLEMS_SHOWN = 20;

    private final WebContext w;
    private final SecureRandom random = new SecureRandom();

    private SamplingRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        SamplingRoutes r = new SamplingRoutes(w);
        return List.of(Route.get("/sampling", Access.COORDINATE, r::page), Route.post("/sampling", Access.COORDINATE, r::draw));
    }

    private void page(Context ctx) {
        respond(ctx, List.of(), HttpStatus.OK);
    }

    private void respond(Context ctx, List<String> problems, HttpStatus status) {
        Session s = Requests.session(ctx);
        List<SamplingPage.Draw> draws = w.db().tx(c -> {
            List<SamplingPage.Draw> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.at, d.actor, d.frame_name, d.seed, d.size_rule, "
                    + "count(sc.*) FILTER (WHERE sc.role = 'sample' AND (? OR sc.tf_id = ANY (?))) FROM sample_draw d "
                    + "LEFT JOIN sample_case sc ON sc.draw_id = d.id GROUP BY d.id ORDER BY d.id")) {
                ps.setBoolean(1, !s.role().scoped());
                ps.setArray(2, c.createArrayOf("text", s.role().scoped() ? s.taskForces().toArray() : new Object[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(7) == 0 && s.role().scoped()) continue;
                        out.add(new SamplingPage.Draw(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toString(), rs.getString(3),
                                rs.getString(4), rs.getLong(5), rs.getString(6), rs.getLong(7)));
                    }
                }
            }
            return out;
        });
        ctx.status(status);
        w.pages().respond(ctx, "sampling/sampling.jte", new SamplingPage(Chrome.of("Sampling", s, Notices.of(ctx)), draws, problems,
                random.nextLong(1, 1_000_000_000L)));
    }

    private void draw(Context ctx) {
        Session s = Requests.session(ctx);
        UploadedFile file = ctx.uploadedFile("frame");
        List<String> problems = new ArrayList<>();
        SampleSize size = null;
        long seed = 0;
        int replacements = 0;
        try {
            size = SampleSize.parse(String.valueOf(ctx.formParam("perSite")));
        } catch (IllegalArgumentException e) {
            problems.add("The cases per site must be a number (30) or a range (20-40).");
        }
        try {
            seed = Long.parseLong(String.valueOf(ctx.formParam("seed")).strip());
        } catch (NumberFormatException e) {
            problems.add("The seed must be a whole number.");
        }
        try {
            replacements = Integer.parseInt(String.valueOf(ctx.formParam("replacements")).strip());
            if (replacements < 0) problems.add("Replacements must be 0 or more.");
        } catch (NumberFormatException e) {
            problems.add("Replacements must be a whole number.");
        }
        if (file == null || file.size() == 0) problems.add("Choose the case list (CSV with TF_ID and CASE_REF columns).");
        if (!problems.isEmpty()) {
            respond(ctx, problems, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tfeval-frame-");
            Path frame = dir.resolve(safeName(file.filename()));
            try (InputStream in = file.content()) {
                Files.copy(in, frame, StandardCopyOption.REPLACE_EXISTING);
            }
            SampleDraw draw;
            try {
                draw = Sampler.of(size, seed).withReplacements(replacements).draw(frame);
            } catch (Sampler.FrameException e) {
                List<String> found = new ArrayList<>();
                for (Violation v : e.violations()) {
                    if (found.size() == MAX_PROBLEMS_SHOWN) break;
                    found.add((v.row() > 0 ? "Row " + v.row() + ": " : "") + v.message());
                }
                respond(ctx, found, HttpStatus.UNPROCESSABLE_CONTENT);
                return;
            }
            Set<String> sites = new TreeSet<>();
            draw.cases().forEach(d -> sites.add(d.tfId()));
            if (s.role().scoped() && !s.taskForces().containsAll(sites)) {
                throw new ForbiddenResponse("The case list holds task forces you do not coordinate; draw only from your own task forces' lists");
            }
            Sampler.record(w.store(), draw, s.actor(), w.version());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded case list", e);
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
        String base = name == null ? "" : Path.of(name.replace('\\', '/')).getFileName().toString();
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isBlank() || cleaned.startsWith(".") ? "case_list.csv" : cleaned;
    }
}

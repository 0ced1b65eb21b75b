package org.tfeval.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The static files, served from the jar: htmx (from its webjar), the style sheet, the coding form's keying aids and skip logic, and the icon. */
final class Assets {
    /** The htmx version, pinned in the pom. */
    static final String HTMX_VERSION = "2.0.10";

    private static final Map<String, String[]> FILES = Map.of(
            "htmx.min.js",
                    new String[] {
                        "/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js",
                        "text/javascript; charset=utf-8"
                    },
            "app.css", new String[] {"/org/tfeval/web/assets/app.css", "text/css; charset=utf-8"},
            "keying.js", new String[] {"/org/tfeval/web/assets/keying.js", "text/javascript; charset=utf-8"},
            "favicon.svg", new String[] {"/org/tfeval/web/assets/favicon.svg", "image/svg+xml"},
            "qual.js", new String[] {"/org/tfeval/web/assets/qual.js", "text/javascript; charset=utf-8"},
            "skiplogic.js", new String[] {"/org/tfeval/web/assets/skiplogic.js", "text/javascript; charset=utf-8"});

    private final Map<String, byte[]> content;

    Assets() {
        java.util.HashMap<String, byte[]> m = new java.util.HashMap<>();
        FILES.forEach((name, spec) -> {
            try (InputStream in = Assets.class.getResourceAsStream(spec[0])) {
                if (in == null) throw new IllegalStateException("the asset " + spec[0] + " is missing from the build");
                m.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.content = Map.copyOf(m);
    }

    List<Route> routes() {
        return List.of(Route.get("/assets/{name}", Access.PUBLIC, this::serve));
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("name");
        byte[] body = content.get(name);
        if (body == null) throw new NotFoundResponse("Not found");
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(FILES.get(name)[1]).result(body);
    }
}

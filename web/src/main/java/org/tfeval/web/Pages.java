package org.tfeval.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the precompiled jte templates ({@code src/main/jte}). */
public final class Pages {
    /** Package of the classes jte-maven-plugin generates. */
    static final String TEMPLATE_PACKAGE = "org.tfeval.web.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATE_PACKAGE);

    /** Renders a template whose single parameter is {@code model}. */
    public String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }

    /** Renders a template as the response. */
    public void respond(Context ctx, String template, Object model) {
        ctx.contentType("text/html; charset=utf-8").result(render(template, model));
    }
}

package org.tfeval.web.doublecoding;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.Variable;
import org.tfeval.study.coding.DoubleCoding;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Assigning second coders, reconciling, agreement. */
public final class DoubleCodingRoutes {
    /** Choice value meaning "keep pass 2's value". */
    static final String SECOND = "2";
    /** Prefix of the choice fields' names. */
    static final String CHOICE = "choice:";

    private final WebContext w;

    private DoubleCodingRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        DoubleCodingRoutes r = new DoubleCodingRoutes(w);
        return List.of(
                Route.post("/tf/{tfId}/double-coding", Access.COORDINATE, r::assignShare),
                Route.post("/cases/{caseId}/second", Access.COORDINATE, r::assignOne),
                Route.get("/cases/{caseId}/reconcile", Access.COORDINATE, r::reconcilePage),
                Route.post("/cases/{caseId}/reconcile", Access.COORDINATE, r::reconcile),
                Route.get("/agreement", Access.EXPORT, r::agreement));
    }

    private void assignShare(Context ctx) {
        String tf = ctx.pathParam("tfId");
        w.doubleCoding()
                .assignShare(Requests.session(ctx).account(), tf, ctx.formParam("share"), ctx.formParam("coder"));
        ctx.redirect("/tf/" + tf + "?notice=assigned", HttpStatus.SEE_OTHER);
    }

    private void assignOne(Context ctx) {
        String tf = w.doubleCoding()
                .assignOne(Requests.session(ctx).account(), ctx.pathParam("caseId"), ctx.formParam("coder"));
        ctx.redirect("/tf/" + tf + "?notice=assigned", HttpStatus.SEE_OTHER);
    }

    private void reconcilePage(Context ctx) {
        Session s = Requests.session(ctx);
        w.pages()
                .respond(
                        ctx,
                        "doublecoding/reconcile.jte",
                        page(s, w.doubleCoding().reconciliation(s.account(), ctx.pathParam("caseId"))));
    }

    private static ReconcilePage page(Session s, DoubleCoding.Reconciling r) {
        List<ReconcilePage.Row> rows = new ArrayList<>();
        for (DoubleCoding.Difference d : r.differences()) {
            Variable v = d.variable();
            rows.add(new ReconcilePage.Row(
                    d.id(),
                    d.form().label() + " " + d.recordKey(),
                    v == null ? "whole record" : v.name() + " " + v.label(),
                    words(v, d.first()),
                    words(v, d.second())));
        }
        return new ReconcilePage(
                Chrome.of("Reconcile " + r.caseId(), s),
                r.caseId(),
                r.tfId(),
                r.ready(),
                r.firstCoder(),
                r.secondCoder(),
                rows,
                r.problems());
    }

    private static String words(Variable v, String value) {
        if (v == null || value.isEmpty()) return value.isEmpty() ? "(blank)" : value;
        try {
            String label = v.labelOf(Long.parseLong(value));
            return label == null ? value : value + " " + label;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private void reconcile(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        Session s = Requests.session(ctx);
        Set<String> takeSecond = new LinkedHashSet<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (k.startsWith(CHOICE) && v.contains(SECOND)) takeSecond.add(k.substring(CHOICE.length()));
        });
        Optional<DoubleCoding.Reconciling> failed = w.doubleCoding().reconcile(s.account(), caseId, takeSecond);
        if (failed.isEmpty()) {
            ctx.redirect("/cases/" + caseId + "?pass=1&notice=reconciled", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        w.pages().respond(ctx, "doublecoding/reconcile.jte", page(s, failed.get()));
    }

    private void agreement(Context ctx) {
        Session s = Requests.session(ctx);
        DoubleCoding.AgreementTable table = w.doubleCoding().agreement(s.account());
        List<AgreementPage.Row> rows = new ArrayList<>();
        for (DoubleCoding.Agreement a : table.rows()) {
            rows.add(new AgreementPage.Row(
                    a.firstCoder() + " / " + a.secondCoder(),
                    a.form(),
                    a.variable(),
                    a.units(),
                    String.format(Locale.ROOT, "%.1f%%", a.percent()),
                    Double.isFinite(a.kappa()) ? String.format(Locale.ROOT, "%.3f", a.kappa()) : "n/a"));
        }
        w.pages()
                .respond(
                        ctx,
                        "doublecoding/agreement.jte",
                        new AgreementPage(Chrome.of("Agreement", s), rows, table.cases()));
    }
}

package org.tfeval.web.doublecoding;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.account.Account;
import org.tfeval.store.account.Accounts;
import org.tfeval.store.account.Role;
import org.tfeval.store.coding.CaseFile;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseTree;
import org.tfeval.store.coding.Completion;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.store.coding.Reconciliation;
import org.tfeval.stats.agreement.TwoCoderAgreement;
import org.tfeval.web.Access;
import org.tfeval.web.Audit;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Assigning second coders, reconciling, agreement. */
public final class DoubleCodingRoutes {
    /** Choice value meaning "keep pass 2's value". */
    static final String SECOND = "2";

    private final WebContext w;
    private final SecureRandom random = new SecureRandom();

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

    /** The named coder, who must be an active coder of the task force. */
    private String coder(Context ctx, String tf) {
        String name = ctx.formParam("coder");
        Account a = w.db().tx(c -> name == null ? java.util.Optional.<Account>empty() : Accounts.find(c, name))
                .orElseThrow(() -> new BadRequestResponse("Choose a coder of this task force"));
        if (!a.active() || a.role() != Role.CODER || !a.sees(tf)) throw new BadRequestResponse("Choose a coder of this task force");
        return a.name();
    }

    private void assignShare(Context ctx) {
        String tf = ctx.pathParam("tfId");
        Requests.requireTaskForce(ctx, tf);
        Session s = Requests.session(ctx);
        int share;
        try {
            share = Integer.parseInt(String.valueOf(ctx.formParam("share")).strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("The share must be a whole percentage from 1 to 100");
        }
        if (share < 1 || share > 100) throw new BadRequestResponse("The share must be a whole percentage from 1 to 100");
        String coder = coder(ctx, tf);
        w.db().tx(c -> {
            List<String> eligible = new ArrayList<>();
            for (CaseFiles.Summary sm : CaseFiles.list(c, tf)) {
                if (sm.first() != null && sm.second() == null && !sm.first().coder().equals(coder)) eligible.add(sm.caseId());
            }
            Collections.shuffle(eligible, random);
            int n = (int) Math.ceil(eligible.size() * share / 100.0);
            for (String caseId : eligible.subList(0, n)) CaseFiles.assignSecond(c, w.forms(), caseId, coder, s.actor());
            return null;
        });
        ctx.redirect("/tf/" + tf + "?notice=assigned", HttpStatus.SEE_OTHER);
    }

    private void assignOne(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        Session s = Requests.session(ctx);
        CaseFile cf = w.db().tx(c -> CaseFiles.find(c, caseId)).orElseThrow(() -> new NotFoundResponse("Not found"));
        Requests.requireTaskForce(ctx, cf.tfId());
        String coder = coder(ctx, cf.tfId());
        w.db().tx(c -> {
            CaseFiles.assignSecond(c, w.forms(), caseId, coder, s.actor());
            return null;
        });
        ctx.redirect("/tf/" + cf.tfId() + "?notice=assigned", HttpStatus.SEE_OTHER);
    }

    private void reconcilePage(Context ctx) {
        ReconcilePage page = w.db().tx(c -> page(c, ctx, List.of()));
        w.pages().respond(ctx, "doublecoding/reconcile.jte", page);
    }

    private ReconcilePage page(java.sql.Connection c, Context ctx, List<String> problems) throws java.sql.SQLException {
        String caseId = ctx.pathParam("caseId");
        Session s = Requests.session(ctx);
        CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(() -> new NotFoundResponse("Not found"));
        Requests.requireTaskForce(ctx, cf.tfId());
        PassState p1 = CaseFiles.pass(c, caseId, Pass.FIRST).orElseThrow(() -> new NotFoundResponse("Not found"));
        PassState p2 = CaseFiles.pass(c, caseId, Pass.SECOND).orElseThrow(() -> new NotFoundResponse("Not found"));
        boolean ready = p1.complete() && p2.complete();
        List<ReconcilePage.Row> rows = new ArrayList<>();
        if (ready) {
            CaseTree first = Completion.tree(c, w.forms(), caseId, Pass.FIRST);
            CaseTree second = Completion.tree(c, w.forms(), caseId, Pass.SECOND);
            for (Reconciliation.Difference d : Reconciliation.differences(w.forms(), first, second)) {
                Form form = w.forms().form(d.form());
                Variable v = d.variable() == null ? null : form.variable(d.variable());
                rows.add(new ReconcilePage.Row(d.id(), form.label() + " " + d.recordKey(), v == null ? "whole record" : v.name() + " " + v.label(),
                        words(v, d.first()), words(v, d.second())));
            }
            Audit.event(c, s.actor(), "view", w.forms().root().name(), "case", caseId, "pass", "1+2");
        }
        return new ReconcilePage(Chrome.of("Reconcile " + caseId, s), caseId, cf.tfId(), ready, p1.coder(), p2.coder(), rows, problems);
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
        ReconcilePage failed = w.db().tx(c -> {
            CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(() -> new NotFoundResponse("Not found"));
            Requests.requireTaskForce(ctx, cf.tfId());
            Map<String, Pass> choices = new LinkedHashMap<>();
            ctx.formParamMap().forEach((k, v) -> {
                if (k.startsWith("choice:") && v.contains(SECOND)) choices.put(k.substring("choice:".length()), Pass.SECOND);
            });
            Completion.Result r = Reconciliation.resolve(c, w.forms(), caseId, choices, s.actor());
            if (r.completed()) return null;
            List<String> problems = new ArrayList<>();
            for (Violation v : r.check().errors()) problems.add(v.file() + " " + v.recordId() + (v.variable() == null ? "" : ", " + v.variable()) + ": " + v.message());
            for (Violation v : r.conflicts()) problems.add(v.file() + " " + v.recordId() + ": " + v.message());
            return page(c, ctx, problems);
        });
        if (failed == null) {
            ctx.redirect("/cases/" + caseId + "?pass=1&notice=reconciled", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        w.pages().respond(ctx, "doublecoding/reconcile.jte", failed);
    }

    private void agreement(Context ctx) {
        Session s = Requests.session(ctx);
        List<Reconciliation.CodedPair> pairs = w.db().tx(c -> Reconciliation.pairs(c, w.forms(), s.role().scoped() ? s.taskForces() : null));
        Map<String, List<Reconciliation.CodedPair>> groups = new TreeMap<>();
        Set<String> cases = new HashSet<>();
        for (Reconciliation.CodedPair p : pairs) {
            cases.add(p.caseId());
            groups.computeIfAbsent(p.firstCoder() + " / " + p.secondCoder() + "\u0000" + order(p.form()) + "\u0000" + p.form() + "\u0000" + p.variable(),
                    k -> new ArrayList<>()).add(p);
        }
        List<AgreementPage.Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Reconciliation.CodedPair>> e : groups.entrySet()) {
            List<Reconciliation.CodedPair> g = e.getValue();
            TreeSet<String> categories = new TreeSet<>();
            for (Reconciliation.CodedPair p : g) {
                categories.add(p.first());
                categories.add(p.second());
            }
            List<String> cats = new ArrayList<>(categories);
            long[][] table = new long[cats.size()][cats.size()];
            for (Reconciliation.CodedPair p : g) table[cats.indexOf(p.first())][cats.indexOf(p.second())]++;
            TwoCoderAgreement a = TwoCoderAgreement.of(table);
            Reconciliation.CodedPair any = g.get(0);
            rows.add(new AgreementPage.Row(any.firstCoder() + " / " + any.secondCoder(), any.form(), any.variable(), g.size(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * a.percentAgreement()),
                    Double.isFinite(a.cohenKappa()) ? String.format(Locale.ROOT, "%.3f", a.cohenKappa()) : "n/a"));
        }
        w.pages().respond(ctx, "doublecoding/agreement.jte", new AgreementPage(Chrome.of("Agreement", s), rows, cases.size()));
    }

    private String order(String form) {
        List<Form> forms = w.forms().caseFileForms();
        for (int i = 0; i < forms.size(); i++) if (forms.get(i).name().equals(form)) return String.format(Locale.ROOT, "%03d", i);
        return "999";
    }
}

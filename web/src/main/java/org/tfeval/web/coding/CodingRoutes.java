package org.tfeval.web.coding;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.study.coding.CaseSheet;
import org.tfeval.study.coding.Coding;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** The case list of a task force and the coding of a case file. */
public final class CodingRoutes {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final WebContext w;
    private final FormViews views;

    private CodingRoutes(WebContext w) {
        this.w = w;
        this.views = new FormViews(w.coding().instrument());
    }

    public static List<Route> routes(WebContext w) {
        CodingRoutes r = new CodingRoutes(w);
        return List.of(
                Route.get("/tf/{tfId}", Access.READ_RECORDS, r::taskForce),
                Route.post("/tf/{tfId}/start", Access.CODE, r::start),
                Route.post("/cases/{caseId}/adopt", Access.CODE, r::adopt),
                Route.get("/cases/{caseId}", Access.READ_RECORDS, r::show),
                Route.post("/cases/{caseId}/passes/{pass}/complete", Access.CODE, r::complete),
                Route.post("/cases/{caseId}/reload", Access.CODE, r::reload),
                Route.post("/records/{recordId}", Access.CODE, r::save),
                Route.post("/records/{recordId}/add/{form}", Access.CODE, r::add),
                Route.post("/records/{recordId}/remove", Access.CODE, r::remove));
    }

    private void taskForce(Context ctx) {
        Session s = Requests.session(ctx);
        Coding.TaskForce tf = w.coding().taskForce(s.account(), ctx.pathParam("tfId"));
        List<TaskForcePage.Row> rows = new ArrayList<>();
        for (Coding.CaseSummary sm : tf.cases()) {
            boolean firstDone = sm.first() != null && sm.first().complete();
            boolean secondDone = sm.second() != null && sm.second().complete();
            rows.add(new TaskForcePage.Row(
                    sm.caseId(),
                    sm.caseRef(),
                    words(sm.first()),
                    sm.second() == null ? null : words(sm.second()),
                    sm.reconciled(),
                    sm.openQueries(),
                    s.role().coordinates() && sm.second() == null && sm.first() != null,
                    s.role().coordinates() && firstDone && secondDone && !sm.reconciled()));
        }
        List<String> exportable = s.role().exports() ? w.coding().instrument().formNames() : List.of();
        w.pages()
                .respond(
                        ctx,
                        "coding/taskforce.jte",
                        new TaskForcePage(
                                Chrome.of("Task force " + tf.tfId(), s, Notices.of(ctx)),
                                tf.tfId(),
                                tf.progress(),
                                rows,
                                tf.sampled(),
                                tf.stored(),
                                s.role().codes(),
                                s.role().coordinates(),
                                tf.coders(),
                                exportable));
    }

    private static String words(Coding.PassInfo p) {
        if (p == null) return "not started";
        return p.coder() + ", " + p.status();
    }

    private void start(Context ctx) {
        String caseId = w.coding()
                .start(
                        Requests.session(ctx).account(),
                        ctx.pathParam("tfId"),
                        ctx.formParam("draw"),
                        ctx.formParam("ref"));
        ctx.redirect("/cases/" + caseId, HttpStatus.SEE_OTHER);
    }

    private void adopt(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        w.coding().adopt(Requests.session(ctx).account(), caseId);
        ctx.redirect("/cases/" + caseId, HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        Session s = Requests.session(ctx);
        Coding.CaseView view = w.coding().open(s.account(), ctx.pathParam("caseId"), passParam(ctx.queryParam("pass")));
        w.pages().respond(ctx, "coding/case.jte", page(s, view, false, Notices.of(ctx)));
    }

    /** A pass number from the request: null when absent, 404 when not a number. */
    private static Integer passParam(String text) {
        if (text == null) return null;
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("Not found");
        }
    }

    private CasePage page(Session s, Coding.CaseView v, boolean strict, String notice) {
        Map<String, List<FieldView.QueryLink>> queries = new HashMap<>();
        v.queries()
                .forEach((k, marks) -> queries.put(
                        k,
                        marks.stream()
                                .map(m -> new FieldView.QueryLink(m.id(), m.status()))
                                .toList()));
        FormViews.Options o = new FormViews.Options(
                v.editable(),
                strict,
                s.csrf(),
                s.role().coordinates() && v.pass().number() == 1,
                queries);
        CaseSheet sheet = v.sheet();
        NodeView root = views.node(sheet, sheet.root(), o);
        List<Chrome.Link> links = new ArrayList<>();
        links.add(new Chrome.Link("/tf/" + v.tfId(), "task force " + v.tfId()));
        if (v.otherPass() != null)
            links.add(new Chrome.Link(
                    "/cases/" + v.caseId() + "?pass=" + v.otherPass().number(),
                    "pass " + v.otherPass().number()));
        if (s.role().coordinates() && v.hasSecond())
            links.add(new Chrome.Link("/cases/" + v.caseId() + "/reconcile", "reconcile"));
        if (s.role().readsRecords()) links.add(new Chrome.Link("/queries?case=" + v.caseId(), "queries"));
        if (s.role().administers()) links.add(new Chrome.Link("/audit?case=" + v.caseId(), "audit log"));
        List<CasePage.Problem> problems = new ArrayList<>();
        if (strict) {
            for (CaseSheet.Entry n : sheet.entries()) {
                for (Violation x : sheet.violations(n.id())) {
                    if (!x.isError()) continue;
                    String href = x.variable() == null ? "#rec-" + n.id() : "#f-" + n.id() + "-" + x.variable();
                    problems.add(new CasePage.Problem(
                            href,
                            n.form().label() + " " + n.key() + (x.variable() == null ? "" : ", " + x.variable()),
                            x.message()));
                }
            }
            for (Violation x : v.conflicts())
                problems.add(new CasePage.Problem("#", x.file() + " " + x.recordId(), x.message()));
        }
        int pass = v.pass().number();
        return new CasePage(
                Chrome.of("Case " + v.caseId(), s, notice),
                v.caseId(),
                v.tfId(),
                v.caseRef(),
                pass,
                v.pass().coder(),
                v.pass().complete() ? "complete" : "in progress",
                v.reconciled(),
                links,
                problems,
                root,
                v.editable() ? "/cases/" + v.caseId() + "/passes/" + pass + "/complete" : null,
                v.reloadable() ? "/cases/" + v.caseId() + "/reload" : null,
                views.index(root),
                v.editable() ? views.keys() : List.of());
    }

    private void complete(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        Integer pass = passParam(ctx.pathParam("pass"));
        Session s = Requests.session(ctx);
        Optional<Coding.CaseView> failed = w.coding().complete(s.account(), caseId, pass);
        if (failed.isEmpty()) {
            ctx.redirect("/cases/" + caseId + "?pass=" + pass + "&notice=complete", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        w.pages().respond(ctx, "coding/case.jte", page(s, failed.get(), true, null));
    }

    private void reload(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        w.coding().reload(Requests.session(ctx).account(), caseId);
        ctx.redirect("/cases/" + caseId + "?pass=1&notice=reloaded", HttpStatus.SEE_OTHER);
    }

    private void save(Context ctx) {
        long id = Requests.id(ctx, "recordId");
        Session s = Requests.session(ctx);
        boolean strict = "1".equals(ctx.formParam("_strict"));
        Map<String, String> submitted = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!values.isEmpty()) submitted.put(name, values.get(0));
        });
        Integer typedOn = null;
        String version = ctx.formParam("_version");
        if (version != null) {
            try {
                typedOn = Integer.valueOf(version.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestResponse("The form is damaged; reload the page");
            }
        }
        Coding.Saved saved = w.coding().save(s.account(), id, submitted, ctx.formParam("_set"), typedOn);
        String caseId = saved.after().root().key();
        if (saved.conflicted()) {
            ctx.status(HttpStatus.CONFLICT);
            ConflictView conflict = new ConflictView(
                    id,
                    saved.conflict().version(),
                    saved.conflict().fields(),
                    s.csrf(),
                    "/cases/" + caseId + "?pass=" + saved.pass() + "#rec-" + id);
            if (Requests.htmx(ctx)) w.pages().respond(ctx, "coding/conflict.jte", conflict);
            else
                w.pages()
                        .respond(
                                ctx,
                                "coding/conflict-page.jte",
                                new ConflictPage(Chrome.of("Case " + caseId, s, null), conflict));
            return;
        }
        if (!Requests.htmx(ctx)) {
            // a browser without scripts posted the whole form: show the case file again at the record
            ctx.redirect(
                    "/cases/" + caseId + "?pass=" + saved.pass() + "&notice=saved#rec-" + id, HttpStatus.SEE_OTHER);
            return;
        }
        // the fields the browser showed as not applicable when it sent the save (it runs the skip logic itself)
        String na = ctx.formParam("_na");
        Set<String> shownNa = na == null
                ? null
                : Set.of(na.strip().isEmpty() ? new String[0] : na.strip().split("\\s+"));
        w.pages().respond(ctx, "coding/saved.jte", saved(s, saved, strict, shownNa));
    }

    /**
     * What a save changed, for the page. {@code shownNa}: the saved record's fields the browser showed as
     * not applicable (null when it does not run skip logic): a field is sent again only where the
     * server's skip logic differs from what the browser shows, so the field being typed in stays.
     */
    private SavedView saved(Session s, Coding.Saved saved, boolean strict, Set<String> shownNa) {
        CaseSheet before = saved.before();
        CaseSheet after = saved.after();
        FormViews.Options o =
                new FormViews.Options(true, strict, s.csrf(), s.role().coordinates() && saved.pass() == 1, Map.of());
        List<FieldView> fields = new ArrayList<>();
        List<FieldView> errorBlocks = new ArrayList<>();
        List<RecordView> records = new ArrayList<>();
        RecordView savedRecord = null;
        for (CaseSheet.Entry n : after.entries()) {
            RecordView rv = views.record(after, n, o);
            CaseSheet.Entry old = before.entry(n.id()).orElse(null);
            boolean own = n.id() == saved.record();
            if (own) savedRecord = rv;
            // only what the save changed goes back: a page of several records has hundreds of fields
            Map<String, FieldView> was = new HashMap<>();
            if (old != null) {
                RecordView before0 = views.record(before, old, o);
                before0.fields().forEach(f -> was.put(f.name(), f));
                if (own || !before0.issues().equals(rv.issues())) records.add(rv);
            } else records.add(rv);
            for (FieldView f : rv.fields()) {
                FieldView prior = was.get(f.name());
                Variable v = n.form().variable(f.name());
                boolean fixedChanged = !f.editable() && !f.equals(prior);
                boolean naAfter = after.applies(n, v) == Truth.FALSE;
                boolean changedApplicability = own && shownNa != null && f.skippable()
                        ? naAfter != shownNa.contains(f.name())
                        : old != null && (before.applies(old, v) == Truth.FALSE) != naAfter;
                boolean set = own && f.name().equals(saved.setVariable());
                if (fixedChanged || changedApplicability || set) fields.add(f);
                else if (own
                        || prior == null
                        || !prior.errors().equals(f.errors())
                        || !prior.warnings().equals(f.warnings())) errorBlocks.add(f);
            }
        }
        long problems = savedRecord == null ? 0 : savedRecord.errorCount();
        String status =
                "Saved at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(TIME)
                        + (problems == 0
                                ? "."
                                : "; " + problems + (problems == 1 ? " problem" : " problems") + " in this record.");
        return new SavedView(status, fields, errorBlocks, records, saved.record(), saved.version());
    }

    private void add(Context ctx) {
        Session s = Requests.session(ctx);
        Coding.RecordRef added = w.coding().add(s.account(), Requests.id(ctx, "recordId"), ctx.pathParam("form"));
        if (!Requests.htmx(ctx)) {
            ctx.redirect(
                    "/cases/" + added.caseId() + "?pass=" + added.pass() + "&notice=added#rec-" + added.id(),
                    HttpStatus.SEE_OTHER);
            return;
        }
        // the page stays: send the new record's form and what it changes above it
        Coding.CaseView view = w.coding().open(s.account(), added.caseId(), added.pass());
        w.pages()
                .respond(
                        ctx,
                        "coding/added.jte",
                        AddedView.of(page(s, view, false, null), added.id(), this::changedByChildren));
    }

    /**
     * Whether a child record can change a field: a value derived from the child records (shown, not
     * entered), or a field whose skip logic reads one.
     */
    private boolean changedByChildren(String formName, FieldView f) {
        if (!f.editable()) return true;
        Form form = w.coding().instrument().form(formName);
        Variable v = form.variable(f.name());
        if (v.appliesWhen() == null) return false;
        return v.appliesWhen().variables().stream()
                .map(form::find)
                .flatMap(Optional::stream)
                .anyMatch(x -> !w.coding().enteredVariables(form).contains(x));
    }

    private void remove(Context ctx) {
        Coding.RecordRef removed = w.coding().remove(Requests.session(ctx).account(), Requests.id(ctx, "recordId"));
        ctx.redirect(
                "/cases/" + removed.caseId() + "?pass=" + removed.pass() + "&notice=removed", HttpStatus.SEE_OTHER);
    }
}

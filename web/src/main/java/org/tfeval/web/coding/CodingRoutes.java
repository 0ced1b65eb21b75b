package org.tfeval.web.coding;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.store.account.Account;
import org.tfeval.store.account.Accounts;
import org.tfeval.store.account.Role;
import org.tfeval.store.coding.CaseCheck;
import org.tfeval.store.coding.CaseFile;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseTree;
import org.tfeval.store.coding.Completion;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Drafts;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.store.query.DataQuery;
import org.tfeval.store.query.Queries;
import org.tfeval.web.Access;
import org.tfeval.web.Audit;
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
        this.views = new FormViews(w.forms());
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

    /** A case file the session may see, with its passes. */
    record Loaded(CaseFile file, Optional<PassState> first, Optional<PassState> second) {
        Optional<PassState> pass(Pass p) {
            return p == Pass.FIRST ? first : second;
        }
    }

    /** Loads a case file; 404 unless the session sees its task force. */
    static Loaded load(Connection c, Context ctx, String caseId) throws SQLException {
        CaseFile cf = CaseFiles.find(c, caseId).orElseThrow(() -> new NotFoundResponse("Not found"));
        Requests.requireTaskForce(ctx, cf.tfId());
        List<PassState> passes = CaseFiles.passes(c, caseId);
        return new Loaded(cf, passes.stream().filter(p -> p.pass() == Pass.FIRST).findFirst(), passes.stream().filter(p -> p.pass() == Pass.SECOND).findFirst());
    }

    private static Pass passParam(String text) {
        try {
            return Pass.of(Integer.parseInt(text));
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse("Not found");
        }
    }

    /** Throws 404 when the session may not see the pass, 403 when it may see but not change it. */
    static void requireEdit(Context ctx, Loaded l, Pass pass) {
        Session s = Requests.session(ctx);
        if (!PassAccess.maySee(s, l.first(), l.second(), pass)) throw new NotFoundResponse("Not found");
        if (!PassAccess.mayEdit(s, l.first(), l.second(), pass)) throw new ForbiddenResponse("You may not change this coding");
    }

    private void taskForce(Context ctx) {
        String tf = ctx.pathParam("tfId");
        Requests.requireTaskForce(ctx, tf);
        Session s = Requests.session(ctx);
        TaskForcePage page = w.db().tx(c -> {
            List<CaseFiles.Progress> progress = CaseFiles.progress(c, w.forms(), List.of(tf));
            if (progress.isEmpty()) throw new NotFoundResponse("Not found");
            List<TaskForcePage.Row> rows = new ArrayList<>();
            for (CaseFiles.Summary sm : CaseFiles.list(c, tf)) {
                boolean firstDone = sm.first() != null && sm.first().complete();
                boolean secondDone = sm.second() != null && sm.second().complete();
                rows.add(new TaskForcePage.Row(sm.caseId(), sm.caseRef(), words(sm.first()), sm.second() == null ? null : words(sm.second()), sm.reconciled(),
                        sm.openQueries(), s.role().coordinates() && sm.second() == null && sm.first() != null,
                        s.role().coordinates() && firstDone && secondDone && !sm.reconciled()));
            }
            List<String> coders = new ArrayList<>();
            if (s.role().coordinates()) {
                for (Account a : Accounts.list(c)) {
                    if (a.active() && a.role() == Role.CODER && a.sees(tf)) coders.add(a.name());
                }
            }
            List<String> exportable = s.role().exports() ? w.forms().instrument().formNames() : List.of();
            return new TaskForcePage(Chrome.of("Task force " + tf, s, Notices.of(ctx)), tf, progress.get(0), rows, CaseFiles.sampledNotStarted(c, tf),
                    CaseFiles.storedNotInCoding(c, w.forms(), tf), s.role().codes(), s.role().coordinates(), coders, exportable);
        });
        w.pages().respond(ctx, "coding/taskforce.jte", page);
    }

    private static String words(PassState p) {
        if (p == null) return "not started";
        return p.coder() + ", " + p.status().id().replace('_', ' ');
    }

    private void start(Context ctx) {
        String tf = ctx.pathParam("tfId");
        Requests.requireTaskForce(ctx, tf);
        Session s = Requests.session(ctx);
        long draw;
        try {
            draw = Long.parseLong(ctx.formParam("draw"));
        } catch (NumberFormatException | NullPointerException e) {
            throw new BadRequestResponse("Choose a sampled case");
        }
        String ref = ctx.formParam("ref");
        if (ref == null || ref.isBlank()) throw new BadRequestResponse("Choose a sampled case");
        CaseFile cf = w.db().tx(c -> CaseFiles.startSampled(c, w.forms(), draw, tf, ref, s.actor(), s.actor()));
        ctx.redirect("/cases/" + cf.caseId(), HttpStatus.SEE_OTHER);
    }

    private void adopt(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        Session s = Requests.session(ctx);
        w.db().tx(c -> {
            String tf = CaseFiles.storedTaskForce(c, w.forms(), caseId).orElseThrow(() -> new NotFoundResponse("Not found"));
            Requests.requireTaskForce(ctx, tf);
            if (CaseFiles.find(c, caseId).isEmpty()) CaseFiles.adopt(c, w.forms(), caseId, s.actor());
            return null;
        });
        ctx.redirect("/cases/" + caseId, HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        Session s = Requests.session(ctx);
        CasePage page = w.db().tx(c -> {
            Loaded l = load(c, ctx, caseId);
            Pass pass = ctx.queryParam("pass") == null ? PassAccess.defaultPass(s, l.second()) : passParam(ctx.queryParam("pass"));
            if (!PassAccess.maySee(s, l.first(), l.second(), pass)) throw new NotFoundResponse("Not found");
            CaseTree tree = Completion.tree(c, w.forms(), caseId, pass);
            Audit.event(c, s.actor(), "view", w.forms().root().name(), "case", caseId, "pass", pass.number());
            return page(c, ctx, l, pass, tree, tree.check(), List.of(), false, Notices.of(ctx));
        });
        w.pages().respond(ctx, "coding/case.jte", page);
    }

    private CasePage page(Connection c, Context ctx, Loaded l, Pass pass, CaseTree tree, CaseCheck check, List<Violation> conflicts, boolean strict,
                          String notice) throws SQLException {
        Session s = Requests.session(ctx);
        boolean editable = PassAccess.mayEdit(s, l.first(), l.second(), pass);
        Map<String, List<FieldView.QueryLink>> queries = new HashMap<>();
        if (pass == Pass.FIRST) {
            for (DataQuery q : Queries.ofCase(c, l.file().caseId())) {
                if (q.status() != org.tfeval.store.query.QueryStatus.CLOSED) {
                    queries.computeIfAbsent(q.recordKey() + "|" + q.variable(), k -> new ArrayList<>()).add(new FieldView.QueryLink(q.id(), q.status().id()));
                }
            }
        }
        FormViews.Options o = new FormViews.Options(editable, strict, s.csrf(), s.role().coordinates() && pass == Pass.FIRST, queries);
        NodeView root = views.node(tree, tree.root(), check, o);
        PassState state = l.pass(pass).orElseThrow();
        List<Chrome.Link> links = new ArrayList<>();
        links.add(new Chrome.Link("/tf/" + l.file().tfId(), "task force " + l.file().tfId()));
        Pass other = pass.other();
        if (l.pass(other).isPresent() && PassAccess.maySee(s, l.first(), l.second(), other)) {
            links.add(new Chrome.Link("/cases/" + l.file().caseId() + "?pass=" + other.number(), "pass " + other.number()));
        }
        if (s.role().coordinates() && l.second().isPresent()) links.add(new Chrome.Link("/cases/" + l.file().caseId() + "/reconcile", "reconcile"));
        if (s.role().readsRecords()) links.add(new Chrome.Link("/queries?case=" + l.file().caseId(), "queries"));
        if (s.role().administers()) links.add(new Chrome.Link("/audit?case=" + l.file().caseId(), "audit log"));
        List<CasePage.Problem> problems = new ArrayList<>();
        if (strict) {
            for (CaseTree.Node n : tree.nodes()) {
                for (Violation v : check.of(n.record().id())) {
                    if (!v.isError()) continue;
                    String href = v.variable() == null ? "#rec-" + n.record().id() : "#f-" + n.record().id() + "-" + v.variable();
                    problems.add(new CasePage.Problem(href, n.form().label() + " " + n.record().key() + (v.variable() == null ? "" : ", " + v.variable()),
                            v.message()));
                }
            }
            for (Violation v : conflicts) problems.add(new CasePage.Problem("#", v.file() + " " + v.recordId(), v.message()));
        }
        boolean stored = pass == Pass.FIRST && editable && CaseFiles.storedTaskForce(c, w.forms(), l.file().caseId()).isPresent();
        return new CasePage(Chrome.of("Case " + l.file().caseId(), s, notice), l.file().caseId(), l.file().tfId(), l.file().caseRef(), pass.number(),
                state.coder(), state.complete() ? "complete" : "in progress", l.file().reconciled(), links, problems, root,
                editable ? "/cases/" + l.file().caseId() + "/passes/" + pass.number() + "/complete" : null,
                stored ? "/cases/" + l.file().caseId() + "/reload" : null);
    }

    private void complete(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        Pass pass = passParam(ctx.pathParam("pass"));
        Session s = Requests.session(ctx);
        CasePage failed = w.db().tx(c -> {
            Loaded l = load(c, ctx, caseId);
            requireEdit(ctx, l, pass);
            Completion.Result r = Completion.complete(c, w.forms(), caseId, pass, s.actor());
            if (r.completed()) return null;
            CaseTree tree = Completion.tree(c, w.forms(), caseId, pass);
            return page(c, ctx, load(c, ctx, caseId), pass, tree, r.check(), r.conflicts(), true, null);
        });
        if (failed == null) {
            ctx.redirect("/cases/" + caseId + "?pass=" + pass.number() + "&notice=complete", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        w.pages().respond(ctx, "coding/case.jte", failed);
    }

    private void reload(Context ctx) {
        String caseId = ctx.pathParam("caseId");
        Session s = Requests.session(ctx);
        w.db().tx(c -> {
            Loaded l = load(c, ctx, caseId);
            requireEdit(ctx, l, Pass.FIRST);
            CaseFiles.reloadFromStore(c, w.forms(), caseId, s.actor());
            return null;
        });
        ctx.redirect("/cases/" + caseId + "?pass=1&notice=reloaded", HttpStatus.SEE_OTHER);
    }

    /** A record the session may change, with its case file. */
    private record Editable(DraftRecord record, Loaded file) {
    }

    private Editable editable(Connection c, Context ctx, long recordId) throws SQLException {
        DraftRecord d = Drafts.find(c, recordId).orElseThrow(() -> new NotFoundResponse("Not found"));
        Loaded l = load(c, ctx, d.caseId());
        requireEdit(ctx, l, d.pass());
        return new Editable(d, l);
    }

    private void save(Context ctx) {
        long id = Requests.id(ctx, "recordId");
        Session s = Requests.session(ctx);
        boolean strict = "1".equals(ctx.formParam("_strict"));
        // read, then save last: the audit lock is held only for the audit rows and the commit
        Saved saved = w.db().tx(c -> {
            Editable e = editable(c, ctx, id);
            DraftRecord d = e.record();
            Form form = w.forms().form(d.form());
            List<DraftRecord> records = Drafts.records(c, d.caseId(), d.pass());
            Map<String, String> entered = new LinkedHashMap<>();
            for (Variable v : w.forms().enteredVariables(form)) {
                String value = ctx.formParam(v.name());
                if (value != null) entered.put(v.name(), value);
            }
            String set = ctx.formParam("_set");
            String setVariable = null;
            if (set != null) {
                int eq = set.indexOf('=');
                setVariable = eq < 1 ? null : set.substring(0, eq);
                Variable v = setVariable == null ? null : form.find(setVariable).orElse(null);
                String code = eq < 1 ? "" : set.substring(eq + 1);
                if (v == null || !w.forms().entered(form, v) || !isAllowedMissing(v, code)) throw new BadRequestResponse("That missing code is not allowed here");
                entered.put(v.name(), code);
            }
            DraftRecord after = Drafts.save(c, w.forms(), id, entered, s.actor());
            return new Saved(e.file(), d, records, after, setVariable);
        });
        CaseTree before = CaseTree.of(w.forms(), saved.records());
        List<DraftRecord> now = new ArrayList<>();
        for (DraftRecord r : saved.records()) now.add(r.id() == id ? saved.after() : r);
        CaseTree after = CaseTree.of(w.forms(), now);
        w.pages().respond(ctx, "coding/saved.jte", saved(ctx, saved.before(), before, after, saved.setVariable(), strict));
    }

    /** What a save read and wrote. */
    private record Saved(Loaded file, DraftRecord before, List<DraftRecord> records, DraftRecord after, String setVariable) {
    }

    private static boolean isAllowedMissing(Variable v, String code) {
        try {
            return v.missingCodes().contains(Integer.parseInt(code));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private SavedView saved(Context ctx, DraftRecord d, CaseTree before, CaseTree after, String setVariable, boolean strict) {
        Session s = Requests.session(ctx);
        CaseCheck check = after.check();
        FormViews.Options o = new FormViews.Options(true, strict, s.csrf(), s.role().coordinates() && d.pass() == Pass.FIRST, Map.of());
        List<FieldView> fields = new ArrayList<>();
        List<FieldView> errorBlocks = new ArrayList<>();
        List<RecordView> records = new ArrayList<>();
        RecordView savedRecord = null;
        for (CaseTree.Node n : after.nodes()) {
            RecordView rv = views.record(after, n, check, o);
            records.add(rv);
            errorBlocks.addAll(rv.fields());
            if (n.record().id() == d.id()) savedRecord = rv;
            CaseTree.Node old = before.node(n.record().id()).orElse(null);
            for (FieldView f : rv.fields()) {
                Variable v = n.form().variable(f.name());
                boolean fixed = !f.editable();
                boolean changedApplicability = old != null && (before.applies(old, v) == Truth.FALSE) != (after.applies(n, v) == Truth.FALSE);
                boolean set = n.record().id() == d.id() && f.name().equals(setVariable);
                if (fixed || changedApplicability || set) fields.add(f);
            }
        }
        long problems = savedRecord == null ? 0 : savedRecord.errorCount();
        String status = "Saved at " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS).format(TIME)
                + (problems == 0 ? "." : "; " + problems + (problems == 1 ? " problem" : " problems") + " in this record.");
        // a field re-rendered whole carries its own error block
        List<String> whole = fields.stream().map(FieldView::domId).toList();
        errorBlocks.removeIf(f -> whole.contains(f.domId()));
        return new SavedView(status, fields, errorBlocks, records);
    }

    private void add(Context ctx) {
        long id = Requests.id(ctx, "recordId");
        Session s = Requests.session(ctx);
        String form = ctx.pathParam("form");
        DraftRecord added = w.db().tx(c -> {
            Editable e = editable(c, ctx, id);
            if (w.forms().instrument().findForm(form).isEmpty()) throw new NotFoundResponse("Not found");
            return Drafts.add(c, w.forms(), e.record().id(), form, s.actor());
        });
        ctx.redirect("/cases/" + added.caseId() + "?pass=" + added.pass().number() + "&notice=added#rec-" + added.id(), HttpStatus.SEE_OTHER);
    }

    private void remove(Context ctx) {
        long id = Requests.id(ctx, "recordId");
        Session s = Requests.session(ctx);
        DraftRecord d = w.db().tx(c -> {
            Editable e = editable(c, ctx, id);
            Drafts.remove(c, w.forms(), id, s.actor());
            return e.record();
        });
        ctx.redirect("/cases/" + d.caseId() + "?pass=" + d.pass().number() + "&notice=removed", HttpStatus.SEE_OTHER);
    }
}

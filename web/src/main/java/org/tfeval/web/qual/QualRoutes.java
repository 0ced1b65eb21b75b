package org.tfeval.web.qual;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.text.Span;
import org.tfeval.study.protect.InterviewSafety;
import org.tfeval.study.qual.QualCoding;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/**
 * Qualitative coding and interview safety. The coding screen's saves answer with the fragment of codings
 * (or memos) the page swaps in; a stale save answers 409 with both sides, like the case coding screen.
 */
public final class QualRoutes {
    private final WebContext w;

    private QualRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        QualRoutes r = new QualRoutes(w);
        return List.of(
                Route.get("/qual", Access.READ_RECORDS, r::list),
                Route.get("/qual/transcripts/{interview}", Access.READ_RECORDS, r::screen),
                Route.post("/qual/transcripts/{interview}/codings", Access.CODE, r::apply),
                Route.post("/qual/transcripts/{interview}/codings/remove", Access.CODE, r::remove),
                Route.post("/qual/transcripts/{interview}/memos", Access.READ_RECORDS, r::memo),
                Route.get("/qual/assignments", Access.COORDINATE, r::assignments),
                Route.post("/qual/assignments", Access.COORDINATE, r::assign),
                Route.post("/qual/assignments/remove", Access.COORDINATE, r::unassign),
                Route.get("/qual/safety", Access.COORDINATE, r::safety),
                Route.post("/qual/safety/referral-list", Access.COORDINATE, r::referralList),
                Route.post("/qual/safety/safe-contact", Access.COORDINATE, r::safeContact),
                Route.post("/qual/safety/event", Access.COORDINATE, r::event));
    }

    private QualCoding qual() {
        return w.qualCoding();
    }

    // ------------------------------------------------------------------ coding screen

    private void list(Context ctx) {
        Session s = Requests.session(ctx);
        w.pages()
                .respond(
                        ctx,
                        "qual/list.jte",
                        new QualListPage(
                                Chrome.of("Transcripts", s, Notices.of(ctx)),
                                qual().transcripts(s.account()),
                                s.role().coordinates()));
    }

    private void screen(Context ctx) {
        Session s = Requests.session(ctx);
        String interview = interview(ctx);
        QualCoding.Screen screen = qual().open(s.account(), interview);
        ctx.header("Cache-Control", "no-store");
        w.pages()
                .respond(
                        ctx,
                        "qual/screen.jte",
                        new QualScreenPage(Chrome.of("Code " + interview, s, Notices.of(ctx)), screen));
    }

    private void apply(Context ctx) {
        Session s = Requests.session(ctx);
        String interview = interview(ctx);
        Span span = span(ctx);
        QualCoding.Outcome o = qual().apply(
                        s.account(),
                        interview,
                        number(ctx, "transcript_version"),
                        span,
                        ctx.formParams("code"),
                        number(ctx, "_version"));
        codings(ctx, interview, o);
    }

    private void remove(Context ctx) {
        Session s = Requests.session(ctx);
        String interview = interview(ctx);
        QualCoding.Outcome o = qual().remove(
                        s.account(),
                        interview,
                        number(ctx, "transcript_version"),
                        form(ctx, "coding"),
                        number(ctx, "_version"));
        codings(ctx, interview, o);
    }

    /** Answers a coding save: the codings fragment (409 with both sides when the save was stale). */
    private void codings(Context ctx, String interview, QualCoding.Outcome o) {
        if (o.conflicted()) ctx.status(HttpStatus.CONFLICT);
        else if (!Requests.htmx(ctx)) {
            ctx.redirect("/qual/transcripts/" + interview + "?notice=saved", HttpStatus.SEE_OTHER);
            return;
        }
        w.pages().respond(ctx, "qual/codings.jte", CodingsView.of(o));
    }

    private void memo(Context ctx) {
        Session s = Requests.session(ctx);
        String interview = interview(ctx);
        QualCoding.MemoTarget target = QualCoding.MemoTarget.of(form(ctx, "target"));
        Span span = target == QualCoding.MemoTarget.SEGMENT ? span(ctx) : null;
        String memoId = ctx.formParam("memo");
        Long id = memoId == null || memoId.isBlank() ? null : (long) number(ctx, "memo");
        Integer seen = id == null ? null : number(ctx, "memo_version");
        QualCoding.MemoOutcome o = qual().saveMemo(
                        s.account(), interview, target, span, ctx.formParam("code"), ctx.formParam("body"), id, seen);
        if (o.conflicted()) ctx.status(HttpStatus.CONFLICT);
        else if (!Requests.htmx(ctx)) {
            ctx.redirect("/qual/transcripts/" + interview + "?notice=saved", HttpStatus.SEE_OTHER);
            return;
        }
        w.pages().respond(ctx, "qual/memos.jte", MemosView.of(o));
    }

    // ------------------------------------------------------------------ assignments

    private void assignments(Context ctx) {
        Session s = Requests.session(ctx);
        w.pages()
                .respond(
                        ctx,
                        "qual/assign.jte",
                        new AssignPage(
                                Chrome.of("Transcript assignments", s, Notices.of(ctx)),
                                qual().assignments(s.account()),
                                qual().transcripts(s.account())));
    }

    private void assign(Context ctx) {
        Session s = Requests.session(ctx);
        qual().assign(s.account(), form(ctx, "interview"), form(ctx, "coder"));
        ctx.redirect("/qual/assignments?notice=assigned-transcript", HttpStatus.SEE_OTHER);
    }

    private void unassign(Context ctx) {
        Session s = Requests.session(ctx);
        qual().unassign(s.account(), form(ctx, "interview"), form(ctx, "coder"));
        ctx.redirect("/qual/assignments?notice=unassigned-transcript", HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ safety

    private void safety(Context ctx) {
        Session s = Requests.session(ctx);
        String interview = ctx.queryParam("interview");
        List<InterviewSafety.Event> events = List.of();
        if (interview != null && !interview.isBlank()) {
            interview = interview.strip();
            scope(s, interview);
            events = w.safety().events(interview);
        } else {
            interview = null;
        }
        ctx.header("Cache-Control", "no-store");
        w.pages()
                .respond(
                        ctx,
                        "qual/safety.jte",
                        new SafetyPage(Chrome.of("Interview safety", s, Notices.of(ctx)), interview, events));
    }

    private void referralList(Context ctx) {
        Session s = Requests.session(ctx);
        String tf = form(ctx, "tf");
        if (!s.sees(tf)) throw new NotFoundResponse("Not found");
        w.safety().recordReferralList(tf, form(ctx, "version"), s.actor());
        ctx.redirect("/qual/safety?notice=referral-list", HttpStatus.SEE_OTHER);
    }

    private void safeContact(Context ctx) {
        Session s = Requests.session(ctx);
        String participant = form(ctx, "participant");
        scope(s, participant);
        w.safety().recordSafeContact(participant, InterviewSafety.ContactMethod.of(form(ctx, "method")), s.actor());
        ctx.redirect("/qual/safety?notice=safe-contact", HttpStatus.SEE_OTHER);
    }

    private void event(Context ctx) {
        Session s = Requests.session(ctx);
        String interview = form(ctx, "interview");
        scope(s, interview);
        InterviewSafety.Event e = InterviewSafety.Event.of(form(ctx, "event"));
        if (e == InterviewSafety.Event.SCHEDULED) w.safety().schedule(interview, s.actor());
        else if (e == InterviewSafety.Event.STARTED) w.safety().start(interview, s.actor());
        else w.safety().record(interview, e, s.actor());
        ctx.redirect(
                "/qual/safety?notice=interview-event&interview="
                        + java.net.URLEncoder.encode(interview, java.nio.charset.StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ parsing

    /** The interview of the path, after the account's task-force scope (404 for another task force's). */
    private static String interview(Context ctx) {
        String id = ctx.pathParam("interview");
        scope(Requests.session(ctx), id);
        return id;
    }

    /** 404 unless a scoped account's task forces include the one an interview or participant ID names. */
    private static void scope(Session s, String id) {
        int p = id.indexOf("-P");
        if (!s.sees(p < 0 ? id : id.substring(0, p))) throw new NotFoundResponse("Not found");
    }

    private static Span span(Context ctx) {
        int start = number(ctx, "start");
        int end = number(ctx, "end");
        if (start < 0 || end <= start) throw Problem.usage("select some text first (start < end)", null);
        return new Span(start, end);
    }

    private static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) throw Problem.usage("the form needs " + name, null);
        return v.strip();
    }

    private static int number(Context ctx, String name) {
        try {
            return Integer.parseInt(form(ctx, name));
        } catch (NumberFormatException e) {
            throw Problem.usage(name + " must be a whole number", null);
        }
    }
}

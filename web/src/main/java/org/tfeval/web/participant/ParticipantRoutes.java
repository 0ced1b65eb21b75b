package org.tfeval.web.participant;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.study.protect.Participants;
import org.tfeval.study.protect.Withdrawal;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/**
 * The administrator's participants screen: roster, withdrawal (choose, confirm, see what it did),
 * acknowledgements of withdrawal notices, survivor-access grants. Identifiers travel in form fields,
 * never in the path, so the access log holds no participant ID.
 */
public final class ParticipantRoutes {
    private final WebContext w;

    private ParticipantRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        ParticipantRoutes r = new ParticipantRoutes(w);
        return List.of(
                Route.get("/participants", Access.ADMINISTER, r::list),
                Route.post("/participants/withdraw", Access.ADMINISTER, r::withdraw),
                Route.post("/participants/acknowledge", Access.ADMINISTER, r::acknowledge),
                Route.post("/participants/grant", Access.ADMINISTER, r::grant),
                Route.post("/participants/revoke", Access.ADMINISTER, r::revoke));
    }

    private Participants protection() {
        return w.participants();
    }

    private void list(Context ctx) {
        Session s = Requests.session(ctx);
        Participants p = protection();
        ctx.header("Cache-Control", "no-store");
        w.pages()
                .respond(
                        ctx,
                        "participant/list.jte",
                        new ParticipantsPage(
                                Chrome.of("Participants", s, Notices.of(ctx)),
                                p.roster(),
                                p.survivorAccessHolders(),
                                p.notices(),
                                p.superseded()));
    }

    /** Without {@code confirm=yes} shows what the withdrawal will do; with it, withdraws and shows what it did. */
    private void withdraw(Context ctx) {
        Session s = Requests.session(ctx);
        String participant = form(ctx, "participant");
        Withdrawal.Level level = Withdrawal.Level.of(form(ctx, "level"));
        String reason = form(ctx, "reason");
        ctx.header("Cache-Control", "no-store");
        if (!"yes".equals(ctx.formParam("confirm"))) {
            if (protection().roster().stream().noneMatch(r -> r.participantId().equals(participant))) {
                throw Problem.usage("no participant " + participant + " is recorded", "choose one from the list");
            }
            w.pages()
                    .respond(
                            ctx,
                            "participant/confirm.jte",
                            new WithdrawConfirmPage(
                                    Chrome.of("Confirm the withdrawal", s), participant, level, reason));
            return;
        }
        w.pages()
                .respond(
                        ctx,
                        "participant/withdrawn.jte",
                        new WithdrawnPage(
                                Chrome.of("Withdrawal recorded", s),
                                protection().withdraw(participant, level, reason, s.actor())));
    }

    private void acknowledge(Context ctx) {
        Session s = Requests.session(ctx);
        protection().acknowledge(form(ctx, "notice"), form(ctx, "holder"), s.actor());
        back(ctx, "notice-acknowledged");
    }

    private void grant(Context ctx) {
        Session s = Requests.session(ctx);
        protection().grantSurvivorAccess(form(ctx, "account"), s.actor());
        back(ctx, "survivor-granted");
    }

    private void revoke(Context ctx) {
        Session s = Requests.session(ctx);
        protection().revokeSurvivorAccess(form(ctx, "account"), s.actor());
        back(ctx, "survivor-revoked");
    }

    private static void back(Context ctx, String notice) {
        ctx.redirect("/participants?notice=" + notice, HttpStatus.SEE_OTHER);
    }

    private static String form(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) throw Problem.usage("the form needs " + name, null);
        return v.strip();
    }
}

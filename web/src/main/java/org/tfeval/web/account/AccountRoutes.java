package org.tfeval.web.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.accounts.OneTimeAccount;
import org.tfeval.study.accounts.Role;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Notices;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.WebContext;
import org.tfeval.web.auth.Session;

/** Accounts, for administrators. */
public final class AccountRoutes {
    private final WebContext w;

    private AccountRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        AccountRoutes r = new AccountRoutes(w);
        return List.of(
                Route.get("/accounts", Access.ADMINISTER, r::list),
                Route.post("/accounts", Access.ADMINISTER, r::create),
                Route.post("/accounts/{accountId}/active", Access.ADMINISTER, r::setActive),
                Route.post("/accounts/{accountId}/password", Access.ADMINISTER, r::resetPassword));
    }

    private void list(Context ctx) {
        respond(ctx, null, HttpStatus.OK);
    }

    private void respond(Context ctx, String error, HttpStatus status) {
        Session s = Requests.session(ctx);
        AccountPages.ListPage page = new AccountPages.ListPage(
                Chrome.of("Accounts", s, Notices.of(ctx)),
                w.accounts().list(),
                Arrays.asList(Role.values()),
                w.accounts().taskForces(),
                error);
        ctx.status(status);
        w.pages().respond(ctx, "account/accounts.jte", page);
    }

    private void create(Context ctx) {
        Session s = Requests.session(ctx);
        Accounts.Creation created = w.accounts()
                .create(
                        s.account(),
                        String.valueOf(ctx.formParam("name")).strip(),
                        String.valueOf(ctx.formParam("role")),
                        new TreeSet<>(ctx.formParams("tf")));
        if (created.account() == null) {
            respond(ctx, created.problem(), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        OneTimeAccount a = created.account();
        w.pages()
                .respond(
                        ctx,
                        "account/password.jte",
                        new AccountPages.PasswordShown(Chrome.of("Account created", s), a.name(), a.password()));
    }

    private void setActive(Context ctx) {
        Session s = Requests.session(ctx);
        boolean active = "true".equals(ctx.formParam("active"));
        Account a = w.accounts().setActive(s.account(), Requests.id(ctx, "accountId"), active);
        if (!active) w.sessions().endAll(a.id());
        ctx.redirect("/accounts?notice=account", HttpStatus.SEE_OTHER);
    }

    private void resetPassword(Context ctx) {
        Session s = Requests.session(ctx);
        long id = Requests.id(ctx, "accountId");
        OneTimeAccount a = w.accounts().resetPassword(s.account(), id);
        w.sessions().endAll(id);
        w.pages()
                .respond(
                        ctx,
                        "account/password.jte",
                        new AccountPages.PasswordShown(Chrome.of("Password reset", s), a.name(), a.password()));
    }
}

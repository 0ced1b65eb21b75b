package org.tfeval.web.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tfeval.store.account.Account;
import org.tfeval.store.account.Accounts;
import org.tfeval.store.account.Role;
import org.tfeval.store.coding.CaseFiles;
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
        AccountPages.ListPage page = w.db().tx(c -> new AccountPages.ListPage(Chrome.of("Accounts", s, Notices.of(ctx)), Accounts.list(c),
                Arrays.asList(Role.values()), CaseFiles.taskForces(c, w.forms()), error));
        ctx.status(status);
        w.pages().respond(ctx, "account/accounts.jte", page);
    }

    private void create(Context ctx) {
        Session s = Requests.session(ctx);
        String name = String.valueOf(ctx.formParam("name")).strip();
        Role role;
        try {
            role = Role.of(String.valueOf(ctx.formParam("role")));
        } catch (IllegalArgumentException e) {
            respond(ctx, "Choose a role.", HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        Set<String> tfs = new TreeSet<>(ctx.formParams("tf"));
        String password = OneTimePasswords.next();
        String hash = w.hasher().hash(password);
        try {
            w.db().tx(c -> {
                List<String> known = CaseFiles.taskForces(c, w.forms());
                if (!known.containsAll(tfs)) throw new IllegalArgumentException("choose known task forces");
                return Accounts.create(c, name, role, role.scoped() ? tfs : Set.of(), hash, s.actor());
            });
        } catch (IllegalArgumentException e) {
            respond(ctx, "The account was not created: " + e.getMessage() + ".", HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        w.pages().respond(ctx, "account/password.jte", new AccountPages.PasswordShown(Chrome.of("Account created", s), name, password));
    }

    private Account account(Context ctx) {
        long id = Requests.id(ctx, "accountId");
        return w.db().tx(c -> Accounts.find(c, id)).orElseThrow(() -> new NotFoundResponse("Not found"));
    }

    private void setActive(Context ctx) {
        Session s = Requests.session(ctx);
        Account a = account(ctx);
        boolean active = "true".equals(ctx.formParam("active"));
        if (!active && a.id() == s.account().id()) {
            respond(ctx, "You cannot deactivate your own account.", HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        w.db().tx(c -> {
            Accounts.setActive(c, a.id(), active, s.actor());
            return null;
        });
        if (!active) w.sessions().endAll(a.id());
        ctx.redirect("/accounts?notice=account", HttpStatus.SEE_OTHER);
    }

    private void resetPassword(Context ctx) {
        Session s = Requests.session(ctx);
        Account a = account(ctx);
        String password = OneTimePasswords.next();
        String hash = w.hasher().hash(password);
        w.db().tx(c -> {
            Accounts.setPassword(c, a.id(), hash, s.actor());
            return null;
        });
        w.sessions().endAll(a.id());
        w.pages().respond(ctx, "account/password.jte", new AccountPages.PasswordShown(Chrome.of("Password reset", s), a.name(), password));
    }
}

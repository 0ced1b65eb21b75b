package org.tfeval.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.accounts.PasswordPolicy;
import org.tfeval.web.Access;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.SessionCookie;
import org.tfeval.web.WebContext;

/**
 * Sign in, sign out, change one's password. Successful sign-ins are audit events; failures are
 * counted (lockout per account, a limit per client address) and aggregated in the audit log.
 */
public final class LoginRoutes {
    private final WebContext w;

    private LoginRoutes(WebContext w) {
        this.w = w;
    }

    public static List<Route> routes(WebContext w) {
        LoginRoutes r = new LoginRoutes(w);
        return List.of(
                Route.get("/login", Access.PUBLIC, r::form),
                Route.post("/login", Access.PUBLIC, r::signIn),
                Route.post("/logout", Access.SIGNED_IN, r::signOut),
                Route.get("/password", Access.SIGNED_IN, r::passwordForm),
                Route.post("/password", Access.SIGNED_IN, r::changePassword));
    }

    private void form(Context ctx) {
        Session s = Requests.session(ctx);
        if (s != null && s.signedIn()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        if (s == null) {
            s = w.sessions().anonymous();
            SessionCookie.set(ctx, s);
        }
        login(ctx, s, null, null, HttpStatus.OK);
    }

    private void login(Context ctx, Session s, String error, String name, HttpStatus status) {
        ctx.status(status);
        w.pages()
                .respond(
                        ctx,
                        "auth/login.jte",
                        new LoginPage(
                                Chrome.of("Sign in", s),
                                error,
                                name,
                                w.sessions().idleTimeout().toMinutes()));
    }

    private String throttled() {
        return "Too many failed sign-ins from this address: try again in "
                + w.throttle().windowMinutes() + " minutes.";
    }

    private String failure() {
        return "Sign-in failed: the name or password is wrong, or the account is locked (after "
                + w.accounts().lockout().threshold() + " failed attempts, for "
                + w.accounts().lockout().duration().toMinutes() + " minutes) or deactivated.";
    }

    /**
     * Answers the same (status, page, the typed name filled in again) whether the name exists or
     * not; an address with too many failures gets 429 without any check.
     */
    private void signIn(Context ctx) {
        Session anonymous = Requests.session(ctx);
        String typed = ctx.formParam("name");
        String name = typed != null && Account.NAME.matcher(typed.strip()).matches() ? typed.strip() : null;
        String address = Requests.client(ctx);
        Instant now = Instant.now();
        if (!w.throttle().tryAcquire(address, now)) {
            login(ctx, anonymous, throttled(), name, HttpStatus.TOO_MANY_REQUESTS);
            return;
        }
        Accounts.SignIn attempt = w.accounts().signIn(typed, ctx.formParam("password"), now);
        if (!attempt.succeeded()) {
            login(ctx, anonymous, failure(), name, HttpStatus.UNAUTHORIZED);
            return;
        }
        w.throttle().release(address, now);
        Session s = w.sessions()
                .signIn(attempt.account(), anonymous == null ? null : anonymous.id(), attempt.mustChangePassword());
        SessionCookie.set(ctx, s);
        ctx.redirect(attempt.mustChangePassword() ? "/password" : "/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Session s = Requests.session(ctx);
        w.accounts().signOut(s.actor());
        w.sessions().end(s.id());
        SessionCookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void passwordForm(Context ctx) {
        w.pages()
                .respond(
                        ctx,
                        "auth/password.jte",
                        new PasswordPage(
                                Chrome.of("Password", Requests.session(ctx)),
                                null,
                                PasswordPolicy.MIN_LENGTH,
                                Requests.session(ctx).mustChangePassword()));
    }

    private void changePassword(Context ctx) {
        Session s = Requests.session(ctx);
        Accounts.PasswordChange change = w.accounts()
                .changePassword(s.account(), ctx.formParam("current"), ctx.formParam("new"), ctx.formParam("repeat"));
        if (!change.changed()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            w.pages()
                    .respond(
                            ctx,
                            "auth/password.jte",
                            new PasswordPage(
                                    Chrome.of("Password", s),
                                    change.message(),
                                    PasswordPolicy.MIN_LENGTH,
                                    s.mustChangePassword()));
            return;
        }
        w.sessions().endAll(s.account().id());
        Session fresh = w.sessions().signIn(s.account(), null);
        SessionCookie.set(ctx, fresh);
        ctx.redirect("/?notice=password", HttpStatus.SEE_OTHER);
    }
}

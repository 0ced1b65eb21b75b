package org.tfeval.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tfeval.store.account.Account;
import org.tfeval.store.account.Accounts;
import org.tfeval.web.Access;
import org.tfeval.web.Audit;
import org.tfeval.web.Chrome;
import org.tfeval.web.Requests;
import org.tfeval.web.Route;
import org.tfeval.web.SessionCookie;
import org.tfeval.web.WebContext;

/** Sign in, sign out, change one's password. Every attempt is an audit event. */
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
        w.pages().respond(ctx, "auth/login.jte", new LoginPage(Chrome.of("Sign in", s), error, name, w.sessions().idleTimeout().toMinutes()));
    }

    private String failure() {
        return "Sign-in failed: the name or password is wrong, or the account is locked (after " + w.lockout().threshold()
                + " failed attempts, for " + w.lockout().duration().toMinutes() + " minutes) or deactivated.";
    }

    private void signIn(Context ctx) {
        Session anonymous = Requests.session(ctx);
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        Instant now = Instant.now();
        Optional<Account> found = w.db().tx(c -> name == null ? Optional.empty() : Accounts.find(c, name.strip()));
        if (found.isEmpty()) {
            w.hasher().spendVerificationTime(password);
            w.db().tx(c -> {
                Audit.event(c, "unknown", "login_failed", null, "reason", "unknown account");
                return null;
            });
            login(ctx, anonymous, failure(), null, HttpStatus.UNAUTHORIZED);
            return;
        }
        Account a = found.get();
        if (!a.active() || a.lockedAt(now)) {
            w.hasher().spendVerificationTime(password);
            w.db().tx(c -> {
                Audit.event(c, a.name(), "login_refused", null, "reason", a.active() ? "locked" : "deactivated");
                return null;
            });
            login(ctx, anonymous, failure(), a.name(), HttpStatus.UNAUTHORIZED);
            return;
        }
        String hash = w.db().tx(c -> Accounts.passwordHash(c, a.id()));
        if (!w.hasher().verify(password, hash)) {
            w.db().tx(c -> {
                Account after = Accounts.recordFailure(c, a.id(), w.lockout(), now);
                Audit.event(c, a.name(), "login_failed", null, "reason", "wrong password", "failures", after.failedLogins(),
                        "locked", after.lockedAt(now));
                return null;
            });
            login(ctx, anonymous, failure(), a.name(), HttpStatus.UNAUTHORIZED);
            return;
        }
        w.db().tx(c -> {
            Accounts.recordSuccess(c, a.id());
            Audit.event(c, a.name(), "login", null, "role", a.role().id());
            return null;
        });
        Session s = w.sessions().signIn(a, anonymous == null ? null : anonymous.id());
        SessionCookie.set(ctx, s);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Session s = Requests.session(ctx);
        w.db().tx(c -> {
            Audit.event(c, s.actor(), "logout", null);
            return null;
        });
        w.sessions().end(s.id());
        SessionCookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void passwordForm(Context ctx) {
        w.pages().respond(ctx, "auth/password.jte", new PasswordPage(Chrome.of("Password", Requests.session(ctx)), null, PasswordHasher.MIN_PASSWORD_LENGTH));
    }

    private void changePassword(Context ctx) {
        Session s = Requests.session(ctx);
        String current = ctx.formParam("current");
        String next = ctx.formParam("new");
        String repeat = ctx.formParam("repeat");
        String hash = w.db().tx(c -> Accounts.passwordHash(c, s.account().id()));
        String error = null;
        if (!w.hasher().verify(current, hash)) error = "The current password is wrong.";
        else if (next == null || next.length() < PasswordHasher.MIN_PASSWORD_LENGTH) error = "The new password needs at least " + PasswordHasher.MIN_PASSWORD_LENGTH + " characters.";
        else if (!next.equals(repeat)) error = "The two new passwords differ.";
        if (error != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            w.pages().respond(ctx, "auth/password.jte", new PasswordPage(Chrome.of("Password", s), error, PasswordHasher.MIN_PASSWORD_LENGTH));
            return;
        }
        String newHash = w.hasher().hash(next);
        w.db().tx(c -> {
            Accounts.setPassword(c, s.account().id(), newHash, s.actor());
            return null;
        });
        w.sessions().endAll(s.account().id());
        Session fresh = w.sessions().signIn(s.account(), null);
        SessionCookie.set(ctx, fresh);
        ctx.redirect("/?notice=password", HttpStatus.SEE_OTHER);
    }
}

package org.tfeval.web;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tfeval.study.Study;
import org.tfeval.study.access.RestrictedAccess;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.accounts.LockoutPolicy;
import org.tfeval.study.accounts.PasswordHasher;
import org.tfeval.study.accounts.PasswordPolicy;
import org.tfeval.study.audit.AuditTrail;
import org.tfeval.study.coding.Coding;
import org.tfeval.study.coding.DoubleCoding;
import org.tfeval.study.exports.Exports;
import org.tfeval.study.field.Field;
import org.tfeval.study.qual.Deidentification;
import org.tfeval.study.queries.DataQueries;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.study.transaction.Transactions;
import org.tfeval.web.auth.Sessions;

/**
 * The running web application: Javalin on Jetty, bound to one host and port, with the route table,
 * the security headers and the error pages. Stop it with {@link #close()}.
 */
public final class WebServer implements AutoCloseable {
    /** The default port of {@code tfeval serve}. */
    public static final int DEFAULT_PORT = 8080;
    /** Loopback only: the application is for a coder's own machine or behind a TLS proxy. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Largest request (case-list uploads). */
    static final long MAX_REQUEST_BYTES = 20L * 1024 * 1024;

    /**
     * How to run the server.
     *
     * @param host              the address to bind
     * @param port              the port, 0 for a free one
     * @param idleTimeout       sessions end after this long without a request
     * @param lockout           the sign-in lockout
     * @param hasher            password hashing
     * @param poolSize          database connections
     * @param version           the application version (recorded with sample draws)
     * @param errors            where internal errors are reported (class and reference only, never messages)
     * @param behindProxy       whether a TLS-terminating reverse proxy on this machine forwards to the server
     *                          (X-Forwarded-For/-Proto trusted from loopback peers only; cookies Secure; HSTS)
     * @param allowedHosts      Host header names answered (others get 421); localhost, 127.0.0.1, ::1 and the
     *                          bound address are always allowed
     * @param signInsPerAddress failed sign-ins one client address may make per {@link org.tfeval.study.accounts.SignInAddresses#WINDOW}
     */
    public record Settings(
            String host,
            int port,
            Duration idleTimeout,
            LockoutPolicy lockout,
            PasswordHasher hasher,
            int poolSize,
            String version,
            PrintStream errors,
            boolean behindProxy,
            Set<String> allowedHosts,
            int signInsPerAddress) {
        public Settings {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " must be 0-65535");
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(lockout, "lockout");
            Objects.requireNonNull(hasher, "hasher");
            if (poolSize < 1) throw new IllegalArgumentException("pool size " + poolSize + " must be >= 1");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(errors, "errors");
            allowedHosts = Set.copyOf(allowedHosts);
            if (signInsPerAddress < 1)
                throw new IllegalArgumentException("sign-ins per address " + signInsPerAddress + " must be >= 1");
        }

        public static Settings defaults() {
            return new Settings(
                    DEFAULT_HOST,
                    DEFAULT_PORT,
                    Sessions.DEFAULT_IDLE_TIMEOUT,
                    LockoutPolicy.defaults(),
                    PasswordHasher.defaults(),
                    Transactions.DEFAULT_POOL_SIZE,
                    "dev",
                    System.err,
                    false,
                    Set.of(),
                    org.tfeval.study.accounts.SignInAddresses.DEFAULT_FAILURES_PER_WINDOW);
        }

        public Settings withHost(String h) {
            return edit(b -> b.host = h);
        }

        public Settings withPort(int p) {
            return edit(b -> b.port = p);
        }

        public Settings withIdleTimeout(Duration d) {
            return edit(b -> b.idleTimeout = d);
        }

        public Settings withLockout(LockoutPolicy l) {
            return edit(b -> b.lockout = l);
        }

        public Settings withHasher(PasswordHasher h) {
            return edit(b -> b.hasher = h);
        }

        public Settings withPoolSize(int n) {
            return edit(b -> b.poolSize = n);
        }

        public Settings withVersion(String v) {
            return edit(b -> b.version = v);
        }

        public Settings withErrors(PrintStream e) {
            return edit(b -> b.errors = e);
        }

        public Settings withBehindProxy(boolean p) {
            return edit(b -> b.behindProxy = p);
        }

        public Settings withAllowedHosts(Set<String> hosts) {
            return edit(b -> b.allowedHosts = hosts);
        }

        public Settings withSignInsPerAddress(int n) {
            return edit(b -> b.signInsPerAddress = n);
        }

        /** A copy with one setting changed (the record's checks run again). */
        private Settings edit(java.util.function.Consumer<Draft> change) {
            Draft d = new Draft(this);
            change.accept(d);
            return d.settings();
        }

        /** The settings while one is changed. */
        private static final class Draft {
            String host;
            int port;
            Duration idleTimeout;
            LockoutPolicy lockout;
            PasswordHasher hasher;
            int poolSize;
            String version;
            PrintStream errors;
            boolean behindProxy;
            Set<String> allowedHosts;
            int signInsPerAddress;

            Draft(Settings s) {
                host = s.host;
                port = s.port;
                idleTimeout = s.idleTimeout;
                lockout = s.lockout;
                hasher = s.hasher;
                poolSize = s.poolSize;
                version = s.version;
                errors = s.errors;
                behindProxy = s.behindProxy;
                allowedHosts = s.allowedHosts;
                signInsPerAddress = s.signInsPerAddress;
            }

            Settings settings() {
                return new Settings(
                        host,
                        port,
                        idleTimeout,
                        lockout,
                        hasher,
                        poolSize,
                        version,
                        errors,
                        behindProxy,
                        allowedHosts,
                        signInsPerAddress);
            }
        }
    }

    private final Javalin app;
    private final String host;
    private final Transactions transactions;
    private final List<Route> routes;
    private final WebContext context;

    private WebServer(Javalin app, String host, Transactions transactions, List<Route> routes, WebContext context) {
        this.app = app;
        this.host = host;
        this.transactions = transactions;
        this.routes = routes;
        this.context = context;
    }

    /** Starts the application on an open study (which the caller closes after the server). */
    public static WebServer start(Study study, Settings settings) {
        return start(study, settings, null);
    }

    /**
     * As {@link #start(Study, Settings)}, running {@code afterChange} after every request that may
     * change data (any method but GET and HEAD) and before its response is sent: a field laptop
     * saves the change to its package there, so nothing acknowledged is lost. When it throws, the
     * request fails.
     */
    public static WebServer start(Study study, Settings settings, Runnable afterChange) {
        Transactions tx = Transactions.open(study, settings.poolSize());
        try {
            Sessions sessions = new Sessions(
                    Clock.systemUTC(),
                    settings.idleTimeout(),
                    Sessions.DEFAULT_ABSOLUTE_TIMEOUT.compareTo(settings.idleTimeout()) < 0
                            ? settings.idleTimeout()
                            : Sessions.DEFAULT_ABSOLUTE_TIMEOUT);
            Pages pages = new Pages();
            WebContext w = new WebContext(
                    new Accounts(
                            tx,
                            settings.hasher(),
                            settings.lockout(),
                            new PasswordPolicy(study.folder().name())),
                    new Coding(tx),
                    new DoubleCoding(tx),
                    new DataQueries(tx),
                    new Sampling(tx, settings.version()),
                    new AuditTrail(tx),
                    new Exports(tx),
                    sessions,
                    pages,
                    new org.tfeval.study.accounts.SignInAddresses(tx, settings.signInsPerAddress()),
                    Deidentification.of(study),
                    RestrictedAccess.of(study).withVersion(settings.version()),
                    new Field(tx),
                    org.tfeval.study.protect.Participants.of(study),
                    new org.tfeval.study.operator.Moves(tx),
                    org.tfeval.study.qual.QualCoding.of(study),
                    org.tfeval.study.protect.InterviewSafety.of(study));
            List<Route> routes = Routes.all(w);
            Guard guard = new Guard(sessions);
            Forwarding forwarding = new Forwarding(settings.behindProxy(), settings.host(), settings.allowedHosts());
            Failures failures = new Failures(pages, settings.errors());
            Javalin app = Javalin.create(config -> {
                config.jetty.host = settings.host();
                config.jetty.port = settings.port();
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.maxRequestSize = MAX_REQUEST_BYTES;
                config.routes.before(forwarding::apply);
                config.routes.before(SecurityHeaders::apply);
                for (Route r : routes) config.routes.addHttpHandler(r.method(), r.path(), guard.wrap(r));
                if (afterChange != null) {
                    config.routes.after(ctx -> {
                        String m = ctx.method().name();
                        if (!m.equals("GET") && !m.equals("HEAD")) afterChange.run();
                    });
                }
                config.routes.exception(Exception.class, failures::handle);
                config.routes.error(404, ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) failures.respond(ctx, 404, "Not found");
                });
            });
            app.start();
            return new WebServer(app, settings.host(), tx, routes, w);
        } catch (RuntimeException e) {
            tx.close();
            throw e;
        }
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port() + "/");
    }

    /** The route table the server runs. */
    public List<Route> routes() {
        return routes;
    }

    /** What the handlers share (tests use its sessions and services). */
    public WebContext context() {
        return context;
    }

    @Override
    public void close() {
        app.stop();
        transactions.close();
    }
}

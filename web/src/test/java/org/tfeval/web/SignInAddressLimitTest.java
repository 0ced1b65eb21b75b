package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.accounts.LockoutPolicy;
import org.tfeval.study.accounts.SignInAddresses;
import org.tfeval.testkit.PostgresExtension;

/**
 * The per-address sign-in limit, attacked: it survives a restart of the server, it does not touch
 * other addresses, parallel attempts from one address never pass it, and the database holds no
 * address in clear.
 */
@ExtendWith(PostgresExtension.class)
class SignInAddressLimitTest {
    /** Failed sign-ins per address in these tests. */
    private static final int LIMIT = 4;
    /** The fixture's server listens here; requests come from 127.0.0.1 unless a test binds another loopback address. */
    private static final String OTHER_ADDRESS = "127.0.0.2";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private WebFixture fx;
    private WebServer restarted;

    @AfterEach
    void stop() {
        try {
            if (restarted != null) restarted.close();
        } finally {
            if (fx != null) fx.close();
        }
    }

    private static WebServer.Settings settings() {
        return WebServer.Settings.defaults().withSignInsPerAddress(LIMIT);
    }

    @Test
    void failures_from_one_address_are_still_refused_after_a_restart_until_the_window_ends(ConnectionSettings db)
            throws Exception {
        fx = new WebFixture(db, InstrumentLoader.builtInSource("ecm"), settings());
        for (int i = 0; i < LIMIT; i++)
            assertThat(fx.browser().signIn("nobody-" + i, "guess " + i).statusCode())
                    .isEqualTo(401);
        fx.server.close();
        restarted = WebServer.start(
                fx.study,
                settings()
                        .withPort(0)
                        .withHasher(WebFixture.CHEAP)
                        .withLockout(new LockoutPolicy(WebFixture.LOCKOUT, Duration.ofMinutes(5))));
        Browser after = new Browser(restarted.uri());
        assertThat(after.signIn("coder-tfa", WebFixture.PASSWORD).statusCode())
                .as("the restarted server still refuses the address, even with the right password")
                .isEqualTo(429);
        assertThat(signInFrom(OTHER_ADDRESS, restarted.port(), "coder-tfa", WebFixture.PASSWORD))
                .as("another address is not affected")
                .isEqualTo(303);
        try (Connection c = fx.connect();
                Statement st = c.createStatement()) {
            st.execute("UPDATE web_sign_in_address SET window_start = window_start - interval '"
                    + (SignInAddresses.WINDOW.toMinutes() + 1) + " minutes'");
        }
        assertThat(after.signIn("coder-tfa", WebFixture.PASSWORD).statusCode())
                .as("once the window has ended the address may sign in again")
                .isEqualTo(303);
    }

    @Test
    void the_database_holds_a_keyed_hash_of_each_address_never_the_address(ConnectionSettings db) throws Exception {
        fx = new WebFixture(db, InstrumentLoader.builtInSource("ecm"), settings());
        fx.browser().signIn("nobody", "guess");
        assertThat(signInFrom(OTHER_ADDRESS, fx.server.port(), "nobody", "guess"))
                .isEqualTo(401);
        assertThat(fx.count("SELECT count(*) FROM web_sign_in_address")).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM web_sign_in_address WHERE address_hash ~ '^[0-9a-f]{64}$'"))
                .isEqualTo(2);
        for (String address : List.of("127.0.0.1", OTHER_ADDRESS)) {
            String unkeyed = sha256Hex(address);
            assertThat(fx.count("SELECT count(*) FROM web_sign_in_address WHERE address_hash LIKE '%" + address
                            + "%' OR address_hash = '" + unkeyed + "' OR address_hash = encode(sha256('"
                            + address + "'::bytea), 'hex')"))
                    .as("no row can be matched to " + address + " without the key")
                    .isZero();
        }
    }

    @Test
    void parallel_attempts_from_one_address_never_exceed_the_limit(ConnectionSettings db) throws Exception {
        fx = new WebFixture(db, InstrumentLoader.builtInSource("ecm"), settings());
        long failuresBefore = fx.count("SELECT coalesce(sum(failures), 0) FROM web_sign_in_failure");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String name = "nobody-" + i;
            attempts.add(() -> fx.browser().signIn(name, "guess").statusCode());
        }
        List<Integer> codes = atOnce(attempts);
        assertThat(codes.stream().filter(c -> c == 401).count())
                .as("password checks made")
                .isEqualTo(LIMIT);
        assertThat(codes.stream().filter(c -> c == 429).count()).isEqualTo(30 - LIMIT);
        assertThat(fx.count("SELECT coalesce(sum(failures), 0) FROM web_sign_in_failure") - failuresBefore)
                .as("failed sign-ins counted by the accounts")
                .isEqualTo(LIMIT);
        SignInAddresses addresses = fx.server.context().throttle();
        List<Callable<Boolean>> slots = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 100; i++) slots.add(() -> addresses.tryAcquire("198.51.100.7", now));
        assertThat(atOnce(slots).stream().filter(Boolean::booleanValue).count())
                .as("slots granted to 100 simultaneous attempts")
                .isEqualTo(LIMIT);
    }

    @Test
    void ended_windows_are_purged(ConnectionSettings db) throws Exception {
        fx = new WebFixture(db, InstrumentLoader.builtInSource("ecm"), settings());
        SignInAddresses addresses = fx.server.context().throttle();
        Instant then = Instant.now().minus(SignInAddresses.WINDOW).minusSeconds(60);
        assertThat(addresses.tryAcquire("192.0.2.1", then)).isTrue();
        assertThat(addresses.tryAcquire("192.0.2.2", Instant.now())).isTrue();
        assertThat(fx.count("SELECT count(*) FROM web_sign_in_address"))
                .as("the ended window was deleted on the way")
                .isEqualTo(1);
        assertThat(addresses.purge(Instant.now().plus(SignInAddresses.WINDOW).plusSeconds(1)))
                .isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM web_sign_in_address")).isZero();
    }

    private static String sha256Hex(String s) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Signs in over a socket bound to another loopback address; returns the HTTP status of the POST. */
    private static int signInFrom(String local, int port, String name, String password) throws IOException {
        String form = exchange(local, port, "GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String cookie = form.lines()
                .filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .map(l -> l.substring(11).strip().split(";", 2)[0])
                .findFirst()
                .orElseThrow();
        Matcher m = CSRF.matcher(form);
        String body = (m.find() ? "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&" : "")
                + "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        String response = exchange(
                local,
                port,
                "POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nCookie: " + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.US_ASCII).length + "\r\n\r\n" + body);
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String exchange(String local, int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(local, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs tasks at the same moment and returns their results. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return t.call();
                }));
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

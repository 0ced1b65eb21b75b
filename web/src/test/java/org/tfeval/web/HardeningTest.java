package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.testkit.PostgresExtension;

/** The attacks and faults of issue 13 on the web application, each performed and seen to fail. */
@ExtendWith(PostgresExtension.class)
class HardeningTest {
    private WebFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) fx.close();
    }

    private WebFixture start(ConnectionSettings db, WebServer.Settings settings) {
        fx = new WebFixture(db, InstrumentLoader.builtInSource("ecm"), settings);
        return fx;
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

    @Test
    void parallel_wrong_passwords_are_checked_at_most_the_threshold_and_the_right_one_after_the_lock_fails(
            ConnectionSettings db) throws Exception {
        start(db, WebServer.Settings.defaults().withSignInsPerAddress(1000));
        List<Callable<Integer>> wrong = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String pw = "wrong password " + i;
            wrong.add(() -> fx.browser().signIn("coder-tfa", pw).statusCode());
        }
        assertThat(atOnce(wrong)).containsOnly(401);
        assertThat(fx.count("SELECT failed_logins FROM web_account WHERE name = 'coder-tfa'"))
                .as("only the threshold's number of wrong passwords was ever checked")
                .isEqualTo(WebFixture.LOCKOUT);
        List<Callable<Integer>> mixed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String pw = i == 10 ? WebFixture.PASSWORD : "wrong again " + i;
            mixed.add(() -> fx.browser().signIn("coder-tfa", pw).statusCode());
        }
        assertThat(atOnce(mixed))
                .as("the right password among wrong ones after the lock")
                .containsOnly(401);
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'login' AND actor = 'coder-tfa'"))
                .isZero();
    }

    @Test
    void an_unknown_name_gets_the_same_answer_as_a_known_name_with_a_wrong_password(ConnectionSettings db) {
        start(db, WebServer.Settings.defaults());
        HttpResponse<String> known = fx.browser().signIn("coder-tfa", "not the password");
        HttpResponse<String> unknown = fx.browser().signIn("nobody-here", "not the password");
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(401);
        assertThat(normalise(unknown.body(), "nobody-here")).isEqualTo(normalise(known.body(), "coder-tfa"));
    }

    private static String normalise(String body, String name) {
        return body.replace(name, "NAME").replaceAll("[A-Za-z0-9_-]{40,}", "TOKEN");
    }

    @Test
    void three_hundred_failed_sign_ins_do_not_append_three_hundred_audit_events(ConnectionSettings db)
            throws Exception {
        start(db, WebServer.Settings.defaults());
        long before = fx.count("SELECT count(*) FROM audit_event");
        Accounts accounts = fx.server.context().accounts();
        for (int i = 0; i < 150; i++) accounts.signIn("nobody-" + i, "guess " + i, Instant.now());
        for (int i = 0; i < 150; i++) accounts.signIn("coder-tfb", "guess " + i, Instant.now());
        long added = fx.count("SELECT count(*) FROM audit_event") - before;
        assertThat(added)
                .as("aggregated: the lockout and one event per block of failures")
                .isLessThan(10);
        assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'login_locked'"))
                .isEqualTo(1);
        assertThat(fx.count("SELECT sum(failures) FROM web_sign_in_failure"))
                .as("every failure is still counted")
                .isEqualTo(300 - WebFixture.LOCKOUT + WebFixture.LOCKOUT - 1);
    }

    @Test
    void an_address_with_too_many_failures_is_refused_without_a_check_even_with_the_right_password(
            ConnectionSettings db) {
        start(db, WebServer.Settings.defaults().withSignInsPerAddress(4));
        for (int i = 0; i < 4; i++)
            assertThat(fx.browser().signIn("user-" + i, "guess").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = fx.browser().signIn("coder-tfa", WebFixture.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many failed sign-ins from this address");
    }

    @Test
    void weak_passwords_are_refused_and_a_one_time_password_must_be_changed_before_anything_else(
            ConnectionSettings db) {
        start(db, WebServer.Settings.defaults());
        var accounts = fx.server.context().accounts();
        var admin = accounts.list().stream()
                .filter(a -> a.name().equals("admin"))
                .findFirst()
                .orElseThrow();
        var coder = accounts.list().stream()
                .filter(a -> a.name().equals("coder-tfa"))
                .findFirst()
                .orElseThrow();
        String oneTime = accounts.resetPassword(admin, coder.id()).password();
        Browser b = fx.browser();
        HttpResponse<String> signedIn = b.signIn("coder-tfa", oneTime);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).contains("/password");
        HttpResponse<String> home = b.get("/");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.headers().firstValue("Location")).contains("/password");
        b.remember(b.get("/password").body());
        assertThat(b.post("/tf/TFA/start", Map.of("draw", Long.toString(fx.drawId), "ref", "TFA-R1"))
                        .statusCode())
                .isEqualTo(403);
        for (String weak : List.of(
                " ".repeat(12),
                "coder-tfa-coder-tfa",
                "tfevaltfeval",
                "password1234",
                "qwertyuiopasdf",
                "study-study1")) {
            HttpResponse<String> r = b.post("/password", Map.of("current", oneTime, "new", weak, "repeat", weak));
            assertThat(r.statusCode()).as(weak).isEqualTo(422);
        }
        String good = "violet anchor mango drizzle";
        HttpResponse<String> changed = b.post("/password", Map.of("current", oneTime, "new", good, "repeat", good));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        assertThat(fx.browser().signIn("coder-tfa", good).headers().firstValue("Location"))
                .contains("/");
    }

    @Test
    void coders_starting_the_same_case_at_once_get_no_server_error(ConnectionSettings db) throws Exception {
        start(db, WebServer.Settings.defaults());
        List<Browser> coders = new ArrayList<>();
        for (int i = 0; i < 6; i++) coders.add(fx.as(i % 2 == 0 ? "coder-tfa" : "coder2-tfa"));
        List<Callable<Integer>> starts = new ArrayList<>();
        for (Browser b : coders)
            starts.add(() -> b.post("/tf/TFA/start", Map.of("draw", Long.toString(fx.drawId), "ref", "TFA-R2"))
                    .statusCode());
        List<Integer> codes = atOnce(starts);
        assertThat(codes).containsOnly(303, 409).containsOnlyOnce(303);
        assertThat(fx.count("SELECT count(*) FROM coding_case WHERE case_ref = 'TFA-R2'"))
                .isEqualTo(1);
    }

    @Test
    void a_save_over_a_newer_one_is_a_conflict_with_both_values_and_a_choice_never_an_overwrite(ConnectionSettings db)
            throws Exception {
        start(db, WebServer.Settings.defaults());
        Browser a = fx.as("coder-tfa");
        String caseId = CodingFlowTest.startCase(a, fx, "TFA-R3");
        long record = CodingFlowTest.recordIds(a.get("/cases/" + caseId).body()).get(0);
        int version = (int) fx.count("SELECT saves FROM coding_record WHERE id = " + record);
        Browser b = fx.as("coder-tfa");
        List<Callable<HttpResponse<String>>> saves = List.of(
                () -> a.htmx("/records/" + record, Map.of("N_AGENCIES", "2", "_version", Integer.toString(version))),
                () -> b.htmx("/records/" + record, Map.of("N_AGENCIES", "5", "_version", Integer.toString(version))));
        List<HttpResponse<String>> done = atOnce(saves);
        List<Integer> codes = done.stream().map(HttpResponse::statusCode).toList();
        assertThat(codes).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> conflict = done.get(codes.indexOf(409));
        String kept =
                fx.count("SELECT (cells->>'N_AGENCIES')::int FROM coding_record WHERE id = " + record) == 2 ? "2" : "5";
        String lost = kept.equals("2") ? "5" : "2";
        assertThat(conflict.body())
                .contains("Keep mine", "Take theirs", "<td>" + kept + "</td>", "<td>" + lost + "</td>")
                .contains("name=\"_version\" value=\"" + (version + 1) + "\"");
        Browser loser = done.get(0) == conflict ? a : b;
        HttpResponse<String> keepMine = loser.htmx(
                "/records/" + record,
                Map.of("N_AGENCIES", lost, "_version", Integer.toString(version + 1), "_choice", "mine"));
        assertThat(keepMine.statusCode()).isEqualTo(200);
        assertThat(keepMine.body()).contains("id=\"version-" + record + "\" value=\"" + (version + 2) + "\"");
        assertThat(fx.count("SELECT (cells->>'N_AGENCIES')::int FROM coding_record WHERE id = " + record))
                .isEqualTo(Long.parseLong(lost));
        assertThat(fx.errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_nul_byte_in_a_save_is_a_clear_400_and_never_reaches_the_database(ConnectionSettings db) throws Exception {
        start(db, WebServer.Settings.defaults());
        Browser a = fx.as("coder-tfa");
        String caseId = CodingFlowTest.startCase(a, fx, "TFA-R4");
        long record = CodingFlowTest.recordIds(a.get("/cases/" + caseId).body()).get(0);
        long saves = fx.count("SELECT saves FROM coding_record WHERE id = " + record);
        HttpResponse<String> r = a.htmx("/records/" + record, Map.of("NARRATIVE", "SENTINEL-NUL-Jane\u0000Doe"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("NUL character").doesNotContain("SENTINEL");
        assertThat(fx.count("SELECT saves FROM coding_record WHERE id = " + record))
                .isEqualTo(saves);
        assertThat(fx.errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void another_host_name_gets_421_unless_allowed(ConnectionSettings db) throws Exception {
        start(db, WebServer.Settings.defaults().withAllowedHosts(Set.of("coding.example.org")));
        int port = fx.server.port();
        assertThat(raw(port, "GET /login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 421");
        assertThat(raw(port, "GET /login HTTP/1.1\r\nHost: coding.example.org\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
        assertThat(raw(port, "GET /login HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    private static final String FORWARDED = "GET /login HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\n"
            + "X-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n";

    @Test
    void without_behind_proxy_forwarded_headers_are_ignored(ConnectionSettings db) throws Exception {
        start(db, WebServer.Settings.defaults());
        String direct = raw(fx.server.port(), FORWARDED);
        assertThat(direct).startsWith("HTTP/1.1 200").doesNotContain("Strict-Transport-Security");
        assertThat(setCookie(direct)).doesNotContain("Secure");
    }

    @Test
    void behind_the_proxy_cookies_are_secure_and_responses_carry_hsts(ConnectionSettings db) throws Exception {
        String request = FORWARDED;
        start(db, WebServer.Settings.defaults().withBehindProxy(true));
        String proxied = raw(fx.server.port(), request);
        assertThat(proxied).startsWith("HTTP/1.1 200").contains("Strict-Transport-Security: max-age=");
        assertThat(setCookie(proxied)).contains("Secure", "HttpOnly", "SameSite=Strict");
    }

    @Test
    void the_audit_page_shows_control_characters_as_escapes(ConnectionSettings db) throws Exception {
        start(db, WebServer.Settings.defaults());
        try (java.sql.Connection c = fx.connect()) {
            org.tfeval.study.audit.AuditEvents.record(
                    c, "cli-user\u001b[2J\r\u202eevil", "export", null, "note", "line\u0007bell");
        }
        String page = fx.as("admin").get("/audit").body();
        assertThat(page)
                .contains("cli-user\\u001b[2J\\u000d\\u202eevil")
                .doesNotContain("\u001b")
                .doesNotContain("\u202e")
                .doesNotContain("\u0007");
    }

    private static String setCookie(String response) {
        return response.lines()
                .filter(l -> l.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .findFirst()
                .orElseThrow();
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class SecurityTest {
    private WebFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) fx.close();
    }

    @Test
    void every_response_carries_the_security_headers_and_the_session_cookie_is_http_only_and_strict(
            ConnectionSettings db) {
        fx = new WebFixture(db);
        HttpResponse<String> login = fx.browser().get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .as("no HSTS on plain localhost")
                .isEmpty();
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly", "SameSite=Strict");
        assertThat(login.body())
                .doesNotContainPattern("<script>[^<]")
                .doesNotContain("style=\"")
                .doesNotContain(" onclick");
        HttpResponse<String> missing = fx.browser().get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();
        HttpResponse<String> htmx = fx.browser().get("/assets/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void the_threshold_th_wrong_password_locks_the_account_even_against_the_right_password(ConnectionSettings db)
            throws Exception {
        fx = new WebFixture(db);
        for (int i = 0; i < WebFixture.LOCKOUT; i++) {
            HttpResponse<String> r = fx.browser().signIn("coder-tfa", "wrong password " + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("Sign-in failed").doesNotContain("wrong password " + i);
        }
        assertThat(fx.browser().signIn("coder-tfa", WebFixture.PASSWORD).statusCode())
                .isEqualTo(401);
        assertThat(fx.browser().signIn("no-such-account", WebFixture.PASSWORD).statusCode())
                .isEqualTo(401);
        assertThat(fx.browser().signIn("coder-tfb", WebFixture.PASSWORD).statusCode())
                .isEqualTo(303);
        try (Connection c = fx.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT string_agg(action || ':' || actor, ',' ORDER BY seq) FROM audit_event WHERE action LIKE 'login%'")) {
            rs.next();
            assertThat(rs.getString(1))
                    .as("failures aggregated: the day's first of each kind, the lockout, the success")
                    .isEqualTo("login_failures:unknown,login_locked:coder-tfa,login_failures:unknown,"
                            + "login_failures:unknown,login:coder-tfb");
        }
    }

    @Test
    void an_idle_session_expires_and_the_next_request_goes_to_sign_in(ConnectionSettings db) throws Exception {
        fx = new WebFixture(
                db,
                InstrumentLoader.builtInSource("ecm"),
                WebServer.Settings.defaults().withIdleTimeout(Duration.ofSeconds(1)));
        Browser b = fx.as("coder-tfa");
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        Thread.sleep(1500);
        HttpResponse<String> after = b.get("/");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).contains("/login");
    }

    @Test
    void values_typed_into_a_form_never_reach_the_error_output_or_error_pages(ConnectionSettings db) throws Exception {
        fx = new WebFixture(db);
        Browser b = fx.as("coder-tfa");
        String caseId = CodingFlowTest.startCase(b, fx, "TFA-R1");
        long record = CodingFlowTest.recordIds(b.get("/cases/" + caseId).body()).get(0);
        String sentinel = "SENTINEL-4711-Jane-Doe";
        HttpResponse<String> saved =
                b.htmx("/records/" + record, Map.of("N_AGENCIES", sentinel, "NARRATIVE", sentinel));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body())
                .as("the fragment does not echo the value into messages")
                .doesNotContain(sentinel);
        HttpResponse<String> bad = b.htmx("/records/" + record, Map.of("_set", "N_AGENCIES=" + sentinel));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain(sentinel);
        HttpResponse<String> tooLong =
                b.htmx("/records/" + record, Map.of("NARRATIVE", sentinel + "x".repeat(200_000)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).doesNotContain(sentinel);
        assertThat(fx.errors.toString(StandardCharsets.UTF_8)).doesNotContain(sentinel);
        assertThat(b.get("/cases/" + caseId).body())
                .as("the draft keeps what was typed")
                .contains("value=\"" + sentinel + "\"");
    }
}

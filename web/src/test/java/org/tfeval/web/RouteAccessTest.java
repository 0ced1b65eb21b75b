package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tfeval.study.accounts.Role;
import org.tfeval.testkit.PostgresExtension;

/**
 * Every route of the route table, for every role, against the records of another task force:
 * scoped accounts of task force A get 403 (role) or 404 (scope) on everything of task force B,
 * and no page they may open shows task force B's records. A route whose path parameter has no
 * fixture here fails the test, so a new route cannot be forgotten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest {
    /** Text that only task force B's records contain. */
    private static final List<String> TFB_MARKERS = List.of("TFB-C0001", "TFB-R");

    private static final Map<String, Role> ACCOUNTS_OF_A = new LinkedHashMap<>();

    static {
        ACCOUNTS_OF_A.put("coord-tfa", Role.SITE_COORDINATOR);
        ACCOUNTS_OF_A.put("coder-tfa", Role.CODER);
        ACCOUNTS_OF_A.put("viewer-tfa", Role.TASK_FORCE_VIEWER);
    }

    private WebFixture fx;

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path qualDir;

    private final Map<String, String> tfbParams = new LinkedHashMap<>();

    @BeforeAll
    void setUp() throws Exception {
        fx = new WebFixture(PostgresExtension.freshDatabase());
        Browser coder = fx.as("coder-tfb");
        String caseId = CodingFlowTest.startCase(coder, fx, "TFB-R1");
        CodingFlowTest.codeValidCase(coder, fx, caseId, "");
        assertThat(coder.post("/cases/" + caseId + "/passes/1/complete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        Browser coord = fx.as("coord-tfb");
        assertThat(coord.post("/cases/" + caseId + "/second", Map.of("coder", "coder2-tfb"))
                        .statusCode())
                .isEqualTo(303);
        Browser second = fx.as("coder2-tfb");
        CodingFlowTest.codeValidCase(second, fx, caseId, "?pass=2");
        assertThat(second.post("/cases/" + caseId + "/passes/2/complete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        long record =
                CodingFlowTest.recordIds(coder.get("/cases/" + caseId).body()).get(1);
        HttpResponse<String> q =
                coord.post("/records/" + record + "/queries", Map.of("variable", "V_AGE", "body", "check"));
        assertThat(q.statusCode()).isEqualTo(303);
        String query = q.headers().firstValue("Location").orElseThrow().replaceAll("\\D", "");
        tfbParams.put("tfId", "TFB");
        tfbParams.put("caseId", caseId);
        tfbParams.put("recordId", Long.toString(record));
        tfbParams.put("queryId", query);
        tfbParams.put("pass", "1");
        tfbParams.put("form", "victim");
        tfbParams.put("name", "htmx.min.js");
        tfbParams.put("interview", "TFB-P1-I1");
        // a codable transcript of B for the coding screen's routes
        QualSeed.seed(
                fx.study,
                qualDir,
                List.of(new QualSeed.Person("TFB-P1", "TFB", 1, QualCodingScreenTest.PROFESSIONAL, true)));
        tfbParams.put("applicationId", "1");
        try (Connection c = fx.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM web_account WHERE name = 'coder-tfb'")) {
            rs.next();
            tfbParams.put("accountId", Long.toString(rs.getLong(1)));
        }
        // a stored case of B not in coding, and a sampled case of B not started, appear in no list of A
        assertThat(caseId).isEqualTo("TFB-C0001");
    }

    @AfterAll
    void tearDown() {
        fx.close();
    }

    private String path(Route r) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(r.path());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = tfbParams.get(m.group(1));
            if (value == null)
                fail("route " + r.method() + " " + r.path() + " has the parameter {" + m.group(1)
                        + "} without a fixture: add one");
            m.appendReplacement(b, value);
        }
        m.appendTail(b);
        return b.toString();
    }

    private static boolean scoped(Route r) {
        return r.path().contains("{tfId}")
                || r.path().contains("{caseId}")
                || r.path().contains("{recordId}")
                || r.path().contains("{queryId}")
                || r.path().startsWith("/qual/transcripts/{interview}");
    }

    private static HttpResponse<String> call(Browser b, Route r, String path) {
        return r.mutates() ? b.post(path, Map.of()) : b.get(path);
    }

    @Test
    void scoped_accounts_of_another_task_force_get_403_or_404_and_never_see_its_records() {
        SoftAssertions soft = new SoftAssertions();
        for (Route r : fx.server.routes()) {
            if (r.access() == Access.PUBLIC) continue;
            String path = path(r);
            for (Map.Entry<String, Role> a : ACCOUNTS_OF_A.entrySet()) {
                Browser b = fx.as(a.getKey());
                HttpResponse<String> res = call(b, r, path);
                String what = a.getKey() + " " + r.method() + " " + path;
                if (!r.access().allows(a.getValue())) {
                    soft.assertThat(res.statusCode()).as(what + " (role)").isEqualTo(403);
                } else if (scoped(r)) {
                    soft.assertThat(res.statusCode()).as(what + " (task force)").isEqualTo(404);
                } else {
                    soft.assertThat(res.statusCode())
                            .as(what)
                            .isBetween(200, 499)
                            .isNotIn(401, 403, 404);
                }
                for (String marker : TFB_MARKERS)
                    soft.assertThat(res.body()).as(what + " shows task force B").doesNotContain(marker);
            }
        }
        soft.assertAll();
    }

    @Test
    void unscoped_roles_and_task_force_b_get_through_to_every_get_route_they_are_allowed() {
        SoftAssertions soft = new SoftAssertions();
        Map<String, Role> insiders =
                Map.of("coord-tfb", Role.SITE_COORDINATOR, "admin", Role.ADMINISTRATOR, "analyst", Role.ANALYST);
        for (Route r : fx.server.routes()) {
            if (r.mutates()) continue;
            String path = path(r);
            for (Map.Entry<String, Role> a : insiders.entrySet()) {
                if (!r.access().allows(a.getValue()) && r.access() != Access.PUBLIC) continue;
                HttpResponse<String> res = fx.as(a.getKey()).get(path);
                soft.assertThat(res.statusCode())
                        .as(a.getKey() + " GET " + path)
                        .isIn(200, 303);
            }
        }
        soft.assertAll();
    }

    @Test
    void signed_out_requests_are_sent_to_sign_in_or_refused() {
        SoftAssertions soft = new SoftAssertions();
        for (Route r : fx.server.routes()) {
            if (r.access() == Access.PUBLIC) continue;
            Browser anonymous = fx.browser();
            anonymous.remember(anonymous.get("/login").body());
            HttpResponse<String> res = call(anonymous, r, path(r));
            if (r.mutates()) {
                soft.assertThat(res.statusCode()).as("POST " + r.path()).isEqualTo(401);
            } else {
                soft.assertThat(res.statusCode()).as("GET " + r.path()).isEqualTo(303);
                soft.assertThat(res.headers().firstValue("Location"))
                        .as("GET " + r.path())
                        .contains("/login");
            }
        }
        soft.assertAll();
    }

    @Test
    void every_post_without_the_sessions_csrf_token_is_refused() {
        SoftAssertions soft = new SoftAssertions();
        List<String> before = new ArrayList<>();
        for (Route r : fx.server.routes()) {
            if (!r.mutates()) continue;
            Browser admin = fx.as("admin");
            HttpResponse<String> res = admin.postRaw(path(r), Map.of("_csrf", "forged"), false);
            soft.assertThat(res.statusCode()).as("POST " + r.path()).isEqualTo(403);
            before.add(r.path());
        }
        soft.assertThat(before).isNotEmpty();
        soft.assertAll();
    }
}

package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class CodingFlowTest {
    private static final Pattern FORM_ID = Pattern.compile("id=\"form-(\\d+)\"");
    private WebFixture fx;

    @BeforeEach
    void start(ConnectionSettings db) {
        fx = new WebFixture(db);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** Starts coding sampled case TFA-R1 and returns the case ID. */
    static String startCase(Browser b, WebFixture fx, String ref) {
        String tf = ref.substring(0, ref.indexOf('-'));
        HttpResponse<String> r = b.post("/tf/" + tf + "/start", Map.of("draw", Long.toString(fx.drawId), "ref", ref));
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static List<Long> recordIds(String page) {
        List<Long> out = new ArrayList<>();
        Matcher m = FORM_ID.matcher(page);
        while (m.find()) out.add(Long.parseLong(m.group(1)));
        return out;
    }

    /** Codes a valid case file with one victim and one suspect (with an offense) in the pass shown on the case page. */
    static void codeValidCase(Browser b, WebFixture fx, String caseId, String passQuery) {
        long caseRecord =
                recordIds(b.get("/cases/" + caseId + passQuery).body()).get(0);
        assertThat(b.htmx("/records/" + caseRecord, fx.valid("case", Map.of())).statusCode())
                .isEqualTo(200);
        assertThat(b.post("/records/" + caseRecord + "/add/victim", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(b.post("/records/" + caseRecord + "/add/suspect", Map.of()).statusCode())
                .isEqualTo(303);
        List<Long> ids = recordIds(b.get("/cases/" + caseId + passQuery).body());
        assertThat(b.htmx("/records/" + ids.get(1), fx.valid("victim", Map.of()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(b.htmx("/records/" + ids.get(2), fx.valid("suspect", Map.of()))
                        .statusCode())
                .isEqualTo(200);
        assertThat(b.post("/records/" + ids.get(2) + "/add/offense", Map.of()).statusCode())
                .isEqualTo(303);
        ids = recordIds(b.get("/cases/" + caseId + passQuery).body());
        assertThat(b.htmx("/records/" + ids.get(3), fx.valid("offense", Map.of()))
                        .statusCode())
                .isEqualTo(200);
    }

    private long count(String sql) throws Exception {
        try (Connection c = fx.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_coder_codes_a_case_file_with_inline_errors_and_live_skip_logic_then_marks_it_complete() throws Exception {
        Browser b = fx.as("coder-tfa");
        String caseId = startCase(b, fx, "TFA-R1");
        assertThat(caseId).isEqualTo("TFA-C0001");
        String page = b.get("/cases/" + caseId).body();
        long caseRecord = recordIds(page).get(0);
        assertThat(page)
                .contains(
                        "name=\"HT_TYPE\"",
                        "Type of trafficking investigated",
                        "1 Sex trafficking",
                        "title=\"Not recorded in the file\"");

        HttpResponse<String> typed = b.htmx("/records/" + caseRecord, Map.of("N_AGENCIES", "many"));
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body())
                .contains("id=\"e-" + caseRecord + "-N_AGENCIES\"", "is not a whole number")
                .doesNotContain("many");

        HttpResponse<String> labor = b.htmx("/records/" + caseRecord, Map.of("HT_TYPE", "2"));
        assertThat(labor.body())
                .as("the sex-trafficking subtype is swapped out as not applicable")
                .containsPattern("id=\"f-" + caseRecord + "-SEX_SUBTYPE\" hx-swap-oob=\"true\"[^>]*>")
                .contains("-7 Not applicable: applies when <code>([HT_TYPE] = 1 or [HT_TYPE] = 3)</code>");

        // a browser that runs the skip logic itself says which fields it shows as not applicable:
        // where it agrees with the server, no field is swapped (the one being typed in stays)
        String swapped = "id=\"f-" + caseRecord + "-(SEX_SUBTYPE|LABOR_INDUSTRY)\" hx-swap-oob";
        HttpResponse<String> agreed = b.htmx("/records/" + caseRecord, Map.of("HT_TYPE", "1", "_na", "LABOR_INDUSTRY"));
        assertThat(agreed.statusCode()).isEqualTo(200);
        assertThat(agreed.body()).doesNotContainPattern(swapped);
        // where it does not, the server's view of each such field comes back
        HttpResponse<String> wrong = b.htmx("/records/" + caseRecord, Map.of("HT_TYPE", "1", "_na", "SEX_SUBTYPE"));
        assertThat(wrong.body())
                .containsPattern("id=\"f-" + caseRecord + "-SEX_SUBTYPE\" hx-swap-oob=\"true\"")
                .containsPattern("class=\"field na\" id=\"f-" + caseRecord + "-LABOR_INDUSTRY\" hx-swap-oob=\"true\"");

        HttpResponse<String> missing = b.htmx("/records/" + caseRecord, Map.of("_set", "LOCATION=-8"));
        assertThat(missing.body())
                .containsPattern("id=\"f-" + caseRecord + "-LOCATION\" hx-swap-oob=\"true\"")
                .contains("<option value=\"-8\" selected>");

        HttpResponse<String> incomplete = b.post("/cases/" + caseId + "/passes/1/complete", Map.of());
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(incomplete.body()).contains("cannot be marked complete yet", "is blank");
        assertThat(count("SELECT count(*) FROM d_case")).isZero();

        codeValidCase(b, fx, caseId, "");
        HttpResponse<String> done = b.post("/cases/" + caseId + "/passes/1/complete", Map.of());
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(b.get(done.headers().firstValue("Location").orElseThrow()).body())
                .contains("marked complete", "class=\"pass-status\">complete");
        assertThat(count(
                        "SELECT count(*) FROM d_case WHERE case_id = 'TFA-C0001' AND n_victims = 1 AND n_suspects = 1"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM d_offense")).isEqualTo(1);
        assertThat(fx.server.context().audit().verify()).isEmpty();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'view' AND actor = 'coder-tfa'"))
                .isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'login' AND actor = 'coder-tfa'"))
                .isEqualTo(1);
    }

    @Test
    void the_second_coder_codes_blind_and_the_coordinator_reconciles_and_sees_agreement() throws Exception {
        Browser first = fx.as("coder-tfa");
        String caseId = startCase(first, fx, "TFA-R2");
        codeValidCase(first, fx, caseId, "");
        assertThat(first.post("/cases/" + caseId + "/passes/1/complete", Map.of())
                        .statusCode())
                .isEqualTo(303);

        Browser coord = fx.as("coord-tfa");
        assertThat(coord.post("/cases/" + caseId + "/second", Map.of("coder", "coder2-tfa"))
                        .statusCode())
                .isEqualTo(303);

        Browser second = fx.as("coder2-tfa");
        String secondPage = second.get("/cases/" + caseId).body();
        assertThat(secondPage).contains("Pass 2 coded by coder2-tfa");
        assertThat(second.get("/cases/" + caseId + "?pass=1").statusCode())
                .as("blind: pass 1 does not exist for the second coder")
                .isEqualTo(404);
        assertThat(first.get("/cases/" + caseId + "?pass=2").statusCode()).isEqualTo(404);
        codeValidCase(second, fx, caseId, "?pass=2");
        long secondCase = recordIds(second.get("/cases/" + caseId).body()).get(0);
        second.htmx("/records/" + secondCase, Map.of("LOCATION", "2"));
        assertThat(second.post("/cases/" + caseId + "/passes/2/complete", Map.of())
                        .statusCode())
                .isEqualTo(303);

        String reconcile = coord.get("/cases/" + caseId + "/reconcile").body();
        assertThat(reconcile).contains("LOCATION Location of the incident", "1 Hotel or motel", "2 Residence");
        HttpResponse<String> done =
                coord.post("/cases/" + caseId + "/reconcile", Map.of("choice:case|" + caseId + "|LOCATION", "2"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(count("SELECT count(*) FROM d_case WHERE location = 2 AND case_id = '" + caseId + "'"))
                .isEqualTo(1);

        String agreement = coord.get("/agreement").body();
        assertThat(agreement).contains("coder-tfa / coder2-tfa");
        assertThat(agreement)
                .as("one disagreeing pair: kappa (0 - 0) / (1 - 0) = 0")
                .containsPattern("<td>LOCATION</td><td>1</td><td>0\\.0%</td><td>0\\.000</td>");
        assertThat(agreement)
                .as("one value only: kappa undefined")
                .containsPattern("<td>HT_TYPE</td><td>1</td><td>100\\.0%</td><td>n/a</td>");
        String progress = coord.get("/").body();
        assertThat(progress)
                .containsPattern(
                        "data-tf=\"TFA\">\\s*<td><a href=\"/tf/TFA\">TFA</a></td>\\s*<td>4</td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td>");
    }

    @Test
    void a_rule_warning_opens_a_query_that_the_coder_answers_and_the_coordinator_closes() throws Exception {
        Browser coder = fx.as("coder-tfa");
        String caseId = startCase(coder, fx, "TFA-R3");
        codeValidCase(coder, fx, caseId, "");
        long victim = recordIds(coder.get("/cases/" + caseId).body()).get(1);
        coder.htmx("/records/" + victim, Map.of("V_MINOR", "1"));
        assertThat(coder.post("/cases/" + caseId + "/passes/1/complete", Map.of())
                        .statusCode())
                .isEqualTo(303);

        String list = coder.get("/queries").body();
        Matcher m = Pattern.compile("href=\"/queries/(\\d+)\"").matcher(list);
        assertThat(m.find()).isTrue();
        String q = "/queries/" + m.group(1);
        assertThat(coder.get(q).body())
                .contains("rule:minor_age_consistent", "<code>V_AGE</code> Age at identification");
        assertThat(coder.post(q, Map.of("body", "The file says 17 at the time.", "status", "answered"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(coder.post(q, Map.of("body", "closing", "status", "closed")).statusCode())
                .isEqualTo(400);

        Browser coord = fx.as("coord-tfa");
        assertThat(coord.get("/cases/" + caseId).body()).contains("Query " + m.group(1) + " (answered)");
        assertThat(coord.post(q, Map.of("body", "Thanks", "status", "closed")).statusCode())
                .isEqualTo(303);
        assertThat(fx.openQueries()).isZero();

        HttpResponse<String> opened = coord.post(
                "/records/" + victim + "/queries", Map.of("variable", "V_AGE", "body", "Age from the ID card?"));
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(fx.openQueries()).isEqualTo(1);
    }

    @Test
    void exports_hold_only_the_sessions_task_forces_and_are_audited() throws Exception {
        Browser a = fx.as("coder-tfa");
        String caseA = startCase(a, fx, "TFA-R1");
        codeValidCase(a, fx, caseA, "");
        a.post("/cases/" + caseA + "/passes/1/complete", Map.of());
        Browser b = fx.as("coder-tfb");
        String caseB = startCase(b, fx, "TFB-R1");
        codeValidCase(b, fx, caseB, "");
        b.post("/cases/" + caseB + "/passes/1/complete", Map.of());

        String coordA = fx.as("coord-tfa").get("/export/offense").body();
        assertThat(coordA).contains(caseA + "-S1").doesNotContain(caseB);
        String analyst = fx.as("analyst").get("/export/victim").body();
        assertThat(analyst).contains(caseA + "-V1", caseB + "-V1");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'export'"))
                .isEqualTo(2);
    }

    @Test
    void the_administrator_browses_a_case_files_audit_trail() {
        Browser a = fx.as("coder-tfa");
        String caseId = startCase(a, fx, "TFA-R4");
        a.get("/cases/" + caseId);
        String trail = fx.as("admin").get("/audit?case=" + caseId).body();
        assertThat(trail).contains("coding_start", "view", "coder-tfa");
        assertThat(fx.as("admin").post("/audit/verify", Map.of()).body()).contains("The chain is intact");
    }

    @Test
    void a_variable_added_to_the_instrument_appears_in_the_form_with_its_label_and_codes(ConnectionSettings other) {
        String yaml = InstrumentLoader.builtInSource("ecm")
                .replace(
                        "      - {name: V_REL_SUSPECT,",
                        "      - {name: V_SHELTER, type: code, label: Placed in a shelter, values: yesno, applies_when: \"[V_REFERRED_SERVICES] = 1\", disclosure: none, release: public}\n"
                                + "      - {name: V_REL_SUSPECT,");
        try (WebFixture mod = new WebFixture(other, yaml, WebServer.Settings.defaults())) {
            Browser b = mod.as("coder-tfa");
            String caseId = startCase(b, mod, "TFA-R1");
            long caseRecord = recordIds(b.get("/cases/" + caseId).body()).get(0);
            b.post("/records/" + caseRecord + "/add/victim", Map.of());
            long victim = recordIds(b.get("/cases/" + caseId).body()).get(1);
            String page = b.get("/cases/" + caseId).body();
            assertThat(page)
                    .contains("name=\"V_SHELTER\"", "Placed in a shelter", "<option value=\"1\">1 Yes</option>");
            String notReferred = b.htmx("/records/" + victim, Map.of("V_REFERRED_SERVICES", "0"))
                    .body();
            assertThat(notReferred)
                    .containsPattern("id=\"f-" + victim + "-V_SHELTER\" hx-swap-oob=\"true\"")
                    .contains("[V_REFERRED_SERVICES] = 1");
        }
    }
}

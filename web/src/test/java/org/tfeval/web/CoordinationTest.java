package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

@ExtendWith(PostgresExtension.class)
class CoordinationTest {
    private WebFixture fx;

    @BeforeEach
    void start(ConnectionSettings db) {
        fx = new WebFixture(db);
    }

    @AfterEach
    void stop() {
        fx.close();
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
    void a_coordinator_uploads_a_case_list_and_the_recorded_draw_reproduces_and_feeds_the_dashboard() throws Exception {
        StringBuilder list = new StringBuilder("TF_ID,CASE_REF\n");
        for (int i = 1; i <= 30; i++)
            list.append("TFA,NEW-").append(String.format("%03d", i)).append('\n');
        Browser coord = fx.as("coord-tfa");
        coord.remember(coord.get("/sampling").body());
        HttpResponse<String> drawn = coord.upload(
                "/sampling",
                Map.of("perSite", "10", "seed", "4711", "replacements", "2"),
                "frame",
                "../../etc/case list.csv",
                list.toString());
        assertThat(drawn.statusCode()).isEqualTo(303);
        assertThat(
                        count(
                                "SELECT count(*) FROM sample_draw WHERE seed = 4711 AND frame_name = 'case_list.csv' AND actor = 'coord-tfa'"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "SELECT count(*) FROM sample_case sc JOIN sample_draw d ON d.id = sc.draw_id WHERE d.seed = 4711 AND role = 'sample'"))
                .isEqualTo(10);
        assertThat(coord.get("/").body())
                .containsPattern("data-tf=\"TFA\">\\s*<td><a href=\"/tf/TFA\">TFA</a></td>\\s*<td>14</td>");

        HttpResponse<String> foreign = coord.upload(
                "/sampling",
                Map.of("perSite", "10", "seed", "1", "replacements", "0"),
                "frame",
                "b.csv",
                "TF_ID,CASE_REF\nTFB,X1\n");
        assertThat(foreign.statusCode()).as("a list with another task force").isEqualTo(403);
        HttpResponse<String> broken = coord.upload(
                "/sampling",
                Map.of("perSite", "10", "seed", "1", "replacements", "0"),
                "frame",
                "c.csv",
                "SITE,REF\nTFA,X1\n");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("the case list needs a TF_ID column");
        assertThat(count("SELECT count(*) FROM sample_draw")).isEqualTo(2);
    }

    @Test
    void a_share_of_case_files_goes_to_a_second_coder_who_never_coded_them() throws Exception {
        Browser coder = fx.as("coder-tfa");
        for (String ref : new String[] {"TFA-R1", "TFA-R2", "TFA-R3", "TFA-R4"})
            CodingFlowTest.startCase(coder, fx, ref);
        Browser coord = fx.as("coord-tfa");
        assertThat(coord.post("/tf/TFA/double-coding", Map.of("share", "50", "coder", "coder2-tfa"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(count("SELECT count(*) FROM coding_pass WHERE pass = 2 AND coder = 'coder2-tfa'"))
                .isEqualTo(2);
        assertThat(coord.post("/tf/TFA/double-coding", Map.of("share", "50", "coder", "coder-tfb"))
                        .statusCode())
                .as("not a coder of TFA")
                .isEqualTo(400);
        assertThat(coord.post("/tf/TFA/double-coding", Map.of("share", "500", "coder", "coder2-tfa"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(coord.get("/tf/TFA").body()).contains("coder2-tfa, in progress");
    }

    @Test
    void an_administrator_creates_an_account_with_a_one_time_password_and_deactivation_signs_it_out() throws Exception {
        Browser admin = fx.as("admin");
        admin.remember(admin.get("/accounts").body());
        HttpResponse<String> created = admin.post("/accounts", Map.of("name", "dana", "role", "coder", "tf", "TFB"));
        assertThat(created.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("<p class=\"password\"><code>(\\w+)</code>").matcher(created.body());
        assertThat(m.find()).isTrue();
        Browser dana = fx.browser().signedIn("dana", m.group(1));
        assertThat(dana.get("/tf/TFB").headers().firstValue("Location"))
                .as("a one-time password must be replaced before anything else")
                .contains("/password");
        dana.remember(dana.get("/password").body());
        String own = "violet anchor mango drizzle";
        assertThat(dana.post("/password", Map.of("current", m.group(1), "new", own, "repeat", own))
                        .statusCode())
                .isEqualTo(303);
        dana.remember(dana.get("/").body());
        assertThat(dana.get("/tf/TFB").statusCode()).isEqualTo(200);
        assertThat(dana.get("/tf/TFA").statusCode()).isEqualTo(404);

        long id = count("SELECT id FROM web_account WHERE name = 'dana'");
        assertThat(admin.post("/accounts/" + id + "/active", Map.of("active", "false"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(dana.get("/tf/TFB").statusCode()).as("signed out").isEqualTo(303);
        assertThat(fx.browser().signIn("dana", own).statusCode()).isEqualTo(401);
        assertThat(admin.post("/accounts", Map.of("name", "Dana Smith", "role", "coder", "tf", "TFB"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(
                        count(
                                "SELECT count(*) FROM audit_event WHERE action IN ('account_create', 'account_deactivate') AND actor = 'admin'"))
                .isEqualTo(2);
    }

    @Test
    void a_coder_changes_their_password_and_the_old_one_stops_working() {
        Browser b = fx.as("coder-tfa");
        b.remember(b.get("/password").body());
        assertThat(b.post(
                                "/password",
                                Map.of(
                                        "current",
                                        "nope",
                                        "new",
                                        "a much longer password",
                                        "repeat",
                                        "a much longer password"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(b.post("/password", Map.of("current", WebFixture.PASSWORD, "new", "short", "repeat", "short"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(b.post(
                                "/password",
                                Map.of(
                                        "current",
                                        WebFixture.PASSWORD,
                                        "new",
                                        "a much longer password",
                                        "repeat",
                                        "a much longer password"))
                        .statusCode())
                .as("long but made of common words")
                .isEqualTo(422);
        String strong = "violet anchor mango drizzle";
        assertThat(b.post("/password", Map.of("current", WebFixture.PASSWORD, "new", strong, "repeat", strong))
                        .statusCode())
                .isEqualTo(303);
        assertThat(b.get("/").statusCode()).as("the new session is signed in").isEqualTo(200);
        assertThat(fx.browser().signIn("coder-tfa", WebFixture.PASSWORD).statusCode())
                .isEqualTo(401);
        assertThat(fx.browser().signIn("coder-tfa", strong).statusCode()).isEqualTo(303);
    }
}

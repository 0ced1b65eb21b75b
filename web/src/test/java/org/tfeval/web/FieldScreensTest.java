package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.coding.Coding;
import org.tfeval.study.field.Field;
import org.tfeval.study.field.FieldSession;
import org.tfeval.study.field.Lease;
import org.tfeval.study.transaction.Transactions;
import org.tfeval.testkit.PostgresExtension;
import org.tfeval.web.field.FieldPage;

/** Issue 15: the coordinator's field screens: checkout as a download, the conflict queue resolved field by field. */
@ExtendWith(PostgresExtension.class)
class FieldScreensTest {
    static final Passphrase PASS = Passphrase.field("laptop passphrase 2026");

    @TempDir
    Path dir;

    private WebFixture fx;

    @BeforeEach
    void start(ConnectionSettings db) {
        fx = new WebFixture(db);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void a_coordinator_downloads_a_package_and_a_coder_may_not() {
        Browser coord = fx.as("coord-tfa");
        coord.remember(coord.get("/field").body());
        HttpResponse<String> res = coord.post(
                "/field/checkout",
                Map.of("site", "TFA", "coder", "coder-tfa", "days", "7", "passphrase", PASS.value()));
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).startsWith("TFEVALFP");
        assertThat(res.headers().firstValue("Content-Disposition").orElse("")).contains("tfa-coder-tfa.tfpkg");
        assertThat(coord.get("/field").body()).contains("coder-tfa");
        assertThat(fx.as("coder-tfa").get("/field").statusCode()).isEqualTo(403);
        Browser other = fx.as("coord-tfb");
        other.remember(other.get("/field").body());
        assertThat(other.post(
                                "/field/checkout",
                                Map.of("site", "TFA", "coder", "coder-tfa", "days", "7", "passphrase", PASS.value()))
                        .statusCode())
                .as("another site's coordinator")
                .isEqualTo(404);
    }

    @Test
    void the_checkout_screen_takes_a_lease_refused_by_the_clis_rule_naming_the_field_and_lists_each_lease_end() {
        Browser coord = fx.as("coord-tfa");
        String page = coord.get("/field").body();
        assertThat(page)
                .contains("name=\"lease_hours\" value=\"72\"")
                .contains("Lease (hours)")
                .contains("expires at")
                .contains("<th>Lease until</th>");
        coord.remember(page);
        for (String bad : List.of("337", "0", "three days", "-5")) {
            HttpResponse<String> res = coord.post("/field/checkout", checkout("7", bad));
            assertThat(res.statusCode()).as(bad).isEqualTo(400);
            String web = refusal(FieldPage.LEASE_FIELD, bad);
            assertThat(web)
                    .as("the CLI's rule, naming the web field")
                    .isEqualTo(refusal("--lease-hours", bad).replace("--lease-hours", FieldPage.LEASE_FIELD));
            assertThat(res.body()).as(bad).contains(web).doesNotContain("--lease-hours");
        }
        assertThat(coord.get("/field").body()).as("nothing made").doesNotContain("coder-tfa");

        Instant before = Instant.now();
        HttpResponse<String> day = coord.post("/field/checkout", checkout("7", "24"));
        assertThat(day.statusCode()).isEqualTo(200);
        Instant lease =
                Instant.parse(day.headers().firstValue("X-Tfeval-Lease-Until").orElseThrow());
        assertThat(lease)
                .isBetween(
                        before.plus(Duration.ofHours(24)).minusSeconds(1),
                        Instant.now().plus(Duration.ofHours(24)));

        HttpResponse<String> clipped = coord.post("/field/checkout", checkout("1", "72"));
        assertThat(clipped.statusCode()).isEqualTo(200);
        String expires = clipped.headers().firstValue("X-Tfeval-Expires").orElseThrow();
        assertThat(clipped.headers().firstValue("X-Tfeval-Lease-Until"))
                .as("a lease never runs past the expiry")
                .hasValue(expires);

        String devices = coord.get("/field").body();
        assertThat(devices)
                .contains("<td class=\"lease\">" + lease + "</td>")
                .contains("<td class=\"lease\">" + expires + "</td>");
    }

    /** The problem the lease rule gives for a value typed into a field. */
    private static String refusal(String field, String typed) {
        try {
            Lease.hours(field, typed);
        } catch (Problem p) {
            return p.getMessage();
        }
        throw new AssertionError("the lease rule accepted " + typed);
    }

    private static Map<String, String> checkout(String days, String leaseHours) {
        return Map.of(
                "site",
                "TFA",
                "coder",
                "coder-tfa",
                "days",
                days,
                "lease_hours",
                leaseHours,
                "passphrase",
                PASS.value());
    }

    @Test
    void the_conflict_queue_shows_both_values_and_the_coordinator_keeps_one() throws Exception {
        Coding coding = fx.server.context().coding();
        Account coder = fx.server.context().accounts().list().stream()
                .filter(a -> a.name().equals("coder-tfa"))
                .findFirst()
                .orElseThrow();
        String caseId = coding.start(coder, "TFA", Long.toString(fx.drawId), "TFA-R1");
        long root = coding.open(coder, caseId, 1).sheet().root().id();
        coding.save(coder, root, Map.of("NARRATIVE", "before"), null);
        Path pkg = dir.resolve("a.tfpkg");
        try (Transactions tx = Transactions.open(fx.study, 2)) {
            Field field = new Field(tx);
            field.checkout("coord-tfa", "TFA", "coder-tfa", null, pkg, PASS);
            try (FieldSession laptop =
                            FieldSession.open(pkg, PASS, url(PostgresExtension.freshDatabase()), Clock.systemUTC());
                    Transactions ltx = Transactions.open(laptop.study(), 2)) {
                new Coding(ltx).save(coder, root, Map.of("NARRATIVE", "laptop value"), null);
                laptop.sync();
            }
            coding.save(coder, root, Map.of("NARRATIVE", "office value"), null);
            assertThat(field.checkin("coord-tfa", pkg, PASS).conflicts()).isEqualTo(1);
        }
        Browser coord = fx.as("coord-tfa");
        String page = coord.get("/field").body();
        assertThat(page).contains("laptop value").contains("office value").contains("before");
        assertThat(fx.as("coord-tfb").get("/field").body()).doesNotContain("laptop value");
        coord.remember(page);
        String id = page.replaceAll("(?s).*name=\"conflict\" value=\"(\\d+)\".*", "$1");
        HttpResponse<String> res = coord.post("/field/resolve", Map.of("conflict", id, "keep", "field"));
        assertThat(res.statusCode()).isEqualTo(303);
        assertThat(coding.open(coder, caseId, 1).sheet().root().value("NARRATIVE"))
                .isEqualTo("laptop value");
        assertThat(coord.get("/field").body()).contains("No open conflicts").contains("office value");
    }

    private static String url(ConnectionSettings db) {
        StringBuilder u = new StringBuilder(db.jdbcUrl()).append(db.jdbcUrl().contains("?") ? '&' : '?');
        u.append("user=").append(URLEncoder.encode(db.user(), StandardCharsets.UTF_8));
        if (db.password() != null)
            u.append("&password=").append(URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        return u.toString();
    }
}

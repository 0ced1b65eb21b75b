package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.field.Field;
import org.tfeval.study.field.FieldSession;
import org.tfeval.study.transaction.Transactions;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 15 end to end in headless Chromium: a coordinator checks out a package, the coder codes a
 * case on the laptop's coding screens (served from the package only), the laptop stops, the
 * package is checked in, and the study holds what the coder keyed. Fails when Chromium is missing
 * (set TFEVAL_SKIP_EXTERNAL=1 to skip instead).
 */
@ExtendWith(PostgresExtension.class)
class FieldBrowserTest {
    static final Passphrase PASS = Passphrase.field("laptop passphrase 2026");

    @TempDir
    Path dir;

    private WebFixture fx;
    private Transactions tx;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start(ConnectionSettings db) {
        BrowserTest.requireChromium();
        fx = new WebFixture(db);
        tx = Transactions.open(fx.study, 2);
        driver = BrowserTest.headlessChromium();
        wait = new WebDriverWait(driver, BrowserTest.WAIT);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.quit();
        if (tx != null) tx.close();
        if (fx != null) fx.close();
    }

    private void settle() {
        new CodingPage(driver, wait).settle();
    }

    private long lastRecordId() {
        return new CodingPage(driver, wait).lastRecordId();
    }

    private void fill(long record, Map<String, String> values) {
        new CodingPage(driver, wait).fill(record, values);
    }

    @Test
    void a_case_coded_offline_on_the_laptop_is_in_the_study_after_check_in() throws Exception {
        Path pkg = dir.resolve("tfa.tfpkg");
        new Field(tx).checkout("coord-tfa", "TFA", "coder-tfa", null, pkg, PASS);

        try (FieldSession laptop =
                        FieldSession.open(pkg, PASS, url(PostgresExtension.freshDatabase()), Clock.systemUTC());
                WebServer server = WebServer.start(
                        laptop.study(),
                        WebServer.Settings.defaults().withPort(0).withHasher(WebFixture.CHEAP),
                        laptop::sync)) {
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
            driver.get(server.uri().resolve("/login").toString());
            driver.findElement(By.id("name")).sendKeys("coder-tfa");
            driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
            driver.findElement(By.cssSelector("form.login button")).click();
            wait.until(ExpectedConditions.titleContains("Progress"));
            driver.get(server.uri().resolve("/tf/TFA").toString());
            assertThat(driver.getPageSource()).as("nothing of other sites").doesNotContain("TFB-R1");
            driver.findElement(By.cssSelector("button[data-start='TFA-R1']")).click();
            wait.until(ExpectedConditions.titleContains("Case TFA-C0001"));
            fill(lastRecordId(), fx.valid("case", Map.of("N_AGENCIES", "4", "NARRATIVE", "keyed on the laptop")));
            assertThat(laptop.batches()).as("every save went into the package").isGreaterThan(1);
        }
        assertThat(new String(Files.readAllBytes(pkg), StandardCharsets.ISO_8859_1))
                .as("encrypted at rest")
                .doesNotContain("keyed on the laptop")
                .doesNotContain("TFA-R1");

        Field.Checkin in = new Field(tx).checkin("coord-tfa", pkg, PASS);
        assertThat(in.conflicts()).isZero();
        try (Connection c = fx.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT cells->>'N_AGENCIES', cells->>'NARRATIVE' FROM coding_record r"
                        + " JOIN coding_case k USING (case_id) WHERE k.case_ref = 'TFA-R1' AND r.parent_id IS NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getString(2))).containsExactly("4", "keyed on the laptop");
        }
        // the fixture inserts its task forces by SQL (no audited change); everything else must replay
        assertThat(fx.study.verifyAudit().problems())
                .filteredOn(p -> !p.startsWith("task_force "))
                .isEmpty();
    }

    private static String url(ConnectionSettings db) {
        StringBuilder u = new StringBuilder(db.jdbcUrl()).append(db.jdbcUrl().contains("?") ? '&' : '?');
        u.append("user=").append(URLEncoder.encode(db.user(), StandardCharsets.UTF_8));
        if (db.password() != null)
            u.append("&password=").append(URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        return u.toString();
    }
}

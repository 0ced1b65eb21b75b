package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/**
 * The data steward in Debian's headless Chromium: records an application with its signed agreement,
 * approves it, issues a restricted package, finds it in the transfer log, records the destruction
 * certificate; a coder is refused every steward screen. Fails when Chromium is missing (set
 * TFEVAL_SKIP_EXTERNAL=1 to skip instead).
 */
@ExtendWith(PostgresExtension.class)
class AccessBrowserTest {
    private WebFixture fx;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start(ConnectionSettings db) {
        BrowserTest.requireChromium();
        fx = new WebFixture(db);
        driver = BrowserTest.headlessChromium();
        wait = new WebDriverWait(driver, BrowserTest.WAIT);
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.quit();
        if (fx != null) fx.close();
    }

    private String url(String path) {
        return fx.server.uri().resolve(path).toString();
    }

    private void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Date inputs take their value the way a person types it in Chromium's en-US picker. */
    private void date(String id, String iso) {
        String[] p = iso.split("-");
        driver.findElement(By.id(id)).sendKeys(p[1] + p[2] + p[0]);
    }

    @Test
    void a_steward_records_approves_issues_and_closes_an_access_and_a_coder_reaches_none_of_it() throws Exception {
        Study s = fx.study;
        Path data = Files.createTempDirectory("tfeval-access-data-");
        StudyGenerator.defaults()
                .withCases(12)
                .withSites(2)
                .withErrors(false)
                .generate(s.instrument(), data, org.tfeval.synth.ProgressListener.none());
        assertThat(s.importForms(data, "test", "test data", ProgressListener.NONE, r -> {}))
                .isTrue();
        s.freeze(new Study.Freeze("test", true, "t"), ProgressListener.NONE);
        Path agreement = Files.writeString(data.resolve("agreement.pdf"), "signed");
        Path certificate = Files.writeString(data.resolve("certificate.pdf"), "destroyed");

        driver.get(url("/login"));
        driver.findElement(By.id("name")).sendKeys("steward");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.cssSelector("form.login button")).click();
        wait.until(ExpectedConditions.titleContains("Progress"));
        driver.findElement(By.linkText("Restricted access")).click();
        wait.until(ExpectedConditions.titleContains("Restricted access"));
        driver.findElement(By.linkText("Record a new application")).click();
        wait.until(ExpectedConditions.titleContains("New access application"));

        type("applicant", "Ada Analyst");
        type("email", "ada@example.org");
        type("institution", "University A");
        type("purpose", "Secondary analysis of case outcomes");
        new Select(driver.findElement(By.id("irbKind"))).selectByValue("approval");
        type("irbReference", "IRB-7");
        date("irbDate", "2026-01-10");
        date("irbExpires", "2036-01-09");
        type("securityPlan", "Encrypted laptop; only the applicant opens the files");
        driver.findElement(By.id("agreement")).sendKeys(agreement.toString());
        date("agreementSigned", "2026-01-12");
        driver.findElement(By.cssSelector("form.access-application button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), "application is recorded"));
        assertThat(driver.findElement(By.id("state")).getText()).contains("submitted");
        String detail = driver.getCurrentUrl();

        new Select(driver.findElement(By.id("decision"))).selectByValue("approve");
        type("reason", "complete application, IRB approval on file");
        driver.findElement(By.cssSelector("form.access-decide button")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "decision is recorded"));
        assertThat(driver.findElement(By.id("state")).getText()).contains("active");

        driver.findElement(By.cssSelector("form.access-issue button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "issued"));
        List<WebElement> issues = driver.findElements(By.cssSelector("#issues tbody tr"));
        assertThat(issues).hasSize(1);
        String issueId = issues.get(0).findElement(By.tagName("td")).getText();
        assertThat(issueId).startsWith("ISS-");

        driver.get(url("/access"));
        assertThat(driver.findElement(By.id("transfers")).getText())
                .contains(issueId)
                .contains("Ada Analyst");

        driver.get(detail);
        driver.findElement(By.id("certificate")).sendKeys(certificate.toString());
        date("destroyed", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        type("certifiedBy", "Ada Analyst");
        driver.findElement(By.cssSelector("form.access-destroy button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "access is closed"));
        assertThat(driver.findElement(By.id("state")).getText()).contains("closed");
        assertThat(driver.findElements(By.cssSelector("form.access-issue"))).isEmpty();

        // a coder reaches no steward screen and changes nothing
        Browser coder = fx.as("coder-tfa");
        for (String path : List.of("/access", "/access/new", "/access/1")) {
            assertThat(coder.get(path).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> post = coder.post("/access/1/decide", Map.of("decision", "approve", "reason", "x"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(coder.get("/").body()).doesNotContain("Restricted access");
        Browser admin = fx.as("admin");
        assertThat(admin.get("/access").statusCode())
                .as("administrators manage accounts, not access")
                .isEqualTo(403);
    }
}

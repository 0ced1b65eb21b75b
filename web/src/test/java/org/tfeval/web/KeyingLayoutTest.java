package org.tfeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.testkit.PostgresExtension;
import org.tfeval.web.keying.HeadlessChromium;
import org.tfeval.web.keying.Keyer;
import org.tfeval.web.keying.PaperCase;

/**
 * The coding form laid out for keying from paper (issue 15), in headless Chromium: one tab stop per
 * field, missing codes by key, the "fields left" counter under skip logic, a whole case keyed by
 * keyboard equal to the same case imported from CSV, and saving without scripts. Fails when Chromium
 * is missing (set TFEVAL_SKIP_EXTERNAL=1 to skip instead).
 */
@ExtendWith(PostgresExtension.class)
class KeyingLayoutTest {
    /** Longest wait for a page or a save. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final String ACTIVE = "var a = document.activeElement;"
            + " return [a.tagName, a.type || '', a.name || '', a.form ? a.form.id : ''];";

    private WebFixture fx;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void start(ConnectionSettings db) {
        fx = new WebFixture(db);
        if (!HeadlessChromium.present()) {
            Assumptions.assumeFalse(
                    "1".equals(System.getenv("TFEVAL_SKIP_EXTERNAL")),
                    "Chromium is missing and TFEVAL_SKIP_EXTERNAL=1");
            Assertions.fail("Chromium and its driver are needed at " + HeadlessChromium.CHROMIUM + " and "
                    + HeadlessChromium.CHROMEDRIVER + ", or set TFEVAL_SKIP_EXTERNAL=1");
        }
        driver = HeadlessChromium.start(HeadlessChromium.CHROMIUM, HeadlessChromium.CHROMEDRIVER);
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.quit();
        if (fx != null) fx.close();
    }

    private String url(String path) {
        return fx.server.uri().resolve(path).toString();
    }

    /** Signs in as TFA's coder and starts coding the first sampled case; returns the case record's id. */
    private long openNewCase() {
        driver.get(url("/login"));
        driver.findElement(By.id("name")).sendKeys("coder-tfa");
        driver.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        driver.findElement(By.cssSelector("form.login button")).click();
        wait.until(ExpectedConditions.titleContains("Progress"));
        driver.get(url("/tf/TFA"));
        driver.findElement(By.cssSelector("button[data-start='TFA-R1']")).click();
        wait.until(ExpectedConditions.titleContains("Case TFA-C0001"));
        String id =
                driver.findElements(By.cssSelector("form.record-form")).get(0).getAttribute("id");
        return Long.parseLong(id.substring("form-".length()));
    }

    private List<?> active() {
        return (List<?>) js(ACTIVE);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void keys(CharSequence... keys) {
        for (CharSequence k : keys) new Actions(driver).sendKeys(k).perform();
        idle();
    }

    private void idle() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return document.querySelector('.htmx-request, [data-advancing]') === null"));
    }

    private void focus(long record, String variable) {
        js("document.querySelector('#form-" + record + " [name=\"" + variable + "\"]').focus()");
    }

    private List<String> entered(String form) {
        var coding = fx.server.context().coding();
        return coding.enteredVariables(coding.instrument().form(form)).stream()
                .map(Variable::name)
                .toList();
    }

    /** Waits for the record's save to answer, then loads the page again. */
    private void savedThenReloaded(long record) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-" + record), "Saved"));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.titleContains("Case TFA-C0001"));
    }

    private long left() {
        return Long.parseLong(driver.findElement(By.id("left-total")).getText().strip());
    }

    @Test
    void each_field_of_a_record_is_one_tab_stop_in_form_order_and_a_yes_no_row_is_one() {
        long record = openNewCase();
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<?> a = active();
            if (!("form-" + record).equals(a.get(3))) break;
            stops.add((String) a.get(2));
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(stops)
                .as(
                        "the page lands on the first field, and Tab visits every field once, in form order, nothing between")
                .containsExactlyElementsOf(entered("case"));
        assertThat(driver.findElements(By.cssSelector("#form-" + record + " input[type=radio][name='EVID_PHONE']")))
                .as("a yes/no item is a row of radio buttons: its codes and its missing codes")
                .extracting(e -> e.getAttribute("value"))
                .containsExactly("0", "1", "-9", "-8");
        assertThat(driver.findElements(By.cssSelector("#form-" + record + " .part h4")))
                .extracting(WebElement::getText)
                .as("the instrument's sections are the headings")
                .contains("Evidence in the file", "Agencies involved", "Investigation outcome");
    }

    @Test
    void minus_and_a_digit_set_the_missing_code_saves_it_and_moves_on() {
        long record = openNewCase();
        focus(record, "EVID_PHONE");
        keys("-", "9");
        assertThat(active().get(2)).as("the cursor moved on").isEqualTo("EVID_ONLINE_ADS");
        focus(record, "LOCATION");
        keys("-", "8");
        assertThat(active().get(2)).isEqualTo("EVID_VICTIM_STMT");
        focus(record, "N_AGENCIES");
        keys("-", "9");
        assertThat(active().get(2)).isEqualTo("INV_OUTCOME");
        idle();

        driver.navigate().refresh();
        wait.until(ExpectedConditions.titleContains("Case TFA-C0001"));
        assertThat(driver.findElement(By.cssSelector("#form-" + record + " input[name='EVID_PHONE'][value='-9']"))
                        .isSelected())
                .as("saved: the yes/no row holds -9 after a reload")
                .isTrue();
        assertThat(driver.findElement(By.id("i-" + record + "-LOCATION")).getAttribute("value"))
                .isEqualTo("-8");
        assertThat(driver.findElement(By.id("i-" + record + "-N_AGENCIES")).getAttribute("value"))
                .isEqualTo("-9");
    }

    @Test
    void the_fields_left_counter_counts_down_and_follows_skip_logic() {
        long record = openNewCase();
        var coding = fx.server.context().coding();
        long required = coding.enteredVariables(coding.instrument().form("case")).stream()
                .filter(Variable::required)
                .count();
        long start = left();
        assertThat(start).as("every required field of the new case is left").isEqualTo(required);

        focus(record, "HT_TYPE");
        keys("2"); // labor trafficking: the sex-trafficking subtype no longer applies
        wait.until(d -> left() == start - 2);
        WebElement subtype = driver.findElement(By.id("i-" + record + "-SEX_SUBTYPE"));
        assertThat(List.of(subtype.isEnabled(), subtype.isDisplayed())).containsExactly(false, false);

        focus(record, "INV_OUTCOME");
        keys("2"); // no arrest: the prosecution venue no longer applies
        wait.until(d -> left() == start - 4);

        focus(record, "INV_OUTCOME");
        keys("1"); // an arrest: the venue applies again and is left to fill
        wait.until(d -> left() == start - 3);
        assertThat(driver.findElement(By.cssSelector("[data-left-record='" + record + "']"))
                        .getText())
                .isEqualTo((start - 3) + " left");
    }

    @Test
    void adding_a_record_brings_its_form_in_without_a_page_load_with_the_cursor_in_its_first_field() {
        long record = openNewCase();
        js("window.samePage = true; return 0;");
        focus(record, "HT_TYPE");
        keys("1");
        long leftBefore = left();
        new Actions(driver).sendKeys(Keys.TAB).perform(); // a typed value is on its way
        String before = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("form[action='/records/" + record + "/add/victim'] button"))
                .click();
        wait.until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("#rec-"));
        assertThat(js("return window.samePage === true")).as("no page load").isEqualTo(true);
        String url = driver.getCurrentUrl();
        long victim = Long.parseLong(url.substring(url.indexOf("#rec-") + "#rec-".length()));
        assertThat(active().get(3)).as("the cursor is in the new record").isEqualTo("form-" + victim);
        assertThat(driver.findElement(By.id("notice")).getText()).startsWith("Record added");
        assertThat(driver.findElement(By.id("grp-" + record + "-victim")).getText())
                .endsWith(": 1");
        assertThat(driver.findElements(By.cssSelector("#case-nav [data-left-record='" + victim + "']")))
                .as("the side index lists the new record")
                .hasSize(1);
        wait.until(d -> left() > leftBefore);
        // the derived count on the case record follows without a reload
        assertThat(driver.findElement(By.id("f-" + record + "-N_VICTIMS")).getText())
                .contains("1");
        // the new record saves like any other
        focus(victim, "V_AGE");
        keys("17");
        savedThenReloaded(victim);
        assertThat(driver.findElement(By.id("i-" + victim + "-V_AGE")).getAttribute("value"))
                .isEqualTo("17");
    }

    @Test
    void skip_logic_shows_and_hides_fields_in_the_browser_before_any_save_answers_and_the_server_agrees() {
        long record = openNewCase();
        // hold every save back: what changes now is the browser's own doing
        js("window.heldSaves = 0; document.body.addEventListener('htmx:beforeRequest', function (e) {"
                + " window.heldSaves++; if (window.holdSaves) e.preventDefault(); }); window.holdSaves = true;"
                + " document.body.addEventListener('htmx:configRequest', function (e) { var d = e.detail;"
                + " window.sentNa = d.formData ? d.formData.get('_na') : d.parameters['_na']; }); return 0;");
        focus(record, "HT_TYPE");
        new Actions(driver).sendKeys("2").perform(); // labor: the sex subtype goes, the labor industry comes
        List<?> state = (List<?>) js("var s = document.getElementById('f-" + record + "-SEX_SUBTYPE');"
                + " var l = document.getElementById('i-" + record + "-LABOR_INDUSTRY');"
                + " return [s.classList.contains('na'), l.disabled, document.activeElement === l,"
                + " document.querySelector('#form-" + record + " input[name=_na]').value, window.heldSaves];");
        assertThat(List.<Object>copyOf(state.subList(0, 4)))
                .as("sex subtype hidden, labor industry enabled and the cursor in it, the form says what it hid")
                .containsExactly(true, false, true, "SEX_SUBTYPE");
        assertThat(((Number) state.get(4)).intValue())
                .as("a save was attempted and held back")
                .isPositive();
        assertThat(js("return window.sentNa"))
                .as("the save names the fields as the browser shows them after the key, not before")
                .isEqualTo("SEX_SUBTYPE");
        // the labor industry is now one tab stop: typing its code moves on, no save has answered yet
        new Actions(driver).sendKeys("4").perform();
        assertThat(js("return document.getElementById('i-" + record + "-LABOR_INDUSTRY').value"))
                .isEqualTo("4");

        // let the saves through: the server's answer swaps no field the browser already shows right
        js("window.holdSaves = false; window.fieldsBefore = Array.prototype.slice.call("
                + "document.querySelectorAll('#form-" + record + " .field'));"
                + " htmx.trigger('#form-" + record + "', 'change'); return 0;");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-" + record), "Saved"));
        idle();
        assertThat(((Number) js("return window.fieldsBefore.filter(function (f) { return !f.isConnected; }).length"))
                        .intValue())
                .as("fields swapped by the server's answer")
                .isZero();
        driver.navigate().refresh();
        wait.until(ExpectedConditions.titleContains("Case TFA-C0001"));
        assertThat(driver.findElement(By.id("f-" + record + "-SEX_SUBTYPE")).getAttribute("class"))
                .contains("na");
        assertThat(driver.findElement(By.id("i-" + record + "-LABOR_INDUSTRY")).getAttribute("value"))
                .isEqualTo("4");

        // skipped, saved and the page loaded again: the hidden control keeps what was typed, as the
        // server does, so the value comes back when the field applies again
        focus(record, "HT_TYPE");
        keys("1");
        savedThenReloaded(record);
        assertThat(driver.findElement(By.id("f-" + record + "-LABOR_INDUSTRY")).getAttribute("class"))
                .contains("na");
        focus(record, "HT_TYPE");
        keys("2");
        WebElement labor = driver.findElement(By.id("i-" + record + "-LABOR_INDUSTRY"));
        assertThat(List.of(labor.isEnabled(), labor.getAttribute("value"))).containsExactly(true, "4");
        var coder = fx.server.context().accounts().list().stream()
                .filter(a -> a.name().equals("coder-tfa"))
                .findFirst()
                .orElseThrow();
        assertThat(fx.server
                        .context()
                        .coding()
                        .open(coder, "TFA-C0001", 1)
                        .sheet()
                        .root()
                        .value("LABOR_INDUSTRY"))
                .as("the server shows the same value again")
                .isEqualTo("4");
    }

    @Test
    void alt_and_a_letter_jumps_to_each_sub_form_and_alt_page_down_and_up_step_between_records() {
        long record = openNewCase();
        for (String form : List.of("victim", "suspect")) {
            WebElement add = driver.findElement(
                    By.cssSelector("form[action='/records/" + record + "/add/" + form + "'] button"));
            String before = driver.getCurrentUrl();
            add.click();
            // the record comes in without a page load: the address names it once the cursor is in it
            wait.until(
                    d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("#rec-"));
        }
        driver.get(url("/cases/TFA-C0001"));
        wait.until(ExpectedConditions.titleContains("Case TFA-C0001"));
        List<String> forms = driver.findElements(By.cssSelector("form.record-form")).stream()
                .map(f -> f.getAttribute("id"))
                .toList();
        assertThat(forms).hasSize(3);
        List<WebElement> links = driver.findElements(By.cssSelector(".case-index a[accesskey]"));
        assertThat(links)
                .extracting(a -> a.getAttribute("accesskey"))
                .hasSize(3)
                .doesNotHaveDuplicates();

        for (int i = links.size() - 1; i >= 0; i--) {
            String key = links.get(i).getAttribute("accesskey");
            String target = "form-" + links.get(i).getAttribute("href").replaceAll(".*#rec-", "");
            new Actions(driver).keyDown(Keys.ALT).sendKeys(key).keyUp(Keys.ALT).perform();
            wait.until(d -> target.equals(active().get(3)));
            assertThat(active().get(0))
                    .as("Alt+" + key + " puts the cursor in a field")
                    .isIn("INPUT", "SELECT");
        }
        assertThat(active().get(3)).isEqualTo(forms.get(0));
        for (int i = 1; i < forms.size(); i++) {
            new Actions(driver)
                    .keyDown(Keys.ALT)
                    .sendKeys(Keys.PAGE_DOWN)
                    .keyUp(Keys.ALT)
                    .perform();
            String next = forms.get(i);
            wait.until(d -> next.equals(active().get(3)));
        }
        new Actions(driver)
                .keyDown(Keys.ALT)
                .sendKeys(Keys.PAGE_UP)
                .keyUp(Keys.ALT)
                .perform();
        wait.until(d -> forms.get(1).equals(active().get(3)));
    }

    @Test
    void a_case_keyed_through_the_form_equals_the_same_case_imported_from_csv(@TempDir Path tmp) throws Exception {
        openNewCase();
        PaperCase paper = PaperCase.typical();
        Keyer.Tally tally = new Keyer(
                        driver,
                        WAIT,
                        Keyer.controllers(fx.server.context().coding().instrument()))
                .keyCase(paper);
        assertThat(tally.pointer()).as("keyed with the keyboard only").isZero();
        driver.findElement(By.id("mark-complete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "marked complete"));

        ConnectionSettings otherDb = PostgresExtension.freshDatabase();
        Path csv = tmp.resolve("paper");
        PaperCase.writeCsv(csv);
        try (Study imported =
                TestStudies.open(tmp.resolve("imported"), otherDb, InstrumentLoader.builtInSource("ecm"))) {
            try (Connection c = otherDb.connect();
                    Statement st = c.createStatement()) {
                st.execute("INSERT INTO " + WebFixture.SCHEMA + ".d_task_force (tf_id) VALUES ('TFA')");
            }
            for (String form : PaperCase.FORMS) {
                var r = imported.importFile(form, csv.resolve(form + ".csv"), "test", "paper", ProgressListener.NONE);
                assertThat(r.stored())
                        .as(form + " imports: "
                                + r.violations().stream()
                                        .map(v -> v.code() + " " + v.variable())
                                        .toList())
                        .isTrue();
            }
            for (String form : PaperCase.FORMS) {
                fx.study.exportCsv(form, tmp.resolve("keyed-" + form + ".csv"));
                imported.exportCsv(form, tmp.resolve("imported-" + form + ".csv"));
                assertThat(read(tmp.resolve("keyed-" + form + ".csv")))
                        .as(form + ": keyed equals imported")
                        .isEqualTo(read(tmp.resolve("imported-" + form + ".csv")));
            }
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void without_scripts_the_record_form_posts_and_the_page_comes_back_with_the_value() {
        Browser b = fx.as("coder-tfa");
        HttpResponse<String> started =
                b.post("/tf/TFA/start", Map.of("draw", Long.toString(fx.drawId), "ref", "TFA-R1"));
        assertThat(started.statusCode()).isEqualTo(303);
        String casePath = started.headers().firstValue("Location").orElseThrow();
        String page = b.get(casePath).body();
        Matcher form = Pattern.compile(
                        "<form id=\"form-(\\d+)\" class=\"record-form\" method=\"post\" action=\"/records/(\\d+)\"")
                .matcher(page);
        assertThat(form.find()).as("the record form posts without scripts").isTrue();
        String record = form.group(1);
        assertThat(page).contains("<noscript>");

        HttpResponse<String> saved = b.post("/records/" + record, Map.of("N_AGENCIES", "3", "_version", "0"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow())
                .contains("notice=saved")
                .endsWith("#rec-" + record);
        assertThat(b.get(casePath).body())
                .containsPattern("id=\"i-" + record + "-N_AGENCIES\" name=\"N_AGENCIES\" value=\"3\"");
    }
}

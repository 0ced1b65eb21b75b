package org.tfeval.web.keying;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Variable;

/**
 * Keys a {@link PaperCase} into the coding form of a case page with the keyboard only, as a coder
 * reading the paper does, and counts what it took: every key pressed (Tab to reach a field or a
 * button, the characters of a value, arrows to correct a drop-down, Enter to add a record) and every
 * pointer action it had to fall back to (a field Tab does not reach within {@link #MAX_TABS}).
 *
 * <p>It knows nothing of either layout beyond the form's contract: a record's form is
 * {@code form#form-<record id>}, a field's control has the variable's name, a not-applicable field
 * has no control, and the add buttons carry {@code data-add}. A value is typed as the paper shows it,
 * except a date in a field marked {@code data-date}, which takes the digits only.
 */
public final class Keyer {
    /** Tab presses after which the keyer gives up on the keyboard and clicks the field. */
    public static final int MAX_TABS = 400;
    /** How often a wait looks again (a save takes tens of milliseconds). */
    static final Duration POLL = Duration.ofMillis(15);

    private static final String ACTIVE = "var a = document.activeElement;"
            + " return [a.tagName, a.type || '', a.name || '', a.form ? a.form.id : '', a.getAttribute('data-add') || ''];";
    private static final String IDLE = "return document.querySelector('.htmx-request, [data-advancing]') === null";

    /** A variable named in REDCap branching logic: {@code [S_ARRESTED]}. */
    private static final Pattern REFERENCE = Pattern.compile("\\[([A-Za-z][A-Za-z0-9_]*)\\]");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Set<String> controllers;
    private int keys;
    private int pointer;

    /**
     * A keyer for a form whose skip logic depends on {@code controllers} (after entering one of them
     * it waits for the save, which may show or hide fields; see {@link #controllers(Instrument)}).
     */
    public Keyer(WebDriver driver, Duration patience, Set<String> controllers) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.controllers = Set.copyOf(controllers);
        this.wait = new WebDriverWait(driver, patience);
        this.wait.ignoring(org.openqa.selenium.WebDriverException.class);
        this.wait.pollingEvery(POLL);
    }

    /**
     * What keying took.
     *
     * @param keys    keys pressed
     * @param pointer pointer actions (clicks) the keyboard could not replace
     * @param elapsed wall-clock time of the scripted run, server round trips included
     */
    public record Tally(int keys, int pointer, Duration elapsed) {}

    /** The variables some variable's skip logic ({@code applies_when}) refers to. */
    public static Set<String> controllers(Instrument instrument) {
        Set<String> out = new HashSet<>();
        for (Form f : instrument.forms()) {
            for (Variable v : f.variables()) {
                if (v.appliesWhen() == null) continue;
                Matcher m = REFERENCE.matcher(v.appliesWhen().source());
                while (m.find()) out.add(m.group(1));
            }
        }
        return out;
    }

    /** Keys the whole paper case into the case page now shown; returns the tally. */
    public Tally keyCase(PaperCase paper) {
        long start = System.nanoTime();
        keys = 0;
        pointer = 0;
        keyRecord(recordOf("case"), paper.of("case").get(0));
        for (Map<String, String> v : paper.of("victim")) keyRecord(add("victim"), v);
        for (Map<String, String> s : paper.of("suspect")) {
            keyRecord(add("suspect"), s);
        }
        for (Map<String, String> o : paper.of("offense")) keyRecord(add("offense"), o);
        idle();
        return new Tally(keys, pointer, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The record id of the first record of a form on the page. */
    private long recordOf(String form) {
        WebElement section =
                driver.findElements(By.cssSelector("form.record-form")).get(0);
        return Long.parseLong(section.getAttribute("id").substring("form-".length()));
    }

    /** Keys one record's row: every field that has a control, in the row's (the paper's) order. */
    public void keyRecord(long record, Map<String, String> row) {
        String formId = "form-" + record;
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String variable = cell.getKey();
            String value = cell.getValue();
            // one script: the fields around it may be swapped by a save at any moment
            List<?> seen = (List<?>) js(
                    "var f = document.getElementById(arguments[0]);"
                            + " var n = f ? f.querySelectorAll('[name=\"' + arguments[1] + '\"]:not([type=hidden])').length : 0;"
                            + " var w = document.getElementById(arguments[2]); return [n, w ? w.className : ''];",
                    formId,
                    variable,
                    "f-" + record + "-" + variable);
            if (((Number) seen.get(0)).intValue() == 0) {
                if (String.valueOf(seen.get(1)).contains("na") && !value.equals("-7"))
                    throw new IllegalStateException(
                            variable + " is not applicable in the form, but the paper has a value for it");
                continue; // a key, a link, an inherited or derived value, or skipped by skip logic
            }
            List<WebElement> controls =
                    driver.findElements(By.cssSelector("#" + formId + " [name='" + variable + "']:not([type=hidden])"));
            if (value.isEmpty()) continue;
            reach(formId, variable, controls.get(0));
            enter(formId, variable, value, controls);
            // a value other fields' skip logic depends on changes the form: wait for it, as a coder looks up
            if (controllers.contains(variable)) idle();
        }
    }

    /** Presses Tab until the field has the focus; clicks it when Tab does not get there. */
    private void reach(String formId, String variable, WebElement control) {
        for (int i = 0; i < MAX_TABS; i++) {
            List<?> a = (List<?>) js(ACTIVE);
            if (variable.equals(a.get(2)) && formId.equals(a.get(3))) return;
            press(Keys.TAB);
        }
        control.click();
        pointer++;
    }

    private void enter(String formId, String variable, String value, List<WebElement> controls) {
        WebElement first = controls.get(0);
        String tag = first.getTagName();
        String type = String.valueOf(first.getAttribute("type"));
        if (tag.equals("select")) {
            type(value);
            WebElement select = driver.findElement(By.cssSelector("#" + formId + " select[name='" + variable + "']"));
            List<?> state = (List<?>) ((JavascriptExecutor) driver)
                    .executeScript(
                            "var s = arguments[0]; return [Array.prototype.map.call(s.options, function (o) {"
                                    + " return o.value; }), s.value, document.activeElement === s];",
                            select);
            List<?> values = (List<?>) state.get(0);
            int want = values.indexOf(value);
            if (want < 0) throw new IllegalStateException(variable + " has no option for the paper's value");
            int now = values.indexOf(state.get(1));
            if (now != want) {
                if (Boolean.TRUE.equals(state.get(2))) {
                    Keys arrow = now < want ? Keys.ARROW_DOWN : Keys.ARROW_UP;
                    for (int i = 0; i < Math.abs(want - now); i++) press(arrow);
                } else {
                    new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
                    pointer++;
                }
            }
        } else if (type.equals("radio")) {
            type(value);
            if (!value.equals(checked(formId, variable))) {
                WebElement radio = controls.stream()
                        .filter(c -> value.equals(c.getAttribute("value")))
                        .findFirst()
                        .orElse(null);
                if (radio == null) {
                    // a missing code on a yes/no row: the shortcut is the only way, and it did not work
                    throw new IllegalStateException(variable + ": the missing-code shortcut did not set the value");
                }
                radio.click();
                pointer++;
            }
        } else {
            boolean date = first.getAttribute("data-date") != null && value.matches("\\d{4}-\\d{2}-\\d{2}");
            type(date ? value.replace("-", "") : value);
            String got = first.getAttribute("value");
            if (!value.equals(got))
                throw new IllegalStateException(variable + ": typed the paper's value but the field differs");
        }
    }

    private String checked(String formId, String variable) {
        List<WebElement> on = driver.findElements(
                By.cssSelector("#" + formId + " input[type=radio][name='" + variable + "']:checked"));
        if (!on.isEmpty()) return on.get(0).getAttribute("value");
        List<WebElement> set = driver.findElements(By.cssSelector("#" + formId + " [data-variable='" + variable
                + "'] .missing button.on, #f-" + formId.substring("form-".length()) + "-" + variable
                + " .missing button.on"));
        return set.isEmpty() ? null : set.get(0).getText().strip();
    }

    /** Tabs to the form's add button (the first on the page) and presses Enter; returns the new record. */
    private long add(String form) {
        idle();
        WebElement button = driver.findElements(By.cssSelector("button[data-add='" + form + "']"))
                .get(0);
        boolean reached = false;
        for (int i = 0; i < MAX_TABS && !reached; i++) {
            List<?> a = (List<?>) js(ACTIVE);
            if (form.equals(a.get(4))) reached = true;
            else press(Keys.TAB);
        }
        String before = driver.getCurrentUrl();
        if (reached) press(Keys.ENTER);
        else {
            button.click();
            pointer++;
        }
        wait.until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("#rec-"));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.indexOf("#rec-") + "#rec-".length()));
    }

    /** Types the characters one after another (one key each). */
    private void type(String text) {
        new Actions(driver).sendKeys(text).perform();
        keys += text.length();
    }

    private void press(Keys key) {
        new Actions(driver).sendKeys(key).perform();
        keys++;
    }

    /** Waits until no save is in flight. */
    private void idle() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(IDLE));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}

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
    private static final String SETTLED = "return document.querySelector("
            + "'[data-advancing], form.htmx-request:not([data-skip-logic=browser])') === null";

    /** A variable named in REDCap branching logic: {@code [S_ARRESTED]}. */
    private static final Pattern REFERENCE = Pattern.compile("\\[([A-Za-z][A-Za-z0-9_]*)\\]");

    /**
     * How fast the scripted coder presses keys: as fast as the browser takes them, or at a skilled
     * typist's pace ({@link #TYPIST_KEY}), so that what the form makes a coder wait for (a save
     * before the cursor moves on, a page reload) adds to the clock as it would for a person.
     */
    public enum Pace {
        MACHINE,
        TYPIST
    }

    /** K of the keystroke-level model, an average skilled typist (55 words a minute). */
    public static final Duration TYPIST_KEY = Duration.ofMillis(280);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Set<String> controllers;
    private final Pace pace;
    private int keys;
    private int pointer;
    private long lastKey;
    private long readyAt;
    private long slipNanos;

    /**
     * A keyer for a form whose skip logic depends on {@code controllers} (after entering one of them
     * it waits for the save, which may show or hide fields; see {@link #controllers(Instrument)}).
     */
    public Keyer(WebDriver driver, Duration patience, Set<String> controllers) {
        this(driver, patience, controllers, Pace.MACHINE);
    }

    /** A keyer pressing keys at the given pace. */
    public Keyer(WebDriver driver, Duration patience, Set<String> controllers, Pace pace) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.pace = Objects.requireNonNull(pace, "pace");
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
     * @param waiting of it, waiting for saves after fields other fields' skip logic depends on
     * @param adding  of it, adding records (from the key press to the page with the new record)
     * @param saves   saves the form sent (requests to a record's save route)
     * @param saving  the saves' round trips added up (they overlap the coder's typing when nobody waits)
     * @param slip    at the typist's pace, how far the script itself made keys late (inspecting the page
     *                took longer than the pause between two keys); zero at machine pace
     */
    public record Tally(
            int keys,
            int pointer,
            Duration elapsed,
            Duration waiting,
            Duration adding,
            int saves,
            Duration saving,
            Duration slip) {}

    /** Saves sent since the last look, and their round trips (the browser's resource timing). */
    private static final String SAVES = "var e = performance.getEntriesByType('resource').filter(function (r) {"
            + " return r.initiatorType === 'xmlhttprequest' && /\\/records\\/\\d+$/.test(r.name); });"
            + " performance.clearResourceTimings();"
            + " return [e.length, e.reduce(function (a, r) { return a + r.duration; }, 0)];";

    private long waitingNanos;
    private long addingNanos;
    private int saves;
    private double savingMillis;

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
        waitingNanos = 0;
        addingNanos = 0;
        saves = 0;
        savingMillis = 0;
        slipNanos = 0;
        lastKey = 0;
        readyAt = 0;
        js("performance.setResourceTimingBufferSize(10000); performance.clearResourceTimings(); return 0;");
        keyRecord(recordOf("case"), paper.of("case").get(0));
        for (Map<String, String> v : paper.of("victim")) keyRecord(add("victim"), v);
        for (Map<String, String> s : paper.of("suspect")) {
            keyRecord(add("suspect"), s);
        }
        for (Map<String, String> o : paper.of("offense")) keyRecord(add("offense"), o);
        idle();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        countSaves();
        return new Tally(
                keys,
                pointer,
                elapsed,
                Duration.ofNanos(waitingNanos),
                Duration.ofNanos(addingNanos),
                saves,
                Duration.ofMillis(Math.round(savingMillis)),
                Duration.ofNanos(slipNanos));
    }

    private void countSaves() {
        List<?> r = (List<?>) js(SAVES);
        saves += ((Number) r.get(0)).intValue();
        savingMillis += ((Number) r.get(1)).doubleValue();
    }

    /** The record id of the first record of a form on the page. */
    private long recordOf(String form) {
        WebElement section =
                driver.findElements(By.cssSelector("form.record-form")).get(0);
        return Long.parseLong(section.getAttribute("id").substring("form-".length()));
    }

    /**
     * What the keyer needs to know of a field, in one script (the fields around it may be swapped by a
     * save at any moment): its enabled controls, the field's class, the first control's tag, type and
     * date mark, whether it has the focus, and for a select its options and value.
     */
    private static final String INSPECT = "var f = document.getElementById(arguments[0]);"
            + " var c = f ? f.querySelectorAll('[name=\"' + arguments[1] + '\"]:not([type=hidden]):not(:disabled)') : [];"
            + " var w = document.getElementById(arguments[2]); var a = document.activeElement; var x = c[0];"
            + " return [c.length, w ? w.className : '', x ? x.tagName.toLowerCase() : '', x ? (x.type || '') : '',"
            + " !!(x && x.hasAttribute('data-date')), !!(a && a.name === arguments[1] && a.form && a.form.id === arguments[0]),"
            + " x && x.tagName === 'SELECT' ? Array.prototype.map.call(x.options, function (o) { return o.value; }) : []];";

    /** Keys one record's row: every field that has a control, in the row's (the paper's) order. */
    public void keyRecord(long record, Map<String, String> row) {
        String formId = "form-" + record;
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String variable = cell.getKey();
            String value = cell.getValue();
            List<?> seen = (List<?>) js(INSPECT, formId, variable, "f-" + record + "-" + variable);
            if (((Number) seen.get(0)).intValue() == 0) {
                if (String.valueOf(seen.get(1)).contains("na") && !value.equals("-7"))
                    throw new IllegalStateException(
                            variable + " is not applicable in the form, but the paper has a value for it");
                continue; // a key, a link, an inherited or derived value, or skipped by skip logic
            }
            if (value.isEmpty()) continue;
            Control control = new Control(
                    formId,
                    variable,
                    String.valueOf(seen.get(2)),
                    String.valueOf(seen.get(3)),
                    Boolean.TRUE.equals(seen.get(4)),
                    ((List<?>) seen.get(6)).stream().map(String::valueOf).toList());
            if (!Boolean.TRUE.equals(seen.get(5))) reach(control);
            enter(control, value);
            // a value other fields' skip logic depends on changes the form: wait for it, as a coder looks up
            if (controllers.contains(variable)) {
                long w = System.nanoTime();
                settled();
                waitingNanos += System.nanoTime() - w;
                ready();
            }
        }
    }

    /** A field's first enabled control, as {@link #INSPECT} saw it. */
    private record Control(
            String formId, String variable, String tag, String type, boolean date, List<String> options) {
        String css() {
            return "#" + formId + " [name='" + variable + "']:not([type=hidden]):not(:disabled)";
        }
    }

    /** Presses Tab until the field has the focus; clicks it when Tab does not get there. */
    private void reach(Control control) {
        for (int i = 0; i < MAX_TABS; i++) {
            press(Keys.TAB);
            List<?> a = (List<?>) js(ACTIVE);
            if (control.variable().equals(a.get(2)) && control.formId().equals(a.get(3))) return;
        }
        driver.findElement(By.cssSelector(control.css())).click();
        pointer++;
    }

    private void enter(Control control, String value) {
        String formId = control.formId();
        String variable = control.variable();
        if (control.tag().equals("select")) {
            type(value);
            List<String> values = control.options();
            int want = values.indexOf(value);
            if (want < 0) throw new IllegalStateException(variable + " has no option for the paper's value");
            List<?> state = (List<?>) js(
                    "var s = document.querySelector(arguments[0]); return [s.value, document.activeElement === s];",
                    control.css());
            int now = values.indexOf(String.valueOf(state.get(0)));
            if (now != want) {
                if (Boolean.TRUE.equals(state.get(1))) {
                    Keys arrow = now < want ? Keys.ARROW_DOWN : Keys.ARROW_UP;
                    for (int i = 0; i < Math.abs(want - now); i++) press(arrow);
                } else {
                    new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector(control.css())))
                            .selectByValue(value);
                    pointer++;
                }
            }
        } else if (control.type().equals("radio")) {
            type(value);
            if (!value.equals(checked(formId, variable))) {
                WebElement radio = driver.findElements(By.cssSelector(control.css())).stream()
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
            boolean date = control.date() && value.matches("\\d{4}-\\d{2}-\\d{2}");
            type(date ? value.replace("-", "") : value);
            Object got = js("return document.querySelector(arguments[0]).value;", control.css());
            if (!value.equals(got))
                throw new IllegalStateException(variable + ": typed the paper's value but the field differs");
        }
    }

    private String checked(String formId, String variable) {
        Object v = js(
                "var f = document.getElementById(arguments[0]);"
                        + " var on = f.querySelector('input[type=radio][name=\"' + arguments[1] + '\"]:checked');"
                        + " if (on) return on.value;"
                        + " var b = document.querySelector('#' + arguments[2] + ' .missing button.on');"
                        + " return b ? b.textContent.trim() : null;",
                formId,
                variable,
                "f-" + formId.substring("form-".length()) + "-" + variable);
        return v == null ? null : v.toString();
    }

    /**
     * Tabs to the form's add button (the first on the page) and presses Enter; returns the new record.
     * When adding reloads the page, waits for the saves first (a reload would lose them).
     */
    private long add(String form) {
        String button = "button[data-add='" + form + "']";
        if (!Boolean.TRUE.equals(
                js("return document.querySelector(arguments[0]).form.hasAttribute('hx-post');", button))) idle();
        countSaves();
        boolean reached = false;
        for (int i = 0; i < MAX_TABS && !reached; i++) {
            List<?> a = (List<?>) js(ACTIVE);
            if (form.equals(a.get(4))) reached = true;
            else press(Keys.TAB);
        }
        String before = driver.getCurrentUrl();
        long adding = System.nanoTime();
        if (reached) press(Keys.ENTER);
        else {
            driver.findElement(By.cssSelector(button)).click();
            pointer++;
        }
        wait.until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().contains("#rec-"));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        addingNanos += System.nanoTime() - adding;
        ready();
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.indexOf("#rec-") + "#rec-".length()));
    }

    /** Types the characters one after another (one key each). */
    private void type(String text) {
        if (pace == Pace.MACHINE) {
            new Actions(driver).sendKeys(text).perform();
            keys += text.length();
            return;
        }
        for (int i = 0; i < text.length(); i++) key(text.substring(i, i + 1));
    }

    private void press(Keys key) {
        key(key);
    }

    /** One key; at the typist's pace not before {@link #TYPIST_KEY} after the last one. */
    private void key(CharSequence key) {
        if (pace == Pace.TYPIST && lastKey != 0) {
            long due = Math.max(lastKey + TYPIST_KEY.toNanos(), readyAt);
            long now = System.nanoTime();
            if (now < due) sleep(due - now);
            else slipNanos += now - due;
        }
        new Actions(driver).sendKeys(key).perform();
        lastKey = System.nanoTime();
        keys++;
    }

    /** The form answered after a wait: the next key may follow at once (the wait is the form's, not the script's). */
    private void ready() {
        readyAt = System.nanoTime();
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing the keys", e);
        }
    }

    /** Waits until no save is in flight. */
    private void idle() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(IDLE));
    }

    /**
     * Waits until the form shows what a value changed: the cursor has moved on, and no save is in flight
     * that could still show or hide fields (a record form marked {@code data-skip-logic="browser"}
     * shows and hides them itself, so its saves need no waiting for).
     */
    private void settled() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(SETTLED));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}

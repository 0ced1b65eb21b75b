package org.tfeval.web.keying;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.pg.EmbeddedPostgres;
import org.tfeval.store.Store;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.web.WebServer;

/**
 * The keying benchmark (run by {@code web/bench/run-keying.sh}, never by the unit tests): a coder
 * in headless Chromium keys the fixed {@link PaperCase} (one case, one victim, one suspect, two
 * offenses) into the coding form with the keyboard, each run into a new case, and appends the
 * run's figures to a file; {@code --report} then compares two layouts measured in the same session
 * (the script builds the form before issue 15 beside the current one and alternates their runs).
 *
 * <p>Three kinds of seconds: the scripted run at machine pace (Chromium and the server as fast as the
 * script drives them; mostly WebDriver round trips of the script itself, which no coder has), the
 * scripted run at a skilled typist's pace ({@link Keyer#TYPIST_KEY} between keys, in the real
 * browser and server, so that what the form makes a coder wait for adds to the clock), and a
 * keystroke-level model (Card, Moran and Newell, <i>The Psychology of Human-Computer
 * Interaction</i>, 1983, table 8.1): {@link #KEYSTROKE_SECONDS} per key, {@link #POINTING_SECONDS}
 * per pointer action. Reading the paper costs the same in both layouts and is left out of all three.
 *
 * <p>Every run is checked: the keyed case is marked complete through the study (the form's rules
 * hold) and its stored values equal the paper's, else the run fails.
 */
public final class KeyingBenchmark {
    /** K, an average skilled typist (55 words a minute), seconds per key. */
    static final double KEYSTROKE_SECONDS = Keyer.TYPIST_KEY.toMillis() / 1000.0;
    /** P + B + 2H: point (1.1), click (0.2), home to the mouse and back (2 x 0.4), seconds. */
    static final double POINTING_SECONDS = 2.1;
    /** Longest wait for a page or a save. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long the form may hold a typed value before it saves it ({@code input delay} of the record form), and more. */
    static final Duration LAST_SAVE = Duration.ofMillis(1500);

    static final String TASK_FORCE = "TFA";
    static final String PASSWORD = "keying benchmark password";

    private KeyingBenchmark() {}

    /** With KEYING_PROFILE set: what the page's own scripts cost per input, change and Enter, on the keyed case. */
    private static final String PROBE = "var t, out = {}; var f = document.querySelector('form.record-form');"
            + " var i = f.querySelector('input[name]:not([type=hidden]):not(:disabled)');"
            + " var s = f.querySelector('select:not(:disabled)');"
            + " function time(name, fn) { var t0 = performance.now(); for (var k = 0; k < 20; k++) fn();"
            + " out[name] = ((performance.now() - t0) / 20).toFixed(2); }"
            + " time('input', function () { i.dispatchEvent(new Event('input', {bubbles: true})); });"
            + " time('change', function () { s.dispatchEvent(new Event('change', {bubbles: true})); });"
            + " time('enter', function () { i.focus(); i.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true})); });"
            + " time('layout', function () { document.body.style.zoom = document.body.style.zoom === '1' ? '' : '1';"
            + " document.body.getBoundingClientRect(); });"
            + " out.elements = document.getElementsByTagName('*').length; return JSON.stringify(out);";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of(
                "--runs", "1",
                "--pace", "machine",
                "--label", "after",
                "--append", "web/target/keying-runs.tsv",
                "--chromium", HeadlessChromium.CHROMIUM.toString(),
                "--chromedriver", HeadlessChromium.CHROMEDRIVER.toString()));
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i], args[i + 1]);
        if (opt.containsKey("--report")) {
            report(
                    Path.of(opt.get("--report")),
                    opt.getOrDefault("--before", "before"),
                    opt.get("--label"),
                    Path.of(opt.getOrDefault("--out", "web/target/keying-result.txt")));
            return;
        }
        int runs = Integer.parseInt(opt.get("--runs"));
        Keyer.Pace pace = Keyer.Pace.valueOf(opt.get("--pace").toUpperCase(Locale.ROOT));
        String label = opt.get("--label");
        Path append = Path.of(opt.get("--append"));
        PaperCase paper = PaperCase.typical();

        Path pgDir = Files.createTempDirectory(Path.of("/tmp"), "tfeval-keying-");
        Files.setPosixFilePermissions(pgDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createTempDirectory("tfeval-keying-study-");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(pgDir, EmbeddedPostgres.Durability.DURABLE)) {
            ConnectionSettings db = pg.settings();
            StudyWorkspace.init(dir, "ecm", false);
            String url = db.jdbcUrl() + "?user=" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
                    + (db.password() == null
                            ? ""
                            : "&password=" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
            try (Study study = Study.open(dir, url)) {
                try (Connection c = db.connect();
                        Statement st = c.createStatement()) {
                    st.execute("INSERT INTO " + Store.DEFAULT_SCHEMA + ".d_task_force (tf_id) VALUES ('" + TASK_FORCE
                            + "')");
                }
                try (WebServer server = WebServer.start(
                        study, WebServer.Settings.defaults().withPort(0).withVersion("keying"))) {
                    Account admin = server.context()
                            .accounts()
                            .create("bench", "bench-admin", Role.ADMINISTRATOR, Set.of(), PASSWORD);
                    Account coder = server.context()
                            .accounts()
                            .create("bench", "coder1", Role.CODER, Set.of(TASK_FORCE), PASSWORD);
                    StringBuilder frame = new StringBuilder("TF_ID,CASE_REF\n");
                    for (int i = 1; i <= runs; i++)
                        frame.append(TASK_FORCE).append(",R").append(i).append('\n');
                    Path file = dir.resolve("frame.csv");
                    Files.writeString(file, frame, StandardCharsets.UTF_8);
                    Sampling.Outcome drawn =
                            server.context().sampling().draw(admin, file, Integer.toString(runs), "1", "0");
                    if (!drawn.drawn()) throw new IllegalStateException("the draw failed: " + drawn.problems());
                    WebDriver driver =
                            HeadlessChromium.start(Path.of(opt.get("--chromium")), Path.of(opt.get("--chromedriver")));
                    try {
                        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
                        String base = server.uri().toString().replaceAll("/$", "");
                        driver.get(base + "/login");
                        driver.findElement(By.id("name")).sendKeys("coder1");
                        driver.findElement(By.id("password")).sendKeys(PASSWORD);
                        driver.findElement(By.cssSelector("form.login button")).click();
                        wait.until(ExpectedConditions.titleContains("Progress"));
                        for (int i = 1; i <= runs; i++) {
                            driver.get(base + "/tf/" + TASK_FORCE);
                            driver.findElement(By.cssSelector("button[data-start='R" + i + "']"))
                                    .click();
                            wait.until(ExpectedConditions.titleContains("Case "));
                            String caseId = driver.getTitle().replaceAll("^Case (\\S+).*$", "$1");
                            Commands commands = new Commands();
                            WebDriver counted = new org.openqa.selenium.support.events.EventFiringDecorator<>(commands)
                                    .decorate(driver);
                            Keyer.Tally t = new Keyer(
                                            counted,
                                            PATIENCE,
                                            Keyer.controllers(
                                                    server.context().coding().instrument()),
                                            pace)
                                    .keyCase(paper);
                            Thread.sleep(LAST_SAVE.toMillis());
                            if (System.getenv("KEYING_PROFILE") != null) profile(driver);
                            String wrong = check(server, coder, caseId, paper);
                            Run run = new Run(label, pace, t, commands.count, commands.nanos / 1e9, wrong);
                            System.out.println(run.describe());
                            if (!commands.byMethod.isEmpty())
                                System.out.println("  by method (ns): " + commands.byMethod);
                            Files.createDirectories(append.toAbsolutePath().getParent());
                            Files.writeString(
                                    append,
                                    run.line() + "\n",
                                    StandardCharsets.UTF_8,
                                    java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.APPEND);
                        }
                    } finally {
                        driver.quit();
                    }
                }
            }
        } finally {
            // the benchmark's database and study are scratch: nothing of them stays behind
            org.tfeval.instrument.workflow.WorkFolders.deleteTree(pgDir);
            org.tfeval.instrument.workflow.WorkFolders.deleteTree(dir);
        }
    }

    /** The page's own cost per event, and what one WebDriver round trip costs on it. */
    private static void profile(WebDriver driver) {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        System.out.println("  in the page (ms): " + js.executeScript(PROBE));
        long t0 = System.nanoTime();
        for (int k = 0; k < 50; k++) js.executeScript("return 1");
        long t1 = System.nanoTime();
        for (int k = 0; k < 50; k++)
            new org.openqa.selenium.interactions.Actions(driver)
                    .sendKeys(org.openqa.selenium.Keys.SHIFT)
                    .perform();
        System.out.printf(
                Locale.ROOT,
                "  a WebDriver round trip on this page: script %.1f ms, key %.1f ms%n",
                (t1 - t0) / 50e6,
                (System.nanoTime() - t1) / 50e6);
    }

    /**
     * Whether the keyed case passes the form's rules and holds the paper's values, record by record:
     * null when it does, else what is wrong (the paper case is synthetic).
     */
    static String check(WebServer server, Account coder, String caseId, PaperCase paper) {
        var coding = server.context().coding();
        var failed = coding.complete(coder, caseId, 1);
        if (failed.isPresent()) {
            var sheet = failed.get().sheet();
            List<String> problems = sheet.entries().stream()
                    .flatMap(e -> sheet.violations(e.id()).stream()
                            .filter(org.tfeval.instrument.validation.Violation::isError)
                            .map(x -> e.form().name() + " " + e.key() + " " + x.variable() + " " + x.code()))
                    .toList();
            return "the keyed case cannot be marked complete: " + problems;
        }
        var sheet = coding.open(coder, caseId, 1).sheet();
        for (String form : PaperCase.FORMS) {
            List<org.tfeval.study.coding.CaseSheet.Entry> entries = sheet.entries().stream()
                    .filter(e -> e.form().name().equals(form))
                    .toList();
            List<Map<String, String>> rows = paper.of(form);
            if (entries.size() != rows.size())
                return form + ": " + entries.size() + " records keyed, the paper has " + rows.size();
            for (int r = 0; r < rows.size(); r++) {
                Map<String, String> stored = entries.get(r).values();
                for (Map.Entry<String, String> cell : rows.get(r).entrySet()) {
                    var v = entries.get(r).form().find(cell.getKey());
                    if (v.isEmpty() || !sheet.entered(entries.get(r).form(), v.get())) continue;
                    if (cell.getKey().endsWith("_ID") || cell.getKey().equals("CASE_REF")) continue;
                    String got = stored.getOrDefault(cell.getKey(), "").strip();
                    if (!got.equals(cell.getValue().strip()))
                        return form + " " + (r + 1) + " " + cell.getKey() + ": stored '" + got
                                + "', the paper (synthetic) has '" + cell.getValue() + "'";
                }
            }
        }
        return null;
    }

    /** One keyed case: the layout's label, the pace, and what the keyer and the command counter saw. */
    record Run(String label, Keyer.Pace pace, Keyer.Tally t, int commands, double commandSeconds, String wrong) {
        String line() {
            return String.join(
                    "\t",
                    label,
                    pace.name(),
                    Integer.toString(t.keys()),
                    Integer.toString(t.pointer()),
                    seconds(t.elapsed()),
                    seconds(t.waiting()),
                    seconds(t.adding()),
                    Integer.toString(t.saves()),
                    seconds(t.saving()),
                    seconds(t.slip()),
                    Integer.toString(commands),
                    String.format(Locale.ROOT, "%.3f", commandSeconds),
                    wrong == null ? "ok" : wrong.replace('\t', ' '));
        }

        static Run parse(String line) {
            String[] f = line.split("\t");
            return new Run(
                    f[0],
                    Keyer.Pace.valueOf(f[1]),
                    new Keyer.Tally(
                            Integer.parseInt(f[2]),
                            Integer.parseInt(f[3]),
                            duration(f[4]),
                            duration(f[5]),
                            duration(f[6]),
                            Integer.parseInt(f[7]),
                            duration(f[8]),
                            duration(f[9])),
                    Integer.parseInt(f[10]),
                    Double.parseDouble(f[11]),
                    f[12].equals("ok") ? null : f[12]);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s, %s pace: %d keys, %d pointer actions, %.1f s (%.1f s waiting for the form after a value"
                            + " other fields' skip logic reads, %.1f s adding records, %.1f s of script lateness);"
                            + " %d saves, %.1f s of save round trips; %d WebDriver commands, %.1f s inside them",
                    label,
                    pace.name().toLowerCase(Locale.ROOT),
                    t.keys(),
                    t.pointer(),
                    t.elapsed().toMillis() / 1000.0,
                    t.waiting().toMillis() / 1000.0,
                    t.adding().toMillis() / 1000.0,
                    t.slip().toMillis() / 1000.0,
                    t.saves(),
                    t.saving().toMillis() / 1000.0,
                    commands,
                    commandSeconds,
                    wrong == null ? "stored case equals the paper" : "WRONG: " + wrong);
        }

        double modelSeconds() {
            return t.keys() * KEYSTROKE_SECONDS + t.pointer() * POINTING_SECONDS;
        }

        private static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
        }

        private static Duration duration(String s) {
            return Duration.ofNanos(Math.round(Double.parseDouble(s) * 1e9));
        }
    }

    /** Medians per layout and pace, and the ratios of the current layout to the one before. */
    static void report(Path runs, String before, String after, Path out) throws IOException {
        List<Run> all = Files.readAllLines(runs, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(Run::parse)
                .toList();
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "keying a typical case (1 victim, 1 suspect, 2 offenses), both layouts measured in this session,"
                        + " runs alternating; medians:%n"));
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (Keyer.Pace pace : Keyer.Pace.values()) {
            Run b = median(all, before, pace);
            Run a = median(all, after, pace);
            if (b == null || a == null) continue;
            for (Run r : List.of(b, a)) {
                long n = all.stream()
                        .filter(x -> x.label().equals(r.label()) && x.pace() == pace)
                        .count();
                long wrong = all.stream()
                        .filter(x -> x.label().equals(r.label()) && x.pace() == pace && x.wrong() != null)
                        .count();
                text.append(String.format(
                        Locale.ROOT,
                        "  %-6s %-7s pace (%d runs, %d stored a value other than the paper's): %d keys, %d pointer"
                                + " actions, %.1f s (%.1f s waiting for the form, %.1f s adding records, %.1f s script"
                                + " lateness), %.0f s modelled%n",
                        r.label(),
                        pace.name().toLowerCase(Locale.ROOT),
                        n,
                        wrong,
                        r.t().keys(),
                        r.t().pointer(),
                        r.t().elapsed().toMillis() / 1000.0,
                        r.t().waiting().toMillis() / 1000.0,
                        r.t().adding().toMillis() / 1000.0,
                        r.t().slip().toMillis() / 1000.0,
                        r.modelSeconds()));
            }
            ratios.put("keys", a.t().keys() / (double) b.t().keys());
            ratios.put("modelled seconds", a.modelSeconds() / b.modelSeconds());
            ratios.put(
                    "scripted seconds, " + pace.name().toLowerCase(Locale.ROOT) + " pace",
                    a.t().elapsed().toNanos() / (double) b.t().elapsed().toNanos());
        }
        text.append(after).append(" / ").append(before).append(':');
        ratios.forEach((k, v) -> text.append(String.format(Locale.ROOT, " %s %.2f;", k, v)));
        text.append(" (target 0.50)\n");
        System.out.print(text);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    private static Run median(List<Run> all, String label, Keyer.Pace pace) {
        List<Run> some = all.stream()
                .filter(r -> r.label().equals(label) && r.pace() == pace)
                .sorted(Comparator.comparing(r -> r.t().elapsed()))
                .toList();
        return some.isEmpty() ? null : some.get(some.size() / 2);
    }

    /** Counts the WebDriver commands the scripted coder sends, and the time spent in them. */
    static final class Commands implements org.openqa.selenium.support.events.WebDriverListener {
        int count;
        long nanos;
        private int depth;
        private long started;

        @Override
        public void beforeAnyCall(Object target, java.lang.reflect.Method method, Object[] args) {
            if (depth++ == 0) started = System.nanoTime();
        }

        @Override
        public void afterAnyCall(Object target, java.lang.reflect.Method method, Object[] args, Object result) {
            if (--depth == 0) {
                count++;
                nanos += System.nanoTime() - started;
                if (System.getenv("KEYING_PROFILE") != null) {
                    long took = System.nanoTime() - started;
                    byMethod.merge(method.getName(), took, Long::sum);
                    String what = method.getName()
                            + (args != null && args.length > 0 && args[0] instanceof String a0
                                    ? " " + a0.substring(0, Math.min(50, a0.length()))
                                    : "");
                    histogram.merge((took / 10_000_000) * 10 + "ms " + what, 1, Integer::sum);
                }
            }
        }

        final Map<String, Long> byMethod = new java.util.TreeMap<>();
        final Map<String, Integer> histogram = new java.util.TreeMap<>();

        @Override
        public void onError(
                Object target,
                java.lang.reflect.Method method,
                Object[] args,
                java.lang.reflect.InvocationTargetException e) {
            if (--depth == 0) {
                count++;
                nanos += System.nanoTime() - started;
            }
        }
    }
}

package org.tfeval.web.keying;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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
 * offenses) into the coding form with the keyboard, {@code --runs} times, each into a new case;
 * prints keystrokes, pointer actions and seconds per case, and compares them with the recorded
 * baseline of the layout before issue 15 ({@code web/bench/keying-baseline.properties}).
 *
 * <p>Two kinds of seconds: the scripted run's wall clock (Chromium and the server, no human), and a
 * keystroke-level model of a coder (Card, Moran and Newell, <i>The Psychology of Human-Computer
 * Interaction</i>, 1983, table 8.1): {@link #KEYSTROKE_SECONDS} per key of an average skilled
 * typist, {@link #POINTING_SECONDS} per pointer action (point, click, hands to the mouse and back).
 * Reading the paper costs the same in both layouts and is left out of both.
 *
 * <p>{@code --record-baseline} writes the measured figures as the baseline (done once, on the
 * layout before issue 15).
 */
public final class KeyingBenchmark {
    /** K, an average skilled typist (55 words a minute), seconds per key. */
    static final double KEYSTROKE_SECONDS = 0.28;
    /** P + B + 2H: point (1.1), click (0.2), home to the mouse and back (2 x 0.4), seconds. */
    static final double POINTING_SECONDS = 2.1;
    /** Longest wait for a page or a save. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final String TASK_FORCE = "TFA";
    static final String PASSWORD = "keying benchmark password";

    private KeyingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of(
                "--runs", "3",
                "--baseline", "web/bench/keying-baseline.properties",
                "--out", "web/target/keying-result.txt",
                "--chromium", HeadlessChromium.CHROMIUM.toString(),
                "--chromedriver", HeadlessChromium.CHROMEDRIVER.toString()));
        boolean record = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--record-baseline")) record = true;
            else if (i + 1 < args.length) opt.put(args[i], args[++i]);
        }
        int runs = Integer.parseInt(opt.get("--runs"));
        PaperCase paper = PaperCase.typical();

        Path pgDir = Files.createTempDirectory(Path.of("/tmp"), "tfeval-keying-");
        Files.setPosixFilePermissions(pgDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Keyer.Tally> tallies = new ArrayList<>();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(pgDir, EmbeddedPostgres.Durability.DURABLE)) {
            ConnectionSettings db = pg.settings();
            Path dir = Files.createTempDirectory("tfeval-keying-study-");
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
                    server.context().accounts().create("bench", "coder1", Role.CODER, Set.of(TASK_FORCE), PASSWORD);
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
                            Keyer.Tally t = new Keyer(
                                            driver,
                                            PATIENCE,
                                            Keyer.controllers(
                                                    server.context().coding().instrument()))
                                    .keyCase(paper);
                            tallies.add(t);
                            System.out.printf(
                                    Locale.ROOT,
                                    "run %d: %d keys, %d pointer actions, %.1f s scripted%n",
                                    i,
                                    t.keys(),
                                    t.pointer(),
                                    t.elapsed().toMillis() / 1000.0);
                        }
                    } finally {
                        driver.quit();
                    }
                }
            }
        }
        Keyer.Tally median = tallies.stream()
                .sorted(Comparator.comparing(Keyer.Tally::elapsed))
                .toList()
                .get(tallies.size() / 2);
        Figures after = Figures.of(median, LocalDate.now(ZoneOffset.UTC).toString());
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "keying a typical case (1 victim, 1 suspect, 2 offenses), median of %d runs:%n",
                tallies.size()));
        Path baselineFile = Path.of(opt.get("--baseline"));
        if (record) {
            after.write(baselineFile);
            out.append("recorded as the baseline in ").append(baselineFile).append('\n');
            out.append(after.line("baseline")).append('\n');
        } else {
            Figures before = Figures.read(baselineFile);
            out.append(before.line("before (" + before.date() + ")")).append('\n');
            out.append(after.line("after  (" + after.date() + ")")).append('\n');
            out.append(String.format(
                    Locale.ROOT,
                    "after / before: keys %.2f, modelled seconds %.2f, scripted seconds %.2f (target 0.50)%n",
                    after.keys() / (double) before.keys(),
                    after.modelSeconds() / before.modelSeconds(),
                    after.scriptedSeconds() / before.scriptedSeconds()));
        }
        System.out.print(out);
        Path result = Path.of(opt.get("--out"));
        Files.createDirectories(result.toAbsolutePath().getParent());
        Files.writeString(result, out, StandardCharsets.UTF_8);
    }

    /** The figures of one layout. */
    record Figures(String date, int keys, int pointer, double scriptedSeconds) {
        static Figures of(Keyer.Tally t, String date) {
            return new Figures(date, t.keys(), t.pointer(), t.elapsed().toMillis() / 1000.0);
        }

        double modelSeconds() {
            return keys * KEYSTROKE_SECONDS + pointer * POINTING_SECONDS;
        }

        String line(String name) {
            return String.format(
                    Locale.ROOT,
                    "%s: %d keys, %d pointer actions, %.0f s modelled coder time, %.1f s scripted",
                    name,
                    keys,
                    pointer,
                    modelSeconds(),
                    scriptedSeconds);
        }

        void write(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("date", date);
            p.setProperty("keys", Integer.toString(keys));
            p.setProperty("pointer", Integer.toString(pointer));
            p.setProperty("scripted_seconds", Double.toString(scriptedSeconds));
            try (OutputStream o = Files.newOutputStream(file)) {
                p.store(
                        o,
                        "Keying benchmark: the coding form before issue 15 (web/bench/run-keying.sh --record-baseline)");
            }
        }

        static Figures read(Path file) throws IOException {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new Figures(
                    p.getProperty("date"),
                    Integer.parseInt(p.getProperty("keys")),
                    Integer.parseInt(p.getProperty("pointer")),
                    Double.parseDouble(p.getProperty("scripted_seconds")));
        }
    }
}

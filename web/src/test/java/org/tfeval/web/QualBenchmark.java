package org.tfeval.web;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.pg.EmbeddedPostgres;
import org.tfeval.store.Store;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.protect.TranscriptAccess;
import org.tfeval.study.qual.Interviews;
import org.tfeval.study.qual.QualCoding;
import org.tfeval.study.qual.SyntheticInterviews;
import org.tfeval.web.keying.HeadlessChromium;

/**
 * The coding screen's figures by a scripted headless Chromium (run by {@code web/bench/run-qual.sh}, never by
 * the unit tests), on an embedded PostgreSQL:
 *
 * <ul>
 *   <li>opening the coding view of a generated 30,000-word transcript holding {@code --codings} codings: p50 and
 *       p99 of the page's load (navigation start to load event) and of the screen's script being ready (text
 *       indexed, highlights registered), against the plain GET of the same page (server and transfer only);
 *   <li>applying a code in the browser: selection to the redrawn list and highlights (request, fragment, redraw,
 *       next frame), against the same POST without a browser;
 *   <li>reviewer time on the /deid screen for a demo transcript (a corrected version of one of the synthetic
 *       corpus's transcripts, so the study's rosters apply): one privacy officer accepts every suggestion by
 *       keyboard (Enter on the focused Accept) and renders; a second marks it reviewed and releases it;
 *       against the plain GET of the review page in the same run.
 * </ul>
 *
 * Usage: {@code QualBenchmark [--words 30000] [--codings 300] [--opens 20] [--applies 100] [--out FILE]}.
 */
public final class QualBenchmark {
    static final String PASSWORD = "qual benchmark password";
    static final String TF = "TF01";
    static final String LONG = "TF01-P900";
    private static final String[] WORDS = ("we the shelter waited court lawyer months housing help trust agency"
                    + " interpreter night bed grant funding detective case worker called again never always said"
                    + " talked went back forth long time because nobody knew what happen next caf\u00e9 na\u00efve"
                    + " \uD83D\uDE42 q\u0303uite")
            .split(" ");

    private QualBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(Map.of(
                "--words", "30000",
                "--codings", "300",
                "--opens", "20",
                "--applies", "100",
                "--out", "web/target/qual-bench-result.txt"));
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i], args[i + 1]);
        int words = Integer.parseInt(opt.get("--words"));
        Path pgDir = Files.createTempDirectory(Path.of("/tmp"), "tfeval-qual-bench-");
        Files.setPosixFilePermissions(pgDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        StringBuilder out = new StringBuilder();
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(pgDir, EmbeddedPostgres.Durability.DURABLE)) {
            ConnectionSettings db = pg.settings();
            Path dir = Files.createTempDirectory("tfeval-qual-bench-study-");
            StudyWorkspace.init(dir, "ecm", false);
            String url = db.jdbcUrl() + "?user=" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
                    + (db.password() == null
                            ? ""
                            : "&password=" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
            try (Study study = Study.open(dir, url)) {
                try (Connection c = db.connect();
                        Statement st = c.createStatement()) {
                    st.execute("INSERT INTO " + Store.DEFAULT_SCHEMA + ".d_task_force (tf_id) VALUES ('" + TF + "')");
                }
                Path corpus = dir.resolve("corpus");
                long t0 = System.nanoTime();
                SyntheticInterviews.withSeed(7).run(study, corpus, 1, "bench", ProgressListener.NONE);
                out.append(String.format(
                        Locale.ROOT,
                        "synthetic corpus (1 site) imported, reviewed and coded in %.1f s%n",
                        (System.nanoTime() - t0) / 1e9));
                String text = longTranscript(words);
                QualSeed.seed(study, dir, List.of(new QualSeed.Person(LONG, TF, 1, text, true)));
                Path demo = demoTranscript(corpus);
                String demoId = demo.getFileName().toString().replace(".txt", "");
                Path corrected = dir.resolve(demoId + "_v2.txt");
                Files.writeString(
                        corrected, Files.readString(demo) + "Interviewer: Thank you.\n", StandardCharsets.UTF_8);
                Interviews.of(study).importTranscripts(List.of(corrected), demoId, "bench");
                try (WebServer server = WebServer.start(
                        study, WebServer.Settings.defaults().withPort(0).withVersion("qual-bench"))) {
                    var accounts = server.context().accounts();
                    var coder = accounts.create("bench", "coder1", Role.CODER, Set.of(TF), PASSWORD);
                    accounts.create("bench", "officer1", Role.PRIVACY_OFFICER, Set.of(), PASSWORD);
                    accounts.create("bench", "officer2", Role.PRIVACY_OFFICER, Set.of(), PASSWORD);
                    TranscriptAccess.of(study).assign(LONG + "-I1", "coder1", "bench");
                    int cps = text.codePointCount(0, text.length());
                    seedCodings(study, coder, cps, Integer.parseInt(opt.get("--codings")));
                    WebDriver driver = HeadlessChromium.start(HeadlessChromium.CHROMIUM, HeadlessChromium.CHROMEDRIVER);
                    try {
                        Bench b = new Bench(server, driver);
                        b.coding(
                                out,
                                words,
                                cps,
                                Integer.parseInt(opt.get("--opens")),
                                Integer.parseInt(opt.get("--applies")));
                        b.deid(out, demoId);
                    } finally {
                        driver.quit();
                    }
                }
            }
        }
        Path file = Path.of(opt.get("--out"));
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }

    /** Speaker turns of random words (astral characters and combining marks among them), {@code n} words. */
    static String longTranscript(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        StringBuilder b = new StringBuilder();
        int left = n;
        boolean interviewer = true;
        while (left > 0) {
            int turn = Math.min(left, interviewer ? 8 + rng.nextInt(20) : 40 + rng.nextInt(160));
            b.append(interviewer ? "Interviewer:" : "Respondent:");
            for (int i = 0; i < turn; i++) b.append(' ').append(WORDS[rng.nextInt(WORDS.length)]);
            b.append(".\n");
            left -= turn;
            interviewer = !interviewer;
        }
        return b.toString();
    }

    /** The synthetic corpus's longest transcript (a survivor's: it carries the most planted identifiers). */
    private static Path demoTranscript(Path corpus) throws Exception {
        try (Stream<Path> s = Files.list(corpus.resolve("transcripts"))) {
            return s.filter(p -> p.toString().endsWith(".txt"))
                    .max((a, c) -> Long.compare(a.toFile().length(), c.toFile().length()))
                    .orElseThrow();
        }
    }

    private static void seedCodings(Study study, org.tfeval.study.accounts.Account coder, int cps, int n) {
        QualCoding q = QualCoding.of(study);
        SplittableRandom rng = new SplittableRandom(3);
        String[] codes = {QualSeed.HOUSING.guid(), QualSeed.LEGAL.guid(), QualSeed.BARRIERS.guid()};
        for (int i = 0; i < n; i++) {
            int s = rng.nextInt(cps - 300);
            q.apply(
                    coder,
                    LONG + "-I1",
                    1,
                    new org.tfeval.qual.text.Span(s, s + 20 + rng.nextInt(200)),
                    List.of(codes[i % 3]),
                    i);
        }
    }

    private static final class Bench {
        private final WebServer server;
        private final WebDriver driver;
        private final WebDriverWait wait;
        private final String base;

        Bench(WebServer server, WebDriver driver) {
            this.server = server;
            this.driver = driver;
            this.wait = new WebDriverWait(driver, java.time.Duration.ofSeconds(60));
            this.base = server.uri().toString().replaceAll("/$", "");
        }

        private Object js(String script, Object... args) {
            return ((JavascriptExecutor) driver).executeScript(script, args);
        }

        private void signIn(String name) {
            driver.manage().deleteAllCookies();
            driver.get(base + "/login");
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form.login button")).click();
            wait.until(d -> !d.getCurrentUrl().endsWith("/login"));
        }

        void coding(StringBuilder out, int words, int cps, int opens, int applies) {
            String page = "/qual/transcripts/" + LONG + "-I1";
            Browser http = new Browser(server.uri()).signedIn("coder1", PASSWORD);
            double[] get = new double[opens];
            for (int i = -3; i < opens; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.get(page);
                if (r.statusCode() != 200) throw new IllegalStateException("GET " + page + ": " + r.statusCode());
                if (i >= 0) get[i] = (System.nanoTime() - t) / 1e6;
            }
            signIn("coder1");
            double[] load = new double[opens];
            double[] ready = new double[opens];
            for (int i = -3; i < opens; i++) {
                driver.get(base + page);
                wait.until(d -> "true".equals(js("return document.getElementById('qual-coding').dataset.ready")));
                if (i < 0) continue;
                load[i] = ((Number) js("return performance.getEntriesByType('navigation')[0].loadEventEnd"))
                        .doubleValue();
                ready[i] = Double.parseDouble(
                        (String) js("return document.getElementById('qual-coding').dataset.readyMs"));
            }
            SplittableRandom rng = new SplittableRandom(5);
            String[] codes = {QualSeed.HOUSING.guid(), QualSeed.LEGAL.guid(), QualSeed.BARRIERS.guid()};
            double[] apply = new double[applies];
            for (int i = -5; i < applies; i++) {
                int s = rng.nextInt(cps - 300);
                Object r = ((JavascriptExecutor) driver)
                        .executeAsyncScript(
                                "const cb = arguments[arguments.length - 1]; const [s, e, g] = arguments;"
                                        + "const t0 = performance.now();"
                                        + "window.tfevalQual.apply([g], {start: s, end: e}).then(st =>"
                                        + " requestAnimationFrame(() => cb([st, performance.now() - t0])));",
                                s,
                                s + 10 + rng.nextInt(150),
                                codes[Math.floorMod(i, 3)]);
                List<?> res = (List<?>) r;
                if (((Number) res.get(0)).intValue() != 200) throw new IllegalStateException("apply answered " + res);
                if (i >= 0) apply[i] = ((Number) res.get(1)).doubleValue();
            }
            // the same save without a browser: the server's share
            http.remember(http.get(page).body());
            double[] post = new double[applies];
            int version = Integer.parseInt(
                    http.get(page).body().replaceAll("(?s).*id=\"qual-codings\" data-version=\"(\\d+)\".*", "$1"));
            for (int i = 0; i < applies; i++) {
                int s = rng.nextInt(cps - 300);
                long t = System.nanoTime();
                HttpResponse<String> r = http.htmx(
                        page + "/codings",
                        Map.of(
                                "transcript_version",
                                "1",
                                "_version",
                                Integer.toString(version),
                                "start",
                                Integer.toString(s),
                                "end",
                                Integer.toString(s + 40),
                                "code",
                                codes[i % 3]));
                post[i] = (System.nanoTime() - t) / 1e6;
                if (r.statusCode() != 200) throw new IllegalStateException("POST apply: " + r.statusCode());
                version++;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "coding view: %d words, %d code points, %d turns of text, %s codings shown%n",
                    words,
                    cps,
                    driver.findElements(By.cssSelector("#qual-text .turn")).size(),
                    js("return document.querySelectorAll('#qual-codings li[data-guid]').length")));
            out.append(line("open, Chromium load event (ms)", load));
            out.append(line("open, screen script ready (ms)", ready));
            out.append(line("open, baseline plain GET (ms)", get));
            out.append(line("apply a code in Chromium, to redrawn list and highlights (ms)", apply));
            out.append(line("apply a code, baseline POST without a browser (ms)", post));
        }

        void deid(StringBuilder out, String interview) {
            String page = "/deid/" + interview;
            Browser http = new Browser(server.uri()).signedIn("officer2", PASSWORD);
            double[] get = new double[10];
            for (int i = -2; i < get.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.get(page);
                if (r.statusCode() != 200) throw new IllegalStateException("GET " + page + ": " + r.statusCode());
                if (i >= 0) get[i] = (System.nanoTime() - t) / 1e6;
            }
            signIn("officer1");
            long t0 = System.nanoTime();
            driver.get(base + page);
            int suggestions =
                    driver.findElements(By.cssSelector("table.deid tbody tr")).size();
            int keys = 0;
            while (!driver.findElements(By.cssSelector("button[value=accept][autofocus]"))
                    .isEmpty()) {
                var old = driver.findElement(By.tagName("h1"));
                // Enter on the Accept that has the focus (sent to it: headless Chromium's window has no focus)
                driver.findElement(By.cssSelector("button[value=accept][autofocus]"))
                        .sendKeys(Keys.ENTER);
                keys++;
                wait.until(ExpectedConditions.stalenessOf(old));
                if (keys > 500) throw new IllegalStateException("the review does not end");
            }
            var old = driver.findElement(By.tagName("h1"));
            driver.findElement(By.xpath("//button[contains(., 'Render the de-identified text')]"))
                    .click();
            wait.until(ExpectedConditions.stalenessOf(old));
            double first = (System.nanoTime() - t0) / 1e9;
            signIn("officer2");
            long t1 = System.nanoTime();
            driver.get(base + page);
            old = driver.findElement(By.tagName("h1"));
            driver.findElement(By.cssSelector("button[autofocus]")).sendKeys(Keys.ENTER); // "Mark reviewed"
            wait.until(ExpectedConditions.stalenessOf(old));
            old = driver.findElement(By.tagName("h1"));
            driver.findElement(By.cssSelector("button[autofocus]")).sendKeys(Keys.ENTER); // "Release for coding"
            wait.until(ExpectedConditions.stalenessOf(old));
            double second = (System.nanoTime() - t1) / 1e9;
            String state = driver.findElement(By.tagName("h1")).getText();
            out.append(String.format(
                    Locale.ROOT,
                    "deid review of demo transcript %s (%d suggestions, %d accepted by Enter): first officer %.2f s,"
                            + " second officer %.2f s, per transcript %.2f s; now \"%s\"%n",
                    interview,
                    suggestions,
                    keys,
                    first,
                    second,
                    first + second,
                    state));
            out.append(line("deid, baseline plain GET of the review page (ms)", get));
        }
    }

    static String line(String what, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(
                Locale.ROOT,
                "%-64s n=%d p50=%.1f p99=%.1f max=%.1f%n",
                what,
                s.length,
                pct(s, 0.50),
                pct(s, 0.99),
                s[s.length - 1]);
    }

    /** The nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        int k = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }
}

package org.tfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.store.Store;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.web.WebServer;

/**
 * Issue 13's fault-injection suite, the web server's part: {@code tfeval serve} (a child JVM on the
 * study's own embedded PostgreSQL) is killed with SIGKILL while coders save. Every save that got a
 * success response is in the store after a restart, no save is half-written (the stored value, the
 * record's save counter and the audit events agree), the audit log verifies, the killed server's
 * PostgreSQL is stopped by its watchdog, the next start works, and the sentinel planted in every
 * narrative is in no output or log ({@link Sentinel}).
 */
class WebSaveKillTest {
    /** Coders saving at once. */
    static final int CODERS = 4;
    /** Acknowledged saves (all coders) before the kill: enough that saves are in flight when it comes. */
    static final int SAVES_BEFORE_KILL = 40;
    /** How long the server may take to start, and the coders to reach the kill point. */
    static final Duration REACH = Duration.ofSeconds(120);
    /** How long a dead owner's PostgreSQL may keep running (the watchdog polls twice a second). */
    static final Duration ORPHAN_BOUND = Duration.ofSeconds(15);

    private static final String PASSWORD = "fault injection password";
    private static final String TASK_FORCE = "TF01";
    private static final Pattern ADDRESS = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;

    @Test
    void a_server_killed_during_saves_loses_no_acknowledged_save_and_restarts_on_an_intact_store() throws Exception {
        Path study = dir.resolve("study");
        Path data = dir.resolve("data");
        try (Study s = Study.create(study, "ecm", true, null)) {
            StudyGenerator.defaults()
                    .withCases(10)
                    .withSites(1)
                    .withErrors(false)
                    .generate(s.instrument(), data, org.tfeval.synth.ProgressListener.none());
            Sentinel.plant(data);
            assertThat(s.importFile("task_force", data.resolve("task_force.csv"), "test", "t", ProgressListener.NONE)
                            .stored())
                    .isTrue();
            try (WebServer server =
                    WebServer.start(s, WebServer.Settings.defaults().withPort(0).withVersion("test"))) {
                Account admin = server.context()
                        .accounts()
                        .create("test", "fault-admin", Role.ADMINISTRATOR, Set.of(), PASSWORD);
                StringBuilder frame = new StringBuilder("TF_ID,CASE_REF\n");
                for (int i = 1; i <= CODERS; i++) {
                    server.context().accounts().create("test", "coder" + i, Role.CODER, Set.of(TASK_FORCE), PASSWORD);
                    frame.append(TASK_FORCE).append(",R").append(i).append('\n');
                }
                Path file = dir.resolve("frame.csv");
                Files.writeString(file, frame, StandardCharsets.UTF_8);
                Sampling.Outcome drawn =
                        server.context().sampling().draw(admin, file, Integer.toString(CODERS), "1", "0");
                assertThat(drawn.drawn()).as("%s", drawn.problems()).isTrue();
            }
        }

        Path serveLog = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Tfeval.class.getName(),
                        "serve",
                        "--study",
                        study.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(serveLog.toFile())
                .start();
        Coder[] coders = new Coder[CODERS];
        long postmaster;
        try {
            URI base = address(serve, serveLog);
            postmaster = Long.parseLong(Files.readAllLines(study.resolve("db/data/postmaster.pid"))
                    .get(0)
                    .strip());
            AtomicInteger acknowledged = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < CODERS; i++) {
                coders[i] = new Coder(base, i + 1, acknowledged);
                Thread t = new Thread(coders[i]::run, "coder-" + (i + 1));
                threads.add(t);
                t.start();
            }
            Instant deadline = Instant.now().plus(REACH);
            while (acknowledged.get() < SAVES_BEFORE_KILL) {
                assertThat(serve.isAlive()).as(Files.readString(serveLog)).isTrue();
                assertThat(Instant.now()).as("saves before the kill").isBefore(deadline);
                for (Coder c : coders) assertThat(c.failure).as("coder %d", c.n).isNull();
                Thread.sleep(5);
            }
            serve.destroyForcibly(); // SIGKILL while the coders keep saving
            assertThat(serve.waitFor()).as("killed by SIGKILL").isEqualTo(137);
            for (Thread t : threads) t.join(60_000);
        } finally {
            serve.destroyForcibly();
        }

        Instant killedAt = Instant.now();
        Instant orphanDeadline = killedAt.plus(ORPHAN_BOUND);
        while (alive(postmaster) && Instant.now().isBefore(orphanDeadline)) Thread.sleep(100);
        assertThat(alive(postmaster))
                .as(
                        "the killed server's PostgreSQL (pid %d) is stopped by its watchdog within %s",
                        postmaster, ORPHAN_BOUND)
                .isFalse();
        Duration orphaned = Duration.between(killedAt, Instant.now());

        try (Study s = Study.open(study, null);
                Connection c = s.store().connect()) {
            long saves = 0;
            for (Coder k : coders) {
                assertThat(k.caseId).as("coder %d started a case", k.n).isNotNull();
                long stored = saves(c, k.caseId);
                saves += stored;
                assertThat(stored)
                        .as("coder %d: every acknowledged save is stored, at most the one in flight besides", k.n)
                        .isBetween((long) k.acknowledged, k.acknowledged + 1L);
                assertThat(narrative(c, k.caseId))
                        .as("coder %d: the stored value is the save the counter says (nothing half-written)", k.n)
                        .isEqualTo(Coder.narrative(k.n, stored - 1));
            }
            assertThat(auditedSaves(c)).as("one audit event per stored save").isEqualTo(saves);
            Study.AuditCheck audit = s.verifyAudit();
            assertThat(audit.problems()).as("audit verify after the kill").isEmpty();
            long acknowledged = 0;
            for (Coder k : coders) acknowledged += k.acknowledged;
            System.out.printf(
                    "web server killed during saves: %d coders, %d acknowledged saves, %d stored (%d in flight at the"
                            + " kill and committed), 0 lost, %d audit events; its PostgreSQL stopped %d ms after the"
                            + " kill; restart and audit verify intact%n",
                    CODERS, acknowledged, saves, saves - acknowledged, audit.events(), orphaned.toMillis());
        }

        List<String> bodies = new ArrayList<>();
        for (Coder k : coders) bodies.addAll(k.unexpected);
        Sentinel.assertAbsent(
                "kill -9 of the web server during saves", List.of(study, serveLog), String.join("\n", bodies));
    }

    private static URI address(Process serve, Path log) throws Exception {
        Instant deadline = Instant.now().plus(REACH);
        while (true) {
            Matcher m = ADDRESS.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) return URI.create(m.group(1));
            assertThat(serve.isAlive())
                    .as("serve ended: %s", Files.readString(log))
                    .isTrue();
            assertThat(Instant.now()).as("serve did not start").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long saves(Connection c, String caseId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT saves FROM " + Store.DEFAULT_SCHEMA
                + ".coding_record WHERE case_id = ? AND form = 'case' AND pass = 1")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static String narrative(Connection c, String caseId) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT cells ->> 'NARRATIVE' FROM " + Store.DEFAULT_SCHEMA
                + ".coding_record WHERE case_id = ? AND form = 'case' AND pass = 1")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long auditedSaves(Connection c) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT count(*) FROM " + Store.DEFAULT_SCHEMA + ".audit_event WHERE action = 'coding_save'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One coder: signs in, starts a case, then saves the case form with a new narrative until the server dies. */
    static final class Coder {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern FORM = Pattern.compile("id=\"form-(\\d+)\"");

        final int n;
        /** Saves that got a success response. */
        volatile int acknowledged;

        volatile String caseId;
        volatile Throwable failure;
        /** Bodies of responses that were neither a save nor a page the coder asked for. */
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

        private final URI base;
        private final AtomicInteger total;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private String csrf;

        Coder(URI base, int n, AtomicInteger total) {
            this.base = base;
            this.n = n;
            this.total = total;
        }

        /** The narrative of save {@code i} of coder {@code n}: the sentinel, so a leak of a saved value is seen. */
        static String narrative(int n, long i) {
            return Sentinel.value("coder", n, "save", i);
        }

        void run() {
            long record;
            try {
                csrf(get("/login").body());
                post("/login", Map.of("name", "coder" + n, "password", PASSWORD), false);
                csrf(get("/").body());
                HttpResponse<String> started =
                        post("/tf/" + TASK_FORCE + "/start", Map.of("draw", "1", "ref", "R" + n), false);
                String location = started.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new IllegalStateException("start failed: " + started.statusCode()));
                caseId = location.substring(location.lastIndexOf('/') + 1);
                Matcher m = FORM.matcher(get(location).body());
                if (!m.find()) throw new IllegalStateException("no form on the case page");
                record = Long.parseLong(m.group(1));
            } catch (Exception e) {
                failure = e;
                return;
            }
            for (int i = 0; ; i++) {
                HttpResponse<String> r;
                try {
                    r = save(record, i);
                } catch (Exception serverGone) {
                    return; // the server was killed: this save was never acknowledged
                }
                if (r.statusCode() == 200 && r.body().contains("Saved at")) {
                    acknowledged = i + 1;
                    total.incrementAndGet();
                } else {
                    unexpected.add(r.statusCode() + " " + r.body());
                    return;
                }
            }
        }

        private HttpResponse<String> save(long record, int i) throws Exception {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("_strict", "0");
            form.put("HT_TYPE", "1");
            form.put("SEX_SUBTYPE", "2");
            form.put("INCIDENT_DATE", "2018-01-01");
            form.put("CASE_OPEN_DATE", "2018-02-01");
            form.put("CASE_CLOSE_DATE", "2019-01-01");
            form.put("ID_SOURCE", "1");
            form.put("ACTUAL_VICTIM", "1");
            form.put("LOCATION", Integer.toString(1 + i % 8));
            form.put("N_AGENCIES", Integer.toString(1 + i % 50));
            form.put("INV_OUTCOME", "2");
            form.put("NARRATIVE", narrative(n, i));
            return post("/records/" + record, form, true);
        }

        private void csrf(String page) {
            Matcher m = CSRF.matcher(page);
            if (m.find()) csrf = m.group(1);
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, Map<String, String> fields, boolean htmx) throws Exception {
            StringJoiner body = new StringJoiner("&");
            body.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            fields.forEach((k, v) -> body.add(
                    URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (htmx) b.header("HX-Request", "true");
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

package org.tfeval.web.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.pg.EmbeddedPostgres;

/**
 * Simulated coders saving forms for a while against a server in its own JVM (on a durable
 * embedded PostgreSQL, as a study's), then the figures: save latency percentiles, errors, lost saves (each coder's save
 * count against the record's save counter and the audit events in the database) and the server's
 * memory. Usage: {@code LoadBenchmark [--coders 50] [--seconds 60] [--think-ms 1000] [--server-heap 512m] [--server-jvm "OPTIONS"] [--out FILE]}.
 */
public final class LoadBenchmark {
    /** Saves before the clock starts, per coder (JIT warm-up). */
    static final int WARM_UP_SAVES = 20;

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>(
                Map.of("--coders", "50", "--seconds", "60", "--think-ms", "1000", "--server-heap", "512m"));
        for (int i = 0; i + 1 < args.length; i += 2) opt.put(args[i], args[i + 1]);
        int coders = Integer.parseInt(opt.get("--coders"));
        int seconds = Integer.parseInt(opt.get("--seconds"));
        int think = Integer.parseInt(opt.get("--think-ms"));

        // a study's database is durable (fsync on every commit); the test extension's is not
        Path pgDir = Files.createTempDirectory(Path.of("/tmp"), "tfeval-load-");
        Files.setPosixFilePermissions(pgDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedPostgres pg = EmbeddedPostgres.start(pgDir, EmbeddedPostgres.Durability.DURABLE);
        ConnectionSettings db = pg.settings();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + opt.get("--server-heap")));
        if (opt.containsKey("--server-jvm"))
            command.addAll(Arrays.asList(opt.get("--server-jvm").split(" ")));
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                BenchServer.class.getName(),
                db.jdbcUrl(),
                db.user(),
                db.password(),
                Integer.toString(coders)));
        Process server = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader serverOut =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String ready = serverOut.readLine();
        while (ready != null && !ready.startsWith("READY ")) ready = serverOut.readLine();
        if (ready == null) throw new IllegalStateException("the server did not start");
        URI base = URI.create(ready.substring("READY ".length()));
        System.out.printf(
                Locale.ROOT,
                "server pid %d at %s; %d coders, %d s, think time %d ms (mean)%n",
                server.pid(),
                base,
                coders,
                seconds,
                think);

        Coder[] all = new Coder[coders];
        for (int i = 0; i < coders; i++) all[i] = new Coder(base, i + 1, think);
        Thread[] threads = new Thread[coders];
        CountDownLatch ready1 = new CountDownLatch(coders);
        CountDownLatch go = new CountDownLatch(1);
        long[] endAt = new long[1];
        for (int i = 0; i < coders; i++) {
            Coder c = all[i];
            threads[i] = new Thread(() -> c.run(ready1, go, endAt), "coder-" + (i + 1));
            threads[i].start();
        }
        ready1.await();
        long start = System.nanoTime();
        endAt[0] = start + Duration.ofSeconds(seconds).toNanos();
        go.countDown();
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;

        String memory = memory(server.pid());
        List<Long> latencies = new ArrayList<>();
        long saves = 0;
        long errors = 0;
        for (Coder c : all) {
            latencies.addAll(c.latencies);
            saves += c.saved.get();
            errors += c.errors.get();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long lost = 0;
        long auditSaves;
        try (Connection c = db.connect()) {
            try (var st = c.createStatement()) {
                st.execute("SET search_path TO tfeval");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT saves FROM coding_record WHERE case_id = ? AND form = 'case' AND pass = 1")) {
                for (Coder k : all) {
                    if (k.caseId == null) continue; // counted as an error
                    ps.setString(1, k.caseId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        lost += Math.abs(k.saved.get() + k.warmUpSaves - rs.getLong(1));
                    }
                }
            }
            try (var st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event WHERE action = 'coding_save'")) {
                rs.next();
                auditSaves = rs.getLong(1);
            }
        }
        long expectedAudit =
                saves + Arrays.stream(all).mapToLong(k -> k.warmUpSaves).sum();
        try (OutputStream in = server.getOutputStream()) {
            in.close();
        }
        server.waitFor();
        pg.close();
        try (var files = Files.walk(pgDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }

        StringBuilder r = new StringBuilder();
        r.append(String.format(
                Locale.ROOT, "saves: %d in %.1f s (%.0f/s), errors: %d%n", saves, elapsed, saves / elapsed, errors));
        r.append(String.format(
                Locale.ROOT,
                "save latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                pct(sorted, 0.50),
                pct(sorted, 0.90),
                pct(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
        r.append(String.format(
                Locale.ROOT,
                "lost saves: %d (record save counters), audit events %d of %d expected%n",
                lost,
                auditSaves,
                expectedAudit));
        r.append("server memory: ").append(memory).append('\n');
        System.out.print(r);
        Path out = Path.of(opt.getOrDefault("--out", "web/target/load-result.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, r.toString(), StandardCharsets.UTF_8);
        System.exit(errors == 0 && lost == 0 && auditSaves == expectedAudit ? 0 : 1);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    /** The server's resident memory (current and peak, from /proc) and its heap after a full GC (jcmd). */
    private static String memory(long pid) {
        StringBuilder b = new StringBuilder();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS") || line.startsWith("VmHWM"))
                    b.append(line.replaceAll("\\s+", " ")).append("; ");
            }
            String jcmd =
                    Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, Long.toString(pid), "GC.run")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor();
            Process j = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true)
                    .start();
            String heap = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
            long total = 0;
            long used = 0;
            while (m.find()) {
                total += Long.parseLong(m.group(1));
                used += Long.parseLong(m.group(2));
            }
            b.append("heap committed ")
                    .append(total / 1024)
                    .append(" MB, live after a full GC ")
                    .append(used / 1024)
                    .append(" MB");
        } catch (Exception e) {
            b.append("(not measurable: ").append(e.getClass().getSimpleName()).append(')');
        }
        return b.toString();
    }

    /** One simulated coder: signs in, starts a case, then saves the case form with a changed value after each think time. */
    static final class Coder {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private static final Pattern FORM = Pattern.compile("id=\"form-(\\d+)\"");

        final List<Long> latencies = new ArrayList<>();
        final AtomicLong saved = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        long warmUpSaves;
        String caseId;
        private final URI base;
        private final int n;
        private final int think;
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final SplittableRandom random;
        private String csrf;
        private long record;

        Coder(URI base, int n, int think) {
            this.base = base;
            this.n = n;
            this.think = think;
            this.random = new SplittableRandom(n);
        }

        void run(CountDownLatch ready, CountDownLatch go, long[] endAt) {
            try {
                csrf(get("/login").body());
                post("/login", Map.of("name", "coder" + n, "password", BenchServer.PASSWORD), false);
                csrf(get("/").body());
                HttpResponse<String> started =
                        post("/tf/" + BenchServer.TASK_FORCE + "/start", Map.of("draw", "1", "ref", "R" + n), false);
                String location = started.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new IllegalStateException("start failed: " + started.statusCode()));
                caseId = location.substring(location.lastIndexOf('/') + 1);
                Matcher m = FORM.matcher(get(location).body());
                if (!m.find()) throw new IllegalStateException("no form");
                record = Long.parseLong(m.group(1));
                for (int i = 0; i < WARM_UP_SAVES; i++) {
                    if (save(i).statusCode() == 200) warmUpSaves++;
                }
            } catch (Exception e) {
                System.err.println("coder" + n + " could not start: " + e);
                errors.incrementAndGet();
                ready.countDown();
                return;
            }
            ready.countDown();
            try {
                go.await();
                int i = WARM_UP_SAVES;
                while (System.nanoTime() < endAt[0]) {
                    Thread.sleep(think <= 0 ? 0 : random.nextInt(2 * think + 1));
                    long t0 = System.nanoTime();
                    HttpResponse<String> r;
                    try {
                        r = save(i++);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    long dt = System.nanoTime() - t0;
                    if (r.statusCode() == 200 && r.body().contains("Saved at")) {
                        saved.incrementAndGet();
                        latencies.add(dt);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The whole case form as a browser posts it, with N_AGENCIES changed so every save is a change. */
        private HttpResponse<String> save(int i) throws Exception {
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
            for (String v : List.of(
                    "EVID_VICTIM_STMT",
                    "EVID_SUSPECT_STMT",
                    "EVID_WITNESS",
                    "EVID_PHONE",
                    "EVID_ONLINE_ADS",
                    "EVID_FINANCIAL",
                    "EVID_SURVEILLANCE",
                    "EVID_HOTEL_RECORDS",
                    "EVID_PHYSICAL",
                    "EVID_SOCIAL_MEDIA",
                    "AGY_LOCAL",
                    "AGY_SHERIFF",
                    "AGY_STATE",
                    "AGY_FEDERAL",
                    "AGY_PROSECUTOR",
                    "AGY_VSP")) {
                form.put(v, Integer.toString(random.nextInt(2)));
            }
            form.put("N_AGENCIES", Integer.toString(1 + i % 50));
            form.put("INV_OUTCOME", "2");
            form.put("NARRATIVE", "synthetic narrative " + i);
            return post("/records/" + record, form, true);
        }

        private void csrf(String page) {
            Matcher m = CSRF.matcher(page);
            if (m.find()) csrf = m.group(1);
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(String path, Map<String, String> fields, boolean htmx) throws Exception {
            StringJoiner body = new StringJoiner("&");
            body.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            fields.forEach((k, v) -> body.add(
                    URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (htmx) b.header("HX-Request", "true");
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

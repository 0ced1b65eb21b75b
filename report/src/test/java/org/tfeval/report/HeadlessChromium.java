package org.tfeval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket; no driver
 * library): opens a page and reports console errors, uncaught exceptions, failed loads and what a
 * script run in the page returns.
 */
final class HeadlessChromium implements AutoCloseable {
    /** The flags the brief for tests prescribes, plus a DevTools port chosen by Chromium. */
    static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--remote-debugging-port=0");

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch loaded = new CountDownLatch(1);

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium and attaches to its first page. */
    static HeadlessChromium start(Path chromium) throws Exception {
        Path profile = Files.createTempDirectory("tfeval-chromium-");
        List<String> cmd = new ArrayList<>();
        cmd.add(chromium.toString());
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + profile);
        cmd.add("about:blank");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String browserWs = null;
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (String line; browserWs == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) browserWs = m.group(1);
        }
        if (browserWs == null) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not start its DevTools endpoint");
        }
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI ws = URI.create(browserWs);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create("http://" + ws.getHost() + ":" + ws.getPort() + "/json/list"))
                                .timeout(TIMEOUT)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        String pageWs = null;
        for (JsonNode t : targets) {
            if (t.path("type").asText().equals("page"))
                pageWs = t.path("webSocketDebuggerUrl").asText();
        }
        if (pageWs == null) throw new AssertionError("Chromium has no page target");
        HeadlessChromium[] self = new HeadlessChromium[1];
        WebSocket socket = http.newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(URI.create(pageWs), new WebSocket.Listener() {
                    private final StringBuilder buffer = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        buffer.append(data);
                        if (last) {
                            String msg = buffer.toString();
                            buffer.setLength(0);
                            while (self[0] == null) Thread.onSpinWait();
                            self[0].onMessage(msg);
                        }
                        w.request(1);
                        return null;
                    }
                })
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        HeadlessChromium c = new HeadlessChromium(p, profile, socket);
        self[0] = c;
        for (String domain : List.of("Page", "Runtime", "Log", "Network"))
            c.call(domain + ".enable", JSON.createObjectNode());
        return c;
    }

    private void onMessage(String msg) {
        try {
            JsonNode n = JSON.readTree(msg);
            if (n.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(n.path("id").asInt());
                if (f != null) f.complete(n);
                return;
            }
            String method = n.path("method").asText();
            JsonNode params = n.path("params");
            switch (method) {
                case "Page.loadEventFired" -> loaded.countDown();
                case "Runtime.consoleAPICalled" -> {
                    if (params.path("type").asText().equals("error")
                            || params.path("type").asText().equals("assert")) {
                        problems.add("console " + params.path("type").asText() + ": " + params.path("args"));
                    }
                }
                case "Runtime.exceptionThrown" ->
                    problems.add("exception: "
                            + params.path("exceptionDetails").path("text").asText());
                case "Log.entryAdded" -> {
                    if (params.path("entry").path("level").asText().equals("error"))
                        problems.add("log error: "
                                + params.path("entry").path("text").asText() + " "
                                + params.path("entry").path("url").asText());
                }
                case "Network.loadingFailed" ->
                    problems.add("load failed: " + params.path("errorText").asText());
                default -> {}
            }
        } catch (IOException e) {
            problems.add("unreadable DevTools message");
        }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode r = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (r.has("error")) throw new AssertionError(method + " failed: " + r.path("error"));
        return r.path("result");
    }

    /** Opens a file and waits for its load event; clears the problems seen so far. */
    void open(Path file) throws Exception {
        problems.clear();
        loaded = new CountDownLatch(1);
        call("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
        if (!loaded.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            throw new AssertionError(file + " did not finish loading");
    }

    /** Evaluates an expression that returns a JSON string, and parses it. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = call(
                "Runtime.evaluate",
                JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) throw new AssertionError("script failed: " + r.path("exceptionDetails"));
        return JSON.readTree(r.path("result").path("value").asText());
    }

    /** Console errors, exceptions and failed loads since the page was opened. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            try (var s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}

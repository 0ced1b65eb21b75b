package org.tfeval.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client that signs in like a browser and posts forms with the page's CSRF token. */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;
    private String csrf;

    Browser(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs in; returns the response of the POST. */
    HttpResponse<String> signIn(String name, String password) {
        HttpResponse<String> form = get("/login");
        remember(form.body());
        return post("/login", Map.of("name", name, "password", password));
    }

    /** Signs in and fails the test unless it worked. */
    Browser signedIn(String name, String password) {
        HttpResponse<String> r = signIn(name, password);
        if (r.statusCode() != 303) throw new AssertionError("sign-in of " + name + " failed: " + r.statusCode());
        remember(get("/").body());
        return this;
    }

    String csrf() {
        return csrf;
    }

    void remember(String page) {
        Matcher m = CSRF.matcher(page);
        if (m.find()) csrf = m.group(1);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    /** Posts a form with the remembered CSRF token. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) all.put("_csrf", csrf);
        all.putAll(fields);
        return postRaw(path, all, false);
    }

    /** Posts a form as htmx does. */
    HttpResponse<String> htmx(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) all.put("_csrf", csrf);
        all.putAll(fields);
        return postRaw(path, all, true);
    }

    HttpResponse<String> postRaw(String path, Map<String, String> fields, boolean htmx) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) b.header("HX-Request", "true");
        return send(b.build());
    }

    /** Posts a multipart form with one file, as a browser's file upload. */
    HttpResponse<String> upload(
            String path, Map<String, String> fields, String fileField, String fileName, String content) {
        String boundary = "----tfeval" + System.nanoTime();
        StringBuilder b = new StringBuilder();
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) all.put("_csrf", csrf);
        all.putAll(fields);
        all.forEach((k, v) -> b.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
        b.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(fileField)
                .append("\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(content)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString(), StandardCharsets.UTF_8))
                .build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.tfeval.study.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The signed issue manifest placed at the root of every issued package: who the package was issued
 * to, under which access, when, from which snapshot and release, until when, and on what terms,
 * with an HMAC-SHA-256 under the study's audit key (kept outside the database and the package) so
 * that a manifest that names another recipient or issue does not verify.
 *
 * @param fields the signed fields, in order
 */
record IssueManifest(Map<String, String> fields) {
    /** The manifest's file name in a package. */
    static final String FILE = "ACCESS_ISSUE.json";
    /** What the signature is over, before the fields: separates it from every other MAC under the key. */
    static final String DOMAIN = "tfeval restricted-access issue manifest v1\n";

    static final String SIGNATURE = "signature";
    static final String ISSUE_ID = "issue_id";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    IssueManifest {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Objects.requireNonNull(fields.get(ISSUE_ID), "issue_id");
    }

    String issueId() {
        return fields.get(ISSUE_ID);
    }

    /** The signed text: the domain, then {@code key=value} lines in order. */
    String signedText() {
        StringBuilder b = new StringBuilder(DOMAIN);
        fields.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    /** Writes the manifest with its signature ({@code mac} of {@link #signedText}). */
    void write(Path file, UnaryOperator<String> mac) {
        ObjectNode n = JSON.createObjectNode();
        fields.forEach(n::put);
        n.put(SIGNATURE, "hmac-sha256:" + mac.apply(signedText()));
        try {
            Files.writeString(file, JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A manifest read back, and whether its signature verifies under {@code mac}. */
    record Read(IssueManifest manifest, boolean verified) {}

    /** Reads a manifest; its signature is checked against {@code mac} in constant time. Null when the file is not a manifest. */
    static Read read(Path file, UnaryOperator<String> mac) {
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.isObject() || !n.hasNonNull(ISSUE_ID)) return null;
        Map<String, String> fields = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getKey().equals(SIGNATURE))
                fields.put(e.getKey(), e.getValue().asText());
        });
        IssueManifest m = new IssueManifest(fields);
        String sig = n.path(SIGNATURE).asText("");
        String expected = "hmac-sha256:" + mac.apply(m.signedText());
        boolean ok = MessageDigest.isEqual(
                sig.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
        return new Read(m, ok);
    }
}

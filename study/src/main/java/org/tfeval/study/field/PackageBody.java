package org.tfeval.study.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.tfeval.store.field.FieldRows;

/**
 * What a package carries, encrypted: the study and device, the site and coder, the expiry, the
 * instrument, and the rows of that site only (task force, sampled cases, the coder's account,
 * the case files, passes and records the coder may see; a blind second coder gets no first-pass
 * values).
 */
record PackageBody(
        String studyId,
        UUID deviceId,
        String tfId,
        String coder,
        Instant expiresAt,
        Instant createdAt,
        String instrumentYaml,
        Map<FieldRows.Table, List<String>> tables) {
    private static final ObjectMapper JSON = new ObjectMapper();

    PackageBody {
        Objects.requireNonNull(studyId, "studyId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(tfId, "tfId");
        Objects.requireNonNull(coder, "coder");
        Objects.requireNonNull(instrumentYaml, "instrumentYaml");
        Map<FieldRows.Table, List<String>> t = new EnumMap<>(FieldRows.Table.class);
        tables.forEach((k, v) -> t.put(k, List.copyOf(v)));
        tables = java.util.Collections.unmodifiableMap(t);
    }

    List<String> rows(FieldRows.Table t) {
        return tables.getOrDefault(t, List.of());
    }

    byte[] bytes() {
        ObjectNode n = JSON.createObjectNode();
        n.put("study", studyId);
        n.put("device", deviceId.toString());
        n.put("tf", tfId);
        n.put("coder", coder);
        n.put("expires", expiresAt.toString());
        n.put("created", createdAt.toString());
        n.put("instrument", instrumentYaml);
        ObjectNode ts = n.putObject("tables");
        for (Map.Entry<FieldRows.Table, List<String>> e : tables.entrySet()) {
            ArrayNode a = ts.putArray(e.getKey().name());
            for (String r : e.getValue()) a.add(r);
        }
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    static PackageBody parse(byte[] bytes) {
        try {
            JsonNode n = JSON.readTree(bytes);
            Map<FieldRows.Table, List<String>> tables = new EnumMap<>(FieldRows.Table.class);
            n.path("tables").fields().forEachRemaining(e -> {
                List<String> rows = new ArrayList<>();
                for (JsonNode r : e.getValue()) rows.add(r.asText());
                tables.put(FieldRows.Table.valueOf(e.getKey()), rows);
            });
            return new PackageBody(
                    n.path("study").asText(),
                    UUID.fromString(n.path("device").asText()),
                    n.path("tf").asText(),
                    n.path("coder").asText(),
                    Instant.parse(n.path("expires").asText()),
                    Instant.parse(n.path("created").asText()),
                    n.path("instrument").asText(),
                    tables);
        } catch (IOException | RuntimeException e) {
            throw FieldPackage.damaged();
        }
    }
}

package org.tfeval.study.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tfeval.store.field.FieldLedger;

/**
 * One change made on a laptop, as the package keeps it and check-in stores it.
 *
 * @param uuid        the client UUID (check-in stores each once)
 * @param kind        what changed
 * @param at          when (the laptop's clock)
 * @param coder       who was signed in
 * @param caseId      the case file (as the laptop numbered it)
 * @param pass        the pass, or null
 * @param form        the form, or null
 * @param recordId    the record's id in the package, or null
 * @param recordKey   the record's key, or null
 * @param parentId    the parent record's id in the package (added records), or null
 * @param variable    the variable (field set), the action (activity), or null
 * @param oldValue    the value before (field set), or null
 * @param newValue    the value after (field set), the status (pass status), the detail (activity), or null
 * @param version     the record's save count after the change, or null
 * @param baseVersion the record's save count in the package as checked out (null: made on the laptop)
 * @param row         the whole row (case started, record added, pass status) as JSON, or null
 */
public record FieldEvent(
        UUID uuid,
        Kind kind,
        Instant at,
        String coder,
        String caseId,
        Integer pass,
        String form,
        Long recordId,
        String recordKey,
        Long parentId,
        String variable,
        String oldValue,
        String newValue,
        Integer version,
        Integer baseVersion,
        String row) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds of change. */
    public enum Kind {
        CASE_STARTED("case_started"),
        RECORD_ADDED("record_added"),
        FIELD_SET("field_set"),
        RECORD_REMOVED("record_removed"),
        PASS_STATUS("pass_status"),
        ACTIVITY("activity");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Whether the event changes coded data (activity only goes to the audit trail). */
        public boolean changesData() {
            return this != ACTIVITY;
        }

        static Kind of(String id) {
            for (Kind k : values()) if (k.id.equals(id)) return k;
            throw FieldPackage.damaged();
        }
    }

    public FieldEvent {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(coder, "coder");
    }

    /** The event as check-in stores it (the case ID as the study numbers it). */
    FieldLedger.Event stored(String officeCaseId) {
        return new FieldLedger.Event(
                uuid,
                kind.id(),
                officeCaseId,
                pass,
                form,
                recordKey,
                variable,
                kind == Kind.ACTIVITY ? null : oldValue,
                kind == Kind.ACTIVITY ? null : newValue,
                coder,
                at,
                baseVersion);
    }

    /** A batch of events as the bytes of one package frame. */
    static byte[] write(List<FieldEvent> events) {
        ArrayNode a = JSON.createArrayNode();
        for (FieldEvent e : events) {
            ObjectNode n = a.addObject();
            n.put("uuid", e.uuid.toString());
            n.put("kind", e.kind.id());
            n.put("at", e.at.toString());
            n.put("coder", e.coder);
            n.put("case", e.caseId);
            if (e.pass != null) n.put("pass", e.pass);
            n.put("form", e.form);
            if (e.recordId != null) n.put("record", e.recordId);
            n.put("key", e.recordKey);
            if (e.parentId != null) n.put("parent", e.parentId);
            n.put("variable", e.variable);
            n.put("old", e.oldValue);
            n.put("new", e.newValue);
            if (e.version != null) n.put("version", e.version);
            if (e.baseVersion != null) n.put("base", e.baseVersion);
            n.put("row", e.row);
        }
        return a.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The events of one package frame. */
    static List<FieldEvent> read(byte[] batch) {
        try {
            List<FieldEvent> out = new ArrayList<>();
            for (JsonNode n : JSON.readTree(batch)) {
                out.add(new FieldEvent(
                        UUID.fromString(n.path("uuid").asText()),
                        Kind.of(n.path("kind").asText()),
                        Instant.parse(n.path("at").asText()),
                        n.path("coder").asText(),
                        text(n, "case"),
                        n.hasNonNull("pass") ? n.get("pass").asInt() : null,
                        text(n, "form"),
                        n.hasNonNull("record") ? n.get("record").asLong() : null,
                        text(n, "key"),
                        n.hasNonNull("parent") ? n.get("parent").asLong() : null,
                        text(n, "variable"),
                        text(n, "old"),
                        text(n, "new"),
                        n.hasNonNull("version") ? n.get("version").asInt() : null,
                        n.hasNonNull("base") ? n.get("base").asInt() : null,
                        text(n, "row")));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.tfeval.instrument.workflow.Problem) throw (RuntimeException) e;
            throw FieldPackage.damaged();
        }
    }

    private static String text(JsonNode n, String name) {
        return n.hasNonNull(name) ? n.get(name).asText() : null;
    }
}

package org.tfeval.study.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.tfeval.store.field.FieldRows;
import org.tfeval.store.field.LaptopChanges;

/**
 * The coding rows of a laptop: the package body with its events applied. Rebuilt the same way on
 * every open, so the laptop's database is derived from the package alone; compared with the
 * database after each request to find what changed. A state read from the database may be
 * partial ({@link #read(Connection, LaptopChanges.Keys)}: only the rows whose keys changed), so a
 * save compares and takes over those rows only.
 */
final class LaptopState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char PASS_KEY_SEPARATOR = '|';

    private final Map<String, ObjectNode> cases = new LinkedHashMap<>();
    /** Passes by case ID, {@link #PASS_KEY_SEPARATOR} and pass number (sorted, so a case's passes are a range). */
    private final TreeMap<String, ObjectNode> passes = new TreeMap<>();

    private final TreeMap<Long, ObjectNode> records = new TreeMap<>();
    /** The record versions as checked out. */
    private final Map<Long, Integer> base = new HashMap<>();
    /** The keys a partial state covers (null: all rows). */
    private final LaptopChanges.Keys scope;

    private LaptopState(LaptopChanges.Keys scope) {
        this.scope = scope;
    }

    static LaptopState of(PackageBody body) {
        LaptopState s = new LaptopState(null);
        s.put(
                body.rows(FieldRows.Table.CODING_CASE),
                body.rows(FieldRows.Table.CODING_PASS),
                body.rows(FieldRows.Table.CODING_RECORD));
        for (Map.Entry<Long, ObjectNode> r : s.records.entrySet())
            s.base.put(r.getKey(), r.getValue().path("saves").asInt());
        return s;
    }

    /** All the rows now in a laptop database (reads every coding row of the package). */
    static LaptopState read(Connection c) throws SQLException {
        LaptopState s = new LaptopState(null);
        s.put(
                FieldRows.read(c, FieldRows.Table.CODING_CASE, "true", "case_id"),
                FieldRows.read(c, FieldRows.Table.CODING_PASS, "true", "case_id, pass"),
                FieldRows.read(c, FieldRows.Table.CODING_RECORD, "true", "id"));
        return s;
    }

    /**
     * The rows now in a laptop database whose keys changed (a partial state): the cases, the
     * passes of the cases and the records named by {@code keys}; a key without a row was deleted.
     */
    static LaptopState read(Connection c, LaptopChanges.Keys keys) throws SQLException {
        LaptopState s = new LaptopState(keys);
        s.put(
                LaptopChanges.rows(c, FieldRows.Table.CODING_CASE, keys.cases()),
                LaptopChanges.rows(c, FieldRows.Table.CODING_PASS, keys.passCases()),
                LaptopChanges.rows(c, FieldRows.Table.CODING_RECORD, keys.records()));
        return s;
    }

    /** Rows this state holds (for a partial state: the rows a save read). */
    int rows() {
        return cases.size() + passes.size() + records.size();
    }

    private void put(List<String> cs, List<String> ps, List<String> rs) {
        for (String r : cs) {
            ObjectNode n = node(r);
            cases.put(n.path("case_id").asText(), n);
        }
        for (String r : ps) {
            ObjectNode n = node(r);
            passes.put(passKey(n), n);
        }
        for (String r : rs) {
            ObjectNode n = node(r);
            records.put(n.path("id").asLong(), n);
        }
    }

    /** Loads the rows into a fresh laptop database. */
    void load(Connection c) throws SQLException {
        FieldRows.load(c, FieldRows.Table.CODING_CASE, texts(cases.values()));
        FieldRows.load(c, FieldRows.Table.CODING_PASS, texts(passes.values()));
        FieldRows.load(c, FieldRows.Table.CODING_RECORD, texts(records.values()));
    }

    /** Applies one event (replaying the package). */
    void apply(FieldEvent e) {
        switch (e.kind()) {
            case CASE_STARTED:
                cases.put(e.caseId(), node(e.row()));
                break;
            case PASS_STATUS:
                ObjectNode p = node(e.row());
                passes.put(passKey(p), p);
                break;
            case RECORD_ADDED:
                records.put(e.recordId(), node(e.row()));
                break;
            case FIELD_SET:
                ObjectNode r = records.get(e.recordId());
                if (r == null) throw FieldPackage.damaged();
                ((ObjectNode) r.path("cells")).put(e.variable(), e.newValue());
                if (e.version() != null) r.put("saves", e.version());
                break;
            case RECORD_REMOVED:
                records.remove(e.recordId());
                break;
            case ACTIVITY:
            default:
                break;
        }
    }

    /** The events that turn this state into {@code now}, in an order that replays. */
    List<FieldEvent> diff(LaptopState now, String coder, Instant at) {
        List<FieldEvent> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> c : now.cases.entrySet()) {
            if (!cases.containsKey(c.getKey()))
                out.add(event(FieldEvent.Kind.CASE_STARTED, coder, at, c.getKey(), null, null, null, c.getValue()));
        }
        for (Map.Entry<String, ObjectNode> p : now.passes.entrySet()) {
            ObjectNode old = passes.get(p.getKey());
            if (old == null
                    || !old.path("status")
                            .asText()
                            .equals(p.getValue().path("status").asText())) {
                ObjectNode n = p.getValue();
                out.add(new FieldEvent(
                        UUID.randomUUID(),
                        FieldEvent.Kind.PASS_STATUS,
                        at,
                        coder,
                        n.path("case_id").asText(),
                        n.path("pass").asInt(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        old == null ? null : old.path("status").asText(),
                        n.path("status").asText(),
                        null,
                        null,
                        n.toString()));
            }
        }
        for (Map.Entry<Long, ObjectNode> r : now.records.entrySet()) {
            ObjectNode old = records.get(r.getKey());
            ObjectNode n = r.getValue();
            if (old == null) {
                out.add(event(
                        FieldEvent.Kind.RECORD_ADDED,
                        coder,
                        at,
                        n.path("case_id").asText(),
                        r.getKey(),
                        n,
                        null,
                        n));
                continue;
            }
            JsonNode oc = old.path("cells");
            JsonNode nc = n.path("cells");
            Iterator<String> names = nc.fieldNames();
            while (names.hasNext()) {
                String v = names.next();
                String before = oc.hasNonNull(v) ? oc.get(v).asText() : "";
                String after = nc.get(v).isNull() ? "" : nc.get(v).asText();
                if (!before.equals(after)) {
                    out.add(new FieldEvent(
                            UUID.randomUUID(),
                            FieldEvent.Kind.FIELD_SET,
                            at,
                            coder,
                            n.path("case_id").asText(),
                            n.path("pass").asInt(),
                            n.path("form").asText(),
                            r.getKey(),
                            n.path("record_key").asText(),
                            null,
                            v,
                            before,
                            after,
                            n.path("saves").asInt(),
                            base.get(r.getKey()),
                            null));
                }
            }
        }
        for (Map.Entry<Long, ObjectNode> r : removable(now).entrySet()) {
            if (!now.records.containsKey(r.getKey())) {
                ObjectNode n = r.getValue();
                out.add(new FieldEvent(
                        UUID.randomUUID(),
                        FieldEvent.Kind.RECORD_REMOVED,
                        at,
                        coder,
                        n.path("case_id").asText(),
                        n.path("pass").asInt(),
                        n.path("form").asText(),
                        r.getKey(),
                        n.path("record_key").asText(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        base.get(r.getKey()),
                        null));
            }
        }
        return out;
    }

    /** The records {@code now} may lack (all of them, or those of its keys), newest first: removals replay children first. */
    private NavigableMap<Long, ObjectNode> removable(LaptopState now) {
        if (now.scope == null) return records.descendingMap();
        TreeMap<Long, ObjectNode> out = new TreeMap<>();
        for (Long id : now.scope.records()) {
            ObjectNode r = records.get(id);
            if (r != null) out.put(id, r);
        }
        return out.descendingMap();
    }

    /**
     * Takes over the rows of {@code now} (after its changes were saved to the package): all of
     * them, or for a partial state the rows of its keys (a key without a row is removed).
     */
    void become(LaptopState now) {
        if (now.scope != null) {
            cases.keySet().removeAll(now.scope.cases());
            cases.putAll(now.cases);
            for (String caseId : now.scope.passCases())
                passes.subMap(caseId + PASS_KEY_SEPARATOR, caseId + PASS_KEY_SEPARATOR + Character.MAX_VALUE)
                        .clear();
            passes.putAll(now.passes);
            records.keySet().removeAll(now.scope.records());
            records.putAll(now.records);
            return;
        }
        cases.clear();
        cases.putAll(now.cases);
        passes.clear();
        passes.putAll(now.passes);
        records.clear();
        records.putAll(now.records);
    }

    private static FieldEvent event(
            FieldEvent.Kind kind,
            String coder,
            Instant at,
            String caseId,
            Long recordId,
            ObjectNode record,
            String variable,
            ObjectNode row) {
        return new FieldEvent(
                UUID.randomUUID(),
                kind,
                at,
                coder,
                caseId,
                record == null ? null : record.path("pass").asInt(),
                record == null ? null : record.path("form").asText(),
                recordId,
                record == null ? null : record.path("record_key").asText(),
                record == null || record.path("parent_id").isNull()
                        ? null
                        : record.path("parent_id").asLong(),
                variable,
                null,
                null,
                record == null ? null : record.path("saves").asInt(),
                null,
                row.toString());
    }

    private static String passKey(JsonNode n) {
        return n.path("case_id").asText() + PASS_KEY_SEPARATOR + n.path("pass").asInt();
    }

    private static List<String> texts(Iterable<ObjectNode> nodes) {
        List<String> out = new ArrayList<>();
        for (ObjectNode n : nodes) out.add(n.toString());
        return out;
    }

    private static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassCastException e) {
            throw FieldPackage.damaged();
        }
    }
}

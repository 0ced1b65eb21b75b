package org.tfeval.study.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.coding.CaseFiles;
import org.tfeval.store.coding.CaseForms;
import org.tfeval.store.coding.Completion;
import org.tfeval.store.coding.DraftRecord;
import org.tfeval.store.coding.Drafts;
import org.tfeval.store.coding.Pass;
import org.tfeval.store.coding.PassState;
import org.tfeval.store.field.FieldLedger;
import org.tfeval.store.field.FieldRows;
import org.tfeval.study.audit.AuditEvents;

/**
 * One check-in's merge, inside its transaction: the events not seen before are stored and merged
 * field by field (three-way: the value the laptop started from, the laptop's last value, the
 * study's current value); what does not merge by itself goes to the conflict queue.
 */
final class Merge {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field's net change on the laptop. */
    private static final class Net {
        final String caseId;
        final int pass;
        final String form;
        final String key;
        final String coder;
        final String base;
        String last;

        Net(String caseId, int pass, String form, String key, String coder, String base, String last) {
            this.caseId = caseId;
            this.pass = pass;
            this.form = form;
            this.key = key;
            this.coder = coder;
            this.base = base;
            this.last = last;
        }
    }

    private final Connection c;
    private final CaseForms forms;
    private final PackageBody body;
    private final FieldLedger.Device device;
    private final String actor;
    private final String mergedBy;
    private final Set<Long> baseRecords = new HashSet<>();
    private final Map<String, String> cases = new HashMap<>();
    private final Map<Long, Long> added = new HashMap<>();
    /** Net changes by study record id, then variable. */
    private final Map<Long, Map<String, Net>> nets = new LinkedHashMap<>();
    /** Whether the study still has a record of the package (asked once per record). */
    private final Map<Long, Boolean> existing = new HashMap<>();
    /** Laptop record ids whose study record is gone. */
    private final Set<Long> gone = new HashSet<>();

    private final Map<String, Boolean> completedOnLaptop = new LinkedHashMap<>();
    /** The device's activity entries, recorded as one audit event. */
    private final com.fasterxml.jackson.databind.node.ArrayNode activityLog = JSON.createArrayNode();

    private long checkin;
    private int applied;
    private int conflicts;
    private int activity;

    Merge(Connection c, CaseForms forms, PackageBody body, FieldLedger.Device device, String actor) {
        this.c = c;
        this.forms = forms;
        this.body = body;
        this.device = device;
        this.actor = actor;
        this.mergedBy = body.coder() + " (field device " + device.deviceId() + ", checked in by " + actor + ")";
        for (String r : body.rows(FieldRows.Table.CODING_RECORD))
            baseRecords.add(node(r).path("id").asLong());
        for (String r : body.rows(FieldRows.Table.CODING_CASE)) {
            String id = node(r).path("case_id").asText();
            cases.put(id, id);
        }
    }

    Field.Checkin run(List<FieldEvent> events) throws SQLException {
        checkin = FieldLedger.startCheckin(c, device.deviceId(), actor, events.size());
        Map<java.util.UUID, FieldLedger.Known> seen =
                FieldLedger.known(c, events.stream().map(FieldEvent::uuid).toList());
        List<FieldLedger.NewEvent> stored = new java.util.ArrayList<>();
        int fresh = 0;
        int ord = 0;
        for (FieldEvent e : events) {
            ord++;
            FieldLedger.Known known = seen.get(e.uuid());
            if (known != null) {
                remember(e, known);
                continue;
            }
            fresh++;
            Long officeRecord = take(e);
            String officeCase = e.caseId() == null ? null : cases.getOrDefault(e.caseId(), e.caseId());
            stored.add(new FieldLedger.NewEvent(ord, e.stored(officeCase), officeRecord));
        }
        FieldLedger.insertEvents(c, device.deviceId(), checkin, stored);
        if (!activityLog.isEmpty()) {
            AuditLog.record(
                    c,
                    new AuditEntry(
                            body.coder() + " (field device " + device.deviceId() + ")",
                            "field_activity",
                            null,
                            "the activity log of a field laptop, uploaded at check-in",
                            JSON.createObjectNode()
                                    .put("device", device.deviceId().toString())
                                    .put("entries", activityLog.size())
                                    .set("log", activityLog)
                                    .toString()));
        }
        int completed = 0;
        int notCompleted = 0;
        if (fresh > 0) {
            applyNets();
            for (Map.Entry<String, Boolean> p : completedOnLaptop.entrySet()) {
                if (!p.getValue()) continue;
                String[] k = p.getKey().split("\\|");
                Pass pass = Pass.of(Integer.parseInt(k[1]));
                Optional<PassState> state = CaseFiles.pass(c, k[0], pass);
                if (state.isEmpty() || state.get().complete()) continue;
                if (FieldLedger.openConflicts(c, k[0], pass.number()) == 0
                        && Completion.complete(c, forms, k[0], pass, mergedBy).completed()) completed++;
                else notCompleted++;
            }
        }
        FieldLedger.finishCheckin(c, checkin, device.deviceId(), fresh, applied, conflicts);
        AuditEvents.record(
                c,
                actor,
                "field_checkin",
                null,
                "device",
                device.deviceId().toString(),
                "coder",
                body.coder(),
                "events",
                events.size(),
                "new_events",
                fresh,
                "applied",
                applied,
                "conflicts",
                conflicts,
                "activity",
                activity);
        return new Field.Checkin(
                device.deviceId(), events.size(), fresh, applied, conflicts, completed, notCompleted, activity);
    }

    /** Restores what an event checked in before decided (the case and record it became). */
    private void remember(FieldEvent e, FieldLedger.Known k) {
        if (e.kind() == FieldEvent.Kind.CASE_STARTED && k.caseId() != null) cases.put(e.caseId(), k.caseId());
        if (e.kind() == FieldEvent.Kind.RECORD_ADDED && k.officeRecordId() != null)
            added.put(e.recordId(), k.officeRecordId());
    }

    /** Takes one new event; returns the study record an added record became, or null. */
    private Long take(FieldEvent e) throws SQLException {
        switch (e.kind()) {
            case CASE_STARTED:
                startCase(e);
                return null;
            case RECORD_ADDED:
                return addRecord(e);
            case FIELD_SET:
                setField(e);
                return null;
            case RECORD_REMOVED:
                removeRecord(e);
                return null;
            case PASS_STATUS:
                completedOnLaptop.put(officeCase(e.caseId()) + "|" + e.pass(), "complete".equals(e.newValue()));
                return null;
            case ACTIVITY:
            default:
                activity(e);
                return null;
        }
    }

    private void startCase(FieldEvent e) throws SQLException {
        JsonNode row = node(e.row());
        String tf = row.path("tf_id").asText();
        if (!tf.equals(body.tfId()) || row.path("draw_id").isNull()) throw FieldPackage.damaged();
        long draw = row.path("draw_id").asLong();
        String ref = row.path("case_ref").asText();
        Optional<String> existing = FieldLedger.caseOfSample(c, draw, tf, ref);
        String office = existing.isPresent()
                ? existing.get()
                : CaseFiles.startSampled(c, forms, draw, tf, ref, body.coder(), mergedBy)
                        .caseId();
        if (existing.isEmpty()) applied++;
        cases.put(e.caseId(), office);
    }

    private Long addRecord(FieldEvent e) throws SQLException {
        ObjectNode row = node(e.row());
        String officeCase = officeCase(row.path("case_id").asText());
        Pass pass = Pass.of(row.path("pass").asInt());
        DraftRecord office;
        boolean fresh;
        if (row.path("parent_id").isNull()) {
            office = Drafts.records(c, officeCase, pass).stream()
                    .filter(r -> r.parentId() == null)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("case " + officeCase + " has no case record"));
            fresh = office.saves() == 0;
        } else {
            Long parent = officeRecord(row.path("parent_id").asLong());
            if (parent == null) {
                queue("record_gone", officeCase, pass.number(), e.form(), null, e.recordKey(), null, null, null, null);
                return null;
            }
            office = Drafts.add(c, forms, parent, e.form(), mergedBy);
            fresh = true;
            applied++;
        }
        added.put(e.recordId(), office.id());
        Form form = forms.form(office.form());
        JsonNode cells = row.path("cells");
        Iterator<String> names = cells.fieldNames();
        while (names.hasNext()) {
            String v = names.next();
            Optional<Variable> var = form.find(v);
            if (var.isEmpty() || !forms.entered(form, var.get())) continue;
            String value = cells.get(v).isNull() ? "" : cells.get(v).asText();
            String current = office.cell(v);
            if (value.equals(current)) continue;
            // a record the study just made starts from its own values; one made elsewhere meanwhile from blank
            net(office, v, fresh ? current : "", value);
        }
        return office.id();
    }

    private void setField(FieldEvent e) throws SQLException {
        Long office = officeRecord(e.recordId());
        if (office == null) {
            if (gone.add(e.recordId()))
                queue(
                        "record_gone",
                        officeCase(e.caseId()),
                        e.pass(),
                        e.form(),
                        null,
                        e.recordKey(),
                        e.variable(),
                        e.oldValue(),
                        e.newValue(),
                        null);
            return;
        }
        Map<String, Net> m = nets.get(office);
        Net n = m == null ? null : m.get(e.variable());
        if (n != null) {
            n.last = e.newValue();
            return;
        }
        DraftRecord r = Drafts.find(c, office).orElseThrow();
        net(r, e.variable(), e.oldValue(), e.newValue());
    }

    private void net(DraftRecord r, String variable, String base, String last) {
        nets.computeIfAbsent(r.id(), k -> new LinkedHashMap<>())
                .put(
                        variable,
                        new Net(r.caseId(), r.pass().number(), r.form(), r.key(), body.coder(), nz(base), nz(last)));
    }

    private void removeRecord(FieldEvent e) throws SQLException {
        Long office = officeRecord(e.recordId());
        String key = office == null
                ? e.recordKey()
                : Drafts.find(c, office).map(DraftRecord::key).orElse(e.recordKey());
        queue(
                office == null ? "record_gone" : "deletion",
                officeCase(e.caseId()),
                e.pass(),
                e.form(),
                office,
                key,
                null,
                null,
                null,
                null);
    }

    private void activity(FieldEvent e) {
        ObjectNode d = activityLog.addObject();
        d.put("at", e.at().toString());
        d.put("actor", e.coder());
        d.put("action", e.variable());
        d.put("form", e.form());
        d.put("detail", e.newValue());
        activity++;
    }

    /** Writes the net changes that merge by themselves (one save per record); queues the rest. */
    private void applyNets() throws SQLException {
        for (Map.Entry<Long, Map<String, Net>> r : nets.entrySet()) {
            Optional<DraftRecord> found = Drafts.find(c, r.getKey());
            if (found.isEmpty()) continue;
            DraftRecord d = found.get();
            Form form = forms.form(d.form());
            Map<String, String> take = new LinkedHashMap<>();
            for (Map.Entry<String, Net> en : r.getValue().entrySet()) {
                String v = en.getKey();
                Net n = en.getValue();
                Optional<Variable> var = form.find(v);
                if (var.isEmpty() || !forms.entered(form, var.get())) continue;
                String current = d.cell(v);
                if (current.equals(n.last)) continue;
                if (current.equals(n.base)) take.put(v, n.last);
                else queue("value", n.caseId, n.pass, n.form, d.id(), n.key, v, n.base, n.last, current);
            }
            if (!take.isEmpty()) {
                Drafts.save(
                        c,
                        forms,
                        d.id(),
                        take,
                        mergedBy,
                        "field_merge",
                        "merged from a field package (" + take.size() + " field" + (take.size() == 1 ? "" : "s") + ")");
                applied += take.size();
            }
        }
    }

    private void queue(
            String kind,
            String caseId,
            Integer pass,
            String form,
            Long recordId,
            String key,
            String variable,
            String base,
            String field,
            String office)
            throws SQLException {
        FieldLedger.insertConflict(
                c,
                new FieldLedger.Conflict(
                        0,
                        device.deviceId(),
                        checkin,
                        kind,
                        caseId,
                        pass == null ? 1 : pass,
                        form == null ? "" : form,
                        recordId,
                        key == null ? "" : key,
                        variable,
                        base,
                        field,
                        office,
                        body.coder(),
                        "open",
                        null,
                        null,
                        false,
                        null,
                        null));
        conflicts++;
    }

    private String officeCase(String laptopCase) {
        String office = cases.get(laptopCase);
        if (office == null) throw FieldPackage.damaged();
        return office;
    }

    /** The study record of a laptop record, or null when the study no longer has it. */
    private Long officeRecord(long laptopId) throws SQLException {
        Long a = added.get(laptopId);
        if (a != null) return a;
        if (!baseRecords.contains(laptopId)) return null;
        Boolean present = existing.get(laptopId);
        if (present == null) {
            present = Drafts.find(c, laptopId).isPresent();
            existing.put(laptopId, present);
        }
        return present ? laptopId : null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw FieldPackage.damaged();
        }
    }
}

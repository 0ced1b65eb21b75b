package org.tfeval.synth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tfeval.instrument.Derivation;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.expression.Truth;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;

/**
 * Reads a generated study back the way an importer does (commons-csv, header row) and checks it
 * with the instrument: {@link RecordValidator} on every row, and the cross-form rules the store
 * checks (parents exist, inherited values, derived flags, date orders against the parent record).
 */
final class StudyFiles {
    /** A violation found in the files, comparable with an {@link InjectedError}. */
    record Finding(String form, String recordId, String variable, String code) {
        static Finding of(InjectedError e) {
            return new Finding(e.form(), e.recordId(), e.variable(), e.code());
        }
    }

    private StudyFiles() {}

    /** Streams the rows of a CSV file as column name to cell. */
    static void rows(Path file, Consumer<Map<String, String>> out) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            for (CSVRecord r : p) out.accept(r.toMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header of a CSV file. */
    static List<String> header(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
            return p.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of every form, typed by {@link RecordValidator#parse}; every violation goes to {@code violations}. */
    static Map<String, List<Map<String, Object>>> load(Instrument instrument, Path dir, Set<Finding> violations) {
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        for (Form form : instrument.forms()) {
            RecordValidator validator = new RecordValidator(instrument, form);
            List<Map<String, Object>> records = new ArrayList<>();
            long[] row = {0};
            String file = form.name() + ".csv";
            rows(dir.resolve(file), cells -> {
                row[0]++;
                records.add(validator.parse(
                        cells,
                        new Location(file, row[0]),
                        v -> violations.add(new Finding(
                                form.name(),
                                v.recordId() != null ? v.recordId() : idOf(form, cells),
                                v.variable(),
                                v.code()))));
            });
            data.put(form.name(), records);
        }
        return data;
    }

    /** Checks parents, inherited values, derived variables and date orders against parent records. */
    static Set<Finding> crossForm(Instrument instrument, Map<String, List<Map<String, Object>>> data) {
        Set<Finding> out = new LinkedHashSet<>();
        Map<String, Map<Object, Map<String, Object>>> byKey = new HashMap<>();
        Map<String, Map<Object, List<Map<String, Object>>>> children = new HashMap<>();
        for (Form f : instrument.forms()) {
            Map<Object, Map<String, Object>> index = new HashMap<>();
            for (Map<String, Object> r : data.get(f.name()))
                index.put(r.get(f.key().get(0)), r);
            byKey.put(f.name(), index);
        }
        for (Form f : instrument.forms()) {
            Variable link = f.parentLink().orElse(null);
            if (link == null) continue;
            Form parentForm = instrument.form(link.parent());
            Map<Object, List<Map<String, Object>>> groups = new HashMap<>();
            for (Map<String, Object> r : data.get(f.name())) {
                Map<String, Object> parent = byKey.get(parentForm.name()).get(r.get(link.name()));
                String id = new RecordValidator(instrument, f).recordId(r);
                if (parent == null) {
                    out.add(new Finding(f.name(), id, link.name(), "orphan"));
                    continue;
                }
                groups.computeIfAbsent(r.get(link.name()), k -> new ArrayList<>())
                        .add(r);
                for (Variable v : f.variables()) {
                    if (v.inherit() != null
                            && !String.valueOf(r.get(v.name())).equals(String.valueOf(parent.get(v.name())))) {
                        out.add(new Finding(f.name(), id, v.name(), "inherit_mismatch"));
                    }
                }
                for (Rule rule : instrument.rulesOf(f)) {
                    if (rule instanceof Rule.DateOrder d && d.dates().stream().anyMatch(x -> x.contains("."))) {
                        LocalDate previous = null;
                        for (String name : d.dates()) {
                            Object value = name.contains(".")
                                    ? parent.get(name.substring(name.indexOf('.') + 1))
                                    : r.get(name);
                            if (RecordValidator.known(value) instanceof LocalDate date) {
                                if (previous != null && date.isBefore(previous)) {
                                    out.add(new Finding(f.name(), id, d.dates().get(0), "date_order_parent"));
                                }
                                previous = date;
                            }
                        }
                    }
                }
            }
            children.put(f.name(), groups);
        }
        for (Form f : instrument.forms()) {
            for (Variable v : f.variables()) {
                if (!v.isDerived()) continue;
                Derivation d = v.derived();
                for (Map<String, Object> r : data.get(f.name())) {
                    List<Map<String, Object>> kids =
                            children.get(d.form()).getOrDefault(r.get(f.key().get(0)), List.of());
                    long expected = d.kind() == Derivation.Kind.COUNT
                            ? kids.size()
                            : kids.stream()
                                            .anyMatch(k ->
                                                    d.where().test(x -> RecordValidator.known(k.get(x))) == Truth.TRUE)
                                    ? 1
                                    : 0;
                    if (!Long.valueOf(expected).equals(r.get(v.name()))) {
                        out.add(new Finding(
                                f.name(),
                                new RecordValidator(instrument, f).recordId(r),
                                v.name(),
                                "derived_mismatch"));
                    }
                }
            }
        }
        return out;
    }

    private static String idOf(Form form, Map<String, String> cells) {
        List<String> parts = new ArrayList<>();
        for (String k : form.key()) parts.add(cells.get(k));
        return String.join("/", parts);
    }
}

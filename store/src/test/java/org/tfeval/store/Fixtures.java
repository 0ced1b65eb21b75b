package org.tfeval.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.Truth;

/** Builds valid records of any form from the instrument, with overrides; writes them as CSV. */
final class Fixtures {
    private final Instrument instrument;

    Fixtures(Instrument instrument) {
        this.instrument = instrument;
    }

    /** A record with a plausible valid value for every variable, then the overrides, then skip logic applied. */
    Map<String, String> record(String form, Map<String, String> overrides) {
        Form f = instrument.form(form);
        Map<String, String> cells = new LinkedHashMap<>();
        for (Variable v : f.variables()) {
            if (v.isDerived() || !v.required()) {
                cells.put(v.name(), "");
                continue;
            }
            cells.put(
                    v.name(),
                    switch (v.type()) {
                        case CODE ->
                            Long.toString(v.valueLabels().keySet().stream()
                                    .filter(k -> k > 0)
                                    .findFirst()
                                    .orElse(v.valueLabels().keySet().iterator().next()));
                        case INTEGER, DECIMAL ->
                            v.min() == null
                                    ? "1"
                                    : v.min()
                                            .max(java.math.BigDecimal.valueOf(30)
                                                    .min(v.max()))
                                            .toPlainString();
                        case DATE -> "2018-06-01";
                        case STRING -> "XX";
                        default -> "x";
                    });
        }
        cells.putAll(overrides);
        for (Variable v : f.variables()) {
            if (v.appliesWhen() != null && !overrides.containsKey(v.name())) {
                Truth t = v.appliesWhen().test(name -> {
                    Variable w = f.variable(name);
                    String raw = cells.get(name);
                    if (raw == null || raw.isBlank()) return null;
                    Object o = w.type().parse(raw);
                    return o instanceof Missing ? null : o;
                });
                if (t == Truth.FALSE) cells.put(v.name(), "-7");
            }
        }
        return cells;
    }

    static Path csv(Path dir, String name, List<Map<String, String>> rows) {
        try {
            Path p = dir.resolve(name);
            List<String> lines = new ArrayList<>();
            lines.add(String.join(",", rows.get(0).keySet()));
            for (Map<String, String> r : rows) {
                lines.add(String.join(
                        ",", r.values().stream().map(Fixtures::quote).toList()));
            }
            Files.write(p, lines, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static boolean isCharacter(Variable v) {
        return v.type() == VariableType.STRING || v.type() == VariableType.TEXT;
    }
}

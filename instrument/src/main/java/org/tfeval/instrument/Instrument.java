package org.tfeval.instrument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A study instrument: the data dictionary every part of tfeval derives from.
 *
 * @param id           short id ({@code ecm})
 * @param version      version of the instrument file
 * @param title        title for reports and codebooks
 * @param minDate      earliest valid date
 * @param maxDate      latest valid date
 * @param missingCodes the reserved missing codes
 * @param valueSets    shared value sets by name
 * @param forms        forms, parents before children
 * @param rules        rules beyond single-variable checks
 */
public record Instrument(
        String id,
        String version,
        String title,
        LocalDate minDate,
        LocalDate maxDate,
        List<MissingCode> missingCodes,
        Map<String, Map<Long, String>> valueSets,
        List<Form> forms,
        List<Rule> rules) {

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        missingCodes = List.copyOf(missingCodes);
        valueSets = Map.copyOf(valueSets);
        forms = List.copyOf(forms);
        rules = List.copyOf(rules);
        Map<String, Form> byName = new LinkedHashMap<>();
        for (Form f : forms) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalArgumentException("form " + f.name() + " is declared twice");
            }
            for (Variable v : f.variables()) {
                if (v.parent() != null && !byName.containsKey(v.parent())) {
                    throw new IllegalArgumentException(f.name() + "." + v.name() + ": parent form " + v.parent()
                            + " must be declared before " + f.name());
                }
            }
        }
        for (Rule r : rules) {
            if (!byName.containsKey(r.form())) {
                throw new IllegalArgumentException("rule " + r.id() + ": unknown form " + r.form());
            }
        }
    }

    /** The form of that name. */
    public Optional<Form> findForm(String name) {
        return forms.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The form of that name, or an exception listing the forms. */
    public Form form(String name) {
        return findForm(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown form '" + name + "'; the instrument has " + formNames()));
    }

    /** Form names in order. */
    public List<String> formNames() {
        return forms.stream().map(Form::name).toList();
    }

    /** The parent form of a form, if it has one. */
    public Optional<Form> parentOf(Form form) {
        return form.parentLink().map(v -> form(v.parent()));
    }

    /** Forms whose parent is the given form. */
    public List<Form> childrenOf(Form form) {
        List<Form> out = new ArrayList<>();
        for (Form f : forms) {
            if (f.parentLink().map(v -> v.parent().equals(form.name())).orElse(false)) out.add(f);
        }
        return out;
    }

    /** Rules of a form. */
    public List<Rule> rulesOf(Form form) {
        return rules.stream().filter(r -> r.form().equals(form.name())).toList();
    }

    /** The missing code, if reserved. */
    public Optional<MissingCode> missingCode(int code) {
        return missingCodes.stream().filter(m -> m.code() == code).findFirst();
    }

    /** Whether a number is a reserved missing code. */
    public boolean isMissingCode(long code) {
        return missingCodes.stream().anyMatch(m -> m.code() == code);
    }
}

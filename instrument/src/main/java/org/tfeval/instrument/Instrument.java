package org.tfeval.instrument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A study instrument: the data dictionary every part of tfeval derives from.
 *
 * @param id           short id ({@code ecm})
 * @param version      version of the instrument file
 * @param title        title for reports and codebooks
 * @param minDate      earliest valid date
 * @param maxDate      latest valid date
 * @param missingLabels the reserved missing codes the instrument declares, each with the words users see
 * @param valueSets    shared value sets by name
 * @param forms        forms, parents before children
 * @param rules        rules beyond single-variable checks
 * @param codeClasses  what codes mean to the analyses, by variable and class
 * @param study        the study-level description for archive packages (the {@code study:} section)
 * @param disclosureModel attackers, scenario and generalization hierarchies ({@code disclosure_model})
 */
public record Instrument(
        String id,
        String version,
        String title,
        LocalDate minDate,
        LocalDate maxDate,
        Map<MissingCode, String> missingLabels,
        Map<String, Map<Long, String>> valueSets,
        List<Form> forms,
        List<Rule> rules,
        Map<String, Map<String, Set<Long>>> codeClasses,
        StudyDescription study,
        org.tfeval.instrument.disclosure.DisclosureModel disclosureModel) {

    /** An instrument without a study section or a disclosure model. */
    public Instrument(
            String id,
            String version,
            String title,
            LocalDate minDate,
            LocalDate maxDate,
            Map<MissingCode, String> missingLabels,
            Map<String, Map<Long, String>> valueSets,
            List<Form> forms,
            List<Rule> rules,
            Map<String, Map<String, Set<Long>>> codeClasses) {
        this(
                id,
                version,
                title,
                minDate,
                maxDate,
                missingLabels,
                valueSets,
                forms,
                rules,
                codeClasses,
                StudyDescription.empty(title == null ? id : title, version),
                org.tfeval.instrument.disclosure.DisclosureModel.none());
    }

    public Instrument {
        Objects.requireNonNull(disclosureModel, "disclosureModel");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        missingLabels = Collections.unmodifiableMap(
                missingLabels.isEmpty() ? new EnumMap<>(MissingCode.class) : new EnumMap<>(missingLabels));
        missingLabels.forEach((code, label) -> {
            if (label == null || label.isBlank())
                throw new IllegalArgumentException("missing code " + code.code() + " needs a label");
        });
        valueSets = Map.copyOf(valueSets);
        forms = List.copyOf(forms);
        rules = List.copyOf(rules);
        Map<String, Map<String, Set<Long>>> classes = new LinkedHashMap<>();
        codeClasses.forEach((variable, byClass) -> {
            Map<String, Set<Long>> copy = new LinkedHashMap<>();
            byClass.forEach((name, codes) -> copy.put(name, Set.copyOf(codes)));
            classes.put(variable, Collections.unmodifiableMap(copy));
        });
        codeClasses = Collections.unmodifiableMap(classes);
        Objects.requireNonNull(study, "study");
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

    /**
     * The codes of a variable that mean one thing to the analyses ({@code S_TOP_CHARGE}'s
     * {@code trafficking_statute}, {@code HT_TYPE}'s {@code sex_trafficking}), as the instrument's
     * {@code code_classes} declare them: code meanings come from the instrument, never from literals.
     */
    public Set<Long> codeClass(String variable, String className) {
        Set<Long> codes = codeClasses.getOrDefault(variable, Map.of()).get(className);
        if (codes == null) {
            throw new IllegalArgumentException("instrument " + id + " declares no code class " + className + " of "
                    + variable + " (code_classes: " + codeClasses.keySet() + ")");
        }
        return codes;
    }

    /** The form of that name. */
    public Optional<Form> findForm(String name) {
        return forms.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The form of that name, or an exception listing the forms. */
    public Form form(String name) {
        return findForm(name)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown form '" + name + "'; the instrument has " + formNames()));
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

    /** The reserved missing codes the instrument declares, lowest (-9) first. */
    public List<MissingCode> missingCodes() {
        return List.copyOf(missingLabels.keySet());
    }

    /** The words users see for a missing code, from the instrument file. */
    public String missingLabel(MissingCode code) {
        String label = missingLabels.get(code);
        if (label == null)
            throw new IllegalArgumentException(
                    "the instrument " + id + " does not declare missing code " + code.code());
        return label;
    }

    /** The missing code, if reserved. */
    public Optional<MissingCode> missingCode(int code) {
        return MissingCode.ofCode(code).filter(missingLabels::containsKey);
    }

    /** Whether a number is a reserved missing code. */
    public boolean isMissingCode(long code) {
        return MissingCode.ofCode(code).filter(missingLabels::containsKey).isPresent();
    }
}

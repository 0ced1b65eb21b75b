package org.tfeval.instrument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A form: one record type (task force, case, victim, suspect, offense) and one dataset.
 *
 * @param name      lower-case name used on the command line and in table names
 * @param label     words for people
 * @param key       the variables that identify a record
 * @param variables the variables in dataset order
 * @param sections  the headed parts the form is laid out in, in variable order (empty: one part)
 */
public record Form(String name, String label, List<String> key, List<Variable> variables, List<Section> sections) {
    /** Longest form name: its table and index names stay within PostgreSQL's 63 characters. */
    public static final int MAX_NAME_LENGTH = 30;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * A headed part of a form, as on the paper form: it runs from its first variable to the next
     * section's first variable.
     *
     * @param name  lower-case name (an anchor in the coding form)
     * @param label the heading
     * @param first the name of its first variable
     */
    public record Section(String name, String label, String first) {
        public Section {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(first, "first");
            if (!NAME.matcher(name).matches())
                throw new IllegalArgumentException(
                        "section name '" + name + "' must be lower-case letters, digits and _, starting with a letter");
            if (label.isBlank()) throw new IllegalArgumentException("section " + name + " needs a label");
        }
    }

    /** A form laid out as one part. */
    public Form(String name, String label, List<String> key, List<Variable> variables) {
        this(name, label, key, variables, List.of());
    }

    public Form {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("form name '" + name
                    + "' must be lower-case letters, digits and _, starting with a letter, at most " + MAX_NAME_LENGTH
                    + " characters");
        }
        Objects.requireNonNull(label, "label");
        key = List.copyOf(key);
        variables = List.copyOf(variables);
        Map<String, Variable> byName = new LinkedHashMap<>();
        for (Variable v : variables) {
            if (byName.put(v.name(), v) != null) {
                throw new IllegalArgumentException("form " + name + ": variable " + v.name() + " is declared twice");
            }
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("form " + name + ": a key is required");
        }
        for (String k : key) {
            if (!byName.containsKey(k)) {
                throw new IllegalArgumentException("form " + name + ": key variable " + k + " is not declared");
            }
        }
        sections = List.copyOf(sections);
        List<String> order = List.copyOf(byName.keySet());
        int last = -1;
        Set<String> sectionNames = new HashSet<>();
        for (Section s : sections) {
            int at = order.indexOf(s.first());
            if (at < 0)
                throw new IllegalArgumentException("form " + name + ": section " + s.name() + " starts at " + s.first()
                        + ", which is not declared");
            if (at <= last)
                throw new IllegalArgumentException("form " + name + ": section " + s.name()
                        + " must start after the previous section's first variable");
            if (!sectionNames.add(s.name()))
                throw new IllegalArgumentException("form " + name + ": section " + s.name() + " is declared twice");
            last = at;
        }
    }

    /**
     * The variables of each section in form order; variables before the first section form a
     * leading part with a null section. A form without sections is one part.
     */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        Section current = null;
        List<Variable> run = new ArrayList<>();
        for (Variable v : variables) {
            Section starts = sections.stream()
                    .filter(s -> s.first().equals(v.name()))
                    .findFirst()
                    .orElse(null);
            if (starts != null) {
                if (!run.isEmpty() || current != null) parts.add(new Part(current, run));
                current = starts;
                run = new ArrayList<>();
            }
            run.add(v);
        }
        if (!run.isEmpty() || current != null) parts.add(new Part(current, run));
        return List.copyOf(parts);
    }

    /**
     * A section and its variables.
     *
     * @param section   the section, or null for the variables before the first one
     * @param variables its variables in form order
     */
    public record Part(Section section, List<Variable> variables) {
        public Part {
            variables = List.copyOf(variables);
        }
    }

    /** The variable of that name. */
    public Optional<Variable> find(String variable) {
        return variables.stream().filter(v -> v.name().equals(variable)).findFirst();
    }

    /** The variable of that name, or an exception naming the form. */
    public Variable variable(String variable) {
        return find(variable)
                .orElseThrow(() -> new IllegalArgumentException("form " + name + " has no variable " + variable));
    }

    /** The id variable linking a record to its parent record, if this form has a parent. */
    public Optional<Variable> parentLink() {
        return variables.stream().filter(v -> v.parent() != null).findFirst();
    }

    /** SQL table name. */
    public String table() {
        return "d_" + name;
    }
}

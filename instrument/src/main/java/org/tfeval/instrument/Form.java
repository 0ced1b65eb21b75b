package org.tfeval.instrument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A form: one record type (task force, case, victim, suspect, offense) and one dataset.
 *
 * @param name      lower-case name used on the command line and in table names
 * @param label     words for people
 * @param key       the variables that identify a record
 * @param variables the variables in dataset order
 */
public record Form(String name, String label, List<String> key, List<Variable> variables) {
    /** Longest form name: its table and index names stay within PostgreSQL's 63 characters. */
    public static final int MAX_NAME_LENGTH = 30;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

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

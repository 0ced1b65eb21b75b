package org.tfeval.instrument;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.tfeval.instrument.expression.Expression;

/**
 * One variable of a form, with everything the rest of tfeval derives from it.
 *
 * @param name         upper-case name, at most {@link #MAX_NAME_LENGTH} characters
 * @param type         storage and parsing type
 * @param label        short label
 * @param question     question text for codebooks (defaults to the label)
 * @param valueLabels  code to label, in order (CODE variables only)
 * @param valueSet     name of the shared value set the labels come from, or null when inline
 * @param min          smallest valid value, or null
 * @param max          largest valid value, or null
 * @param pattern      regular expression a character value must match, or null
 * @param maxLength    longest character value, or 0 for no limit
 * @param missingCodes missing codes this variable accepts
 * @param appliesWhen  skip logic: the variable applies only when this holds, or null
 * @param required     whether a blank cell is an error (otherwise it means "not keyed")
 * @param derived      how the value is derived from child records, or null
 * @param parent       form whose key this id variable links to, or null
 * @param inherit      form this variable repeats the value of (via the parent link), or null
 * @param group        multi-select group the flag belongs to, or null
 * @param disclosure   disclosure role
 * @param release      most open release level
 */
public record Variable(
        String name,
        VariableType type,
        String label,
        String question,
        Map<Long, String> valueLabels,
        String valueSet,
        BigDecimal min,
        BigDecimal max,
        Pattern pattern,
        int maxLength,
        Set<Integer> missingCodes,
        Expression appliesWhen,
        boolean required,
        Derivation derived,
        String parent,
        String inherit,
        String group,
        DisclosureRole disclosure,
        ReleaseLevel release) {

    /** Longest variable name, so that suffixes still fit Stata and SAS limits. */
    public static final int MAX_NAME_LENGTH = 26;

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Variable {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("variable name '" + name
                    + "' must be upper case letters, digits and _, at most " + MAX_NAME_LENGTH + " characters");
        }
        Objects.requireNonNull(type, name + ": type");
        Objects.requireNonNull(label, name + ": label");
        question = question == null ? label : question;
        valueLabels = Map.copyOf(valueLabels == null ? Map.of() : valueLabels).isEmpty()
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valueLabels));
        if (type == VariableType.CODE && valueLabels.isEmpty()) {
            throw new IllegalArgumentException(name + ": a code variable needs value labels");
        }
        if (type != VariableType.CODE && !valueLabels.isEmpty()) {
            throw new IllegalArgumentException(name + ": only code variables have value labels");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
        }
        missingCodes = Set.copyOf(missingCodes);
        if (type == VariableType.ID && !missingCodes.isEmpty()) {
            throw new IllegalArgumentException(name + ": an id is never missing");
        }
        Objects.requireNonNull(disclosure, name + ": disclosure");
        Objects.requireNonNull(release, name + ": release");
        if (disclosure == DisclosureRole.DIRECT && release != ReleaseLevel.DROP) {
            throw new IllegalArgumentException(name + ": a direct identifier must have release level drop");
        }
    }

    /** Whether the value is computed from child records (never keyed). */
    public boolean isDerived() {
        return derived != null;
    }

    /** The label of a code, or null when the code is undocumented. */
    public String labelOf(long code) {
        return valueLabels.get(code);
    }
}

package org.tfeval.web.coding;

import java.util.List;
import java.util.Objects;

/**
 * One variable of one record as the form shows it.
 *
 * @param recordId    the record
 * @param name        the variable's name (the input's name)
 * @param label       the variable's label
 * @param question    the question text
 * @param kind        how it is entered
 * @param value       the cell as typed
 * @param options     choices (value labels, then allowed missing codes) for {@link Kind#CHOICE}
 * @param missing     missing-code buttons
 * @param applies     false when skip logic makes it not applicable
 * @param appliesWhen the skip logic in REDCap syntax, or null
 * @param errors      errors to show under it
 * @param warnings    warnings to show under it
 * @param display     the value in words, for fixed fields
 * @param hint        what a text field expects ({@code YYYY-MM-DD}), or null
 * @param queryHref   link to open a query on it, or null
 * @param queries     unsettled queries on it
 * @param caption     the label shown (in a yes/no row, the label without the group's common prefix)
 * @param type        the variable's type in lower case ({@code date}, {@code integer}, ...)
 * @param controls    whether another field's skip logic in the form depends on it
 * @param required    whether the instrument requires a value (optional fields are not counted as left)
 */
public record FieldView(
        long recordId,
        String name,
        String label,
        String question,
        Kind kind,
        String value,
        List<Option> options,
        List<MissingButton> missing,
        boolean applies,
        String appliesWhen,
        List<String> errors,
        List<String> warnings,
        String display,
        String hint,
        String queryHref,
        List<QueryLink> queries,
        String caption,
        String type,
        boolean controls,
        boolean required) {
    /** How a field is entered. */
    public enum Kind {
        /** A code from its value labels. */
        CHOICE,
        /** A number, date or short text. */
        TEXT,
        /** Free text. */
        LONG_TEXT,
        /** Not entered: a key, a link, a repeated or derived value, or a read-only view. */
        FIXED,
        /** A yes/no item of a group: radio buttons (the codes, then the allowed missing codes) in one row. */
        YES_NO
    }

    /** A choice of a code field. */
    public record Option(String value, String label, boolean selected) {}

    /**
     * A missing-code button.
     *
     * @param submit the button's value: {@code VAR=code}
     * @param code   the code
     * @param label  what it means
     * @param active whether the field holds this code now
     */
    public record MissingButton(String submit, String code, String label, boolean active) {}

    /** An unsettled query on the field. */
    public record QueryLink(long id, String status) {}

    public FieldView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        options = List.copyOf(options);
        missing = List.copyOf(missing);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        queries = List.copyOf(queries);
    }

    /** The id of the field's wrapper (swapped when its applicability changes). */
    public String domId() {
        return "f-" + recordId + "-" + name;
    }

    /** The input's id (kept across swaps so focus stays). */
    public String inputId() {
        return "i-" + recordId + "-" + name;
    }

    /** The id of the error block under the field (swapped on every save). */
    public String errorsId() {
        return "e-" + recordId + "-" + name;
    }

    public boolean editable() {
        return kind != Kind.FIXED;
    }

    /**
     * Whether the browser shows and hides it by its skip logic: entered and with skip logic. Its
     * controls are always on the page, disabled (so neither a tab stop nor sent) while it does not apply.
     */
    public boolean skippable() {
        return editable() && appliesWhen != null;
    }

    /** Whether its controls are on the page: it applies, or the browser may show it. */
    public boolean shown() {
        return applies || skippable();
    }

    /** Whether it still needs a value: entered, required, applicable and blank (the "fields left" count). */
    public boolean left() {
        return editable() && required && applies && (value == null || value.isBlank());
    }

    /** Whether it is a date (typed as digits, the dashes filled in). */
    public boolean date() {
        return "date".equals(type);
    }

    /** The missing codes it accepts, space-separated ({@code -9 -8}). */
    public String missingCodes() {
        return String.join(" ", missing.stream().map(MissingButton::code).toList());
    }

    /** The id of one radio button of a yes/no row: the first carries the input's id. */
    public String radioId(Option o) {
        return options.isEmpty() || options.get(0).equals(o)
                ? inputId()
                : inputId() + "_" + o.value().replace('-', 'm');
    }
}

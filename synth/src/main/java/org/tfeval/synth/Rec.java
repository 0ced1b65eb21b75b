package org.tfeval.synth;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.validation.RecordValidator;

/**
 * The values of one record of a form while it is generated, typed as {@code RecordValidator}
 * types them: {@code Long}, {@code BigDecimal}, {@code LocalDate}, {@code String},
 * {@link Missing}, or null (not set).
 */
final class Rec {
    private final FormLayout layout;
    final Object[] values;
    final boolean[] touched;
    private final Function<String, Object> view;

    Rec(FormLayout layout) {
        this.layout = layout;
        this.values = new Object[layout.size()];
        this.touched = new boolean[layout.size()];
        this.view = name -> {
            int i = layout.find(name);
            return i < 0 ? null : RecordValidator.conditionValue(values[i]);
        };
    }

    FormLayout layout() {
        return layout;
    }

    /** Sets a variable; ints become {@code Long}, booleans 0/1. Throws when the form has no such variable. */
    Rec set(String name, Object value) {
        int i = layout.indexOf(name);
        values[i] = normalize(value);
        touched[i] = true;
        return this;
    }

    /** The value as set (a {@link Missing} for missing codes), or null. */
    Object get(String name) {
        return values[layout.indexOf(name)];
    }

    /** The value, or null when unset or a missing code. */
    Object known(String name) {
        return RecordValidator.known(get(name));
    }

    /** Whether a code or integer variable holds the given value. */
    boolean is(String name, long code) {
        return known(name) instanceof Long l && l == code;
    }

    /** The date, or null when unset or missing. */
    LocalDate date(String name) {
        return known(name) instanceof LocalDate d ? d : null;
    }

    /**
     * The values as the validator's conditions read them ({@link RecordValidator#conditionValue}): not
     * applicable is kept (it equals no value), the other missing codes read as null (unknown).
     */
    Function<String, Object> view() {
        return view;
    }

    /** The record's key as {@code RecordValidator.recordId} writes it. */
    String id() {
        return layout.recordId(this);
    }

    private static Object normalize(Object value) {
        if (value instanceof Integer i) return (long) i;
        if (value instanceof Boolean b) return b ? 1L : 0L;
        if (value == null
                || value instanceof Long
                || value instanceof String
                || value instanceof LocalDate
                || value instanceof BigDecimal
                || value instanceof Missing) {
            return value;
        }
        throw new IllegalArgumentException(
                "unsupported value type " + value.getClass().getName());
    }
}

package org.tfeval.release.dataset;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.tfeval.instrument.MissingCode;

/**
 * One variable of a dataset to release.
 *
 * @param name identifier, a letter then letters, digits or underscores, at most {@value
 *     #MAX_NAME_LENGTH} characters, not a reserved word of SPSS, Stata or R
 * @param label variable label, at most {@value #MAX_LABEL_LENGTH} characters, empty for none
 * @param question literal question text for codebooks, empty for none
 * @param type kind and display format
 * @param valueLabels labels of valid integer codes, ordered by code ({@link VariableKind#INTEGER}
 *     only; the reserved missing codes are declared in {@code missingCodes} instead)
 * @param missingCodes the reserved missing codes this variable may hold, with their labels
 */
public record VariableSpec(
        String name,
        String label,
        String question,
        VariableType type,
        SortedMap<Long, String> valueLabels,
        Map<MissingCode, String> missingCodes) {

    /** Stata's limit on names; the instrument keeps names to 26 so suffixes fit. */
    public static final int MAX_NAME_LENGTH = 32;
    /** Stata's limit on variable and dataset labels, in characters. */
    public static final int MAX_LABEL_LENGTH = 80;
    /** SPSS's documented limit on value labels, in UTF-8 bytes. */
    public static final int MAX_VALUE_LABEL_BYTES = 120;
    /** Integers beyond this magnitude are not exact in the double storage of SPSS, SAS and Stata. */
    public static final long MAX_EXACT_INTEGER = 1L << 53;
    /** Value-label codes must fit Stata's valid range of 4-byte integers. */
    public static final long MIN_LABEL_CODE = -2_147_483_647L;

    public static final long MAX_LABEL_CODE = 2_147_483_620L;
    /** SPSS dates count seconds from 14 October 1582; earlier dates are not representable. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1582, 10, 15);

    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern STATA_STR_TYPE = Pattern.compile("str[0-9]+");
    private static final Set<String> RESERVED_WORDS = Set.of(
            // SPSS
            "all",
            "and",
            "by",
            "eq",
            "ge",
            "gt",
            "le",
            "lt",
            "ne",
            "not",
            "or",
            "to",
            "with",
            // Stata
            "byte",
            "double",
            "float",
            "if",
            "in",
            "int",
            "long",
            "str",
            "strl",
            "using",
            // R
            "else",
            "repeat",
            "while",
            "function",
            "for",
            "next",
            "break",
            "true",
            "false",
            "null",
            "inf",
            "nan",
            "na");

    public VariableSpec {
        requireName(name, "variable name");
        label = Objects.requireNonNullElse(label, "");
        question = Objects.requireNonNullElse(question, "");
        requireLabel(label, "label of variable " + name);
        requireNoControlCharacters(question.replace('\n', ' '), "question of variable " + name);
        Objects.requireNonNull(type, () -> "type of variable " + name);
        valueLabels = Collections.unmodifiableSortedMap(
                new TreeMap<>(Objects.requireNonNullElse(valueLabels, Collections.<Long, String>emptySortedMap())));
        missingCodes = missingCodes == null || missingCodes.isEmpty()
                ? Collections.unmodifiableMap(new EnumMap<>(MissingCode.class))
                : Collections.unmodifiableMap(new EnumMap<>(missingCodes));
        if (!valueLabels.isEmpty() && type.kind() != VariableKind.INTEGER) {
            throw new IllegalArgumentException(
                    "variable " + name + " is " + type.kind() + "; only INTEGER variables take value labels");
        }
        if (!missingCodes.isEmpty() && !type.kind().takesMissingCodes()) {
            throw new IllegalArgumentException("variable " + name + " is " + type.kind()
                    + "; STRING variables take no missing codes (an empty string is missing)");
        }
        for (Map.Entry<Long, String> e : valueLabels.entrySet()) {
            long code = Objects.requireNonNull(e.getKey(), "value-label code");
            if (MissingCode.ofCode(code).isPresent()) {
                throw new IllegalArgumentException("variable " + name + ": code " + code
                        + " is a reserved missing code; declare it as a missing code, not a value label");
            }
            if (code < MIN_LABEL_CODE || code > MAX_LABEL_CODE) {
                throw new IllegalArgumentException("variable " + name + ": value-label code " + code + " is outside "
                        + MIN_LABEL_CODE + ".." + MAX_LABEL_CODE);
            }
            requireValueLabel(e.getValue(), "label of code " + code + " of variable " + name);
        }
        for (Map.Entry<MissingCode, String> e : missingCodes.entrySet()) {
            requireValueLabel(
                    e.getValue(), "label of missing code " + e.getKey().code() + " of variable " + name);
        }
    }

    /** A variable with no question text, value labels or missing codes. */
    public static VariableSpec of(String name, String label, VariableType type) {
        return new VariableSpec(name, label, "", type, null, null);
    }

    public VariableSpec withLabel(String newLabel) {
        return new VariableSpec(name, newLabel, question, type, valueLabels, missingCodes);
    }

    public VariableSpec withQuestion(String newQuestion) {
        return new VariableSpec(name, label, newQuestion, type, valueLabels, missingCodes);
    }

    public VariableSpec withValueLabel(long code, String codeLabel) {
        TreeMap<Long, String> labels = new TreeMap<>(valueLabels);
        labels.put(code, codeLabel);
        return new VariableSpec(name, label, question, type, labels, missingCodes);
    }

    public VariableSpec withValueLabels(Map<Long, String> labels) {
        return new VariableSpec(name, label, question, type, new TreeMap<>(labels), missingCodes);
    }

    /** Declares missing codes with their default labels ("Not recorded", ...). */
    public VariableSpec withMissing(MissingCode... codes) {
        EnumMap<MissingCode, String> missing = copyMissing();
        for (MissingCode code : codes) {
            missing.put(code, code.defaultLabel());
        }
        return new VariableSpec(name, label, question, type, valueLabels, missing);
    }

    public VariableSpec withMissing(MissingCode code, String codeLabel) {
        EnumMap<MissingCode, String> missing = copyMissing();
        missing.put(code, codeLabel);
        return new VariableSpec(name, label, question, type, valueLabels, missing);
    }

    private EnumMap<MissingCode, String> copyMissing() {
        return missingCodes.isEmpty() ? new EnumMap<>(MissingCode.class) : new EnumMap<>(missingCodes);
    }

    public VariableKind kind() {
        return type.kind();
    }

    /** Whether the variable has value labels or missing-code labels, i.e. a value-label set. */
    public boolean hasCodeLabels() {
        return !valueLabels.isEmpty() || !missingCodes.isEmpty();
    }

    /**
     * Checks one cell and returns it in normal form: {@link Long} (INTEGER), {@link Double}
     * (DECIMAL), {@link String} (STRING), {@link LocalDate} (DATE), a declared {@link MissingCode},
     * or {@code null} (system missing). A number equal to a declared missing code becomes that code.
     *
     * @throws IllegalArgumentException naming the rule broken; the message never quotes the value
     */
    public Object normalise(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof MissingCode code) {
            return declared(code);
        }
        switch (type.kind()) {
            case INTEGER -> {
                if (!(cell instanceof Number number)) {
                    throw new IllegalArgumentException(
                            "expected an integer, got a " + cell.getClass().getSimpleName());
                }
                long value = integerValue(number);
                MissingCode reserved = MissingCode.ofCode(value).orElse(null);
                if (reserved != null) {
                    return declared(reserved);
                }
                if (Math.abs(value) > MAX_EXACT_INTEGER) {
                    throw new IllegalArgumentException("integer beyond +-2^53 cannot be stored exactly");
                }
                return value;
            }
            case DECIMAL -> {
                if (!(cell instanceof Number number)) {
                    throw new IllegalArgumentException(
                            "expected a number, got a " + cell.getClass().getSimpleName());
                }
                double value = number.doubleValue();
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("number is not finite");
                }
                MissingCode reserved = value == Math.rint(value)
                        ? MissingCode.ofCode((long) value).orElse(null)
                        : null;
                if (reserved != null) {
                    return declared(reserved);
                }
                return value == 0.0 ? 0.0 : value; // no negative zero
            }
            case STRING -> {
                if (!(cell instanceof String text)) {
                    throw new IllegalArgumentException(
                            "expected a string, got a " + cell.getClass().getSimpleName());
                }
                int bytes = utf8Length(text);
                if (bytes > type.width()) {
                    throw new IllegalArgumentException(
                            "string of " + bytes + " UTF-8 bytes exceeds the declared " + type.width());
                }
                if (text.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("string contains a NUL character");
                }
                return text;
            }
            case DATE -> {
                if (cell instanceof LocalDate date) {
                    if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                        throw new IllegalArgumentException("date outside " + EARLIEST_DATE + ".." + LATEST_DATE);
                    }
                    return date;
                }
                if (cell instanceof Number number) {
                    long value = integerValue(number);
                    return declared(MissingCode.ofCode(value)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "a number in a DATE variable must be a reserved missing code")));
                }
                throw new IllegalArgumentException(
                        "expected a LocalDate, got a " + cell.getClass().getSimpleName());
            }
            default -> throw new AssertionError(type.kind());
        }
    }

    private MissingCode declared(MissingCode code) {
        if (!missingCodes.containsKey(code)) {
            throw new IllegalArgumentException("missing code " + code.code() + " is not declared for this variable");
        }
        return code;
    }

    private static long integerValue(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        double d = number.doubleValue();
        if (!Double.isFinite(d) || d != Math.rint(d) || Math.abs(d) > MAX_EXACT_INTEGER) {
            throw new IllegalArgumentException("number is not a whole number within +-2^53");
        }
        return (long) d;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " must be a letter followed by letters, digits or " + "underscores: " + name);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    what + " " + name + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED_WORDS.contains(lower) || STATA_STR_TYPE.matcher(lower).matches()) {
            throw new IllegalArgumentException(what + " " + name + " is a reserved word in SPSS, Stata or R");
        }
    }

    static void requireLabel(String label, String what) {
        if (label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        requireNoControlCharacters(label, what);
    }

    private static void requireValueLabel(String label, String what) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (utf8Length(label) > MAX_VALUE_LABEL_BYTES) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_VALUE_LABEL_BYTES + " UTF-8 bytes");
        }
        requireNoControlCharacters(label, what);
    }

    private static void requireNoControlCharacters(String text, String what) {
        if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new IllegalArgumentException(what + " contains a control character (tab, newline, ...)");
        }
    }
}

package org.tfeval.cli.stats;

import java.util.List;
import java.util.Map;

/**
 * A small JSON writer for the statistics commands: maps (insertion order kept), lists, strings, numbers,
 * booleans and null. Non-finite numbers (NaN, infinity) are written as null, since JSON has no such
 * values.
 */
final class Json {

    private Json() {
    }

    /** Serialises {@code value} with two-space indentation. */
    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Boolean bool) {
            b.append(bool);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? number(d) : "null");
        } else if (v instanceof Number n) {
            b.append(n.longValue());
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            int k = 0;
            for (var e : m.entrySet()) {
                pad(b, indent + 1);
                string(b, e.getKey().toString());
                b.append(": ");
                write(b, e.getValue(), indent + 1);
                b.append(++k < m.size() ? ",\n" : "\n");
            }
            pad(b, indent);
            b.append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                b.append("[]");
                return;
            }
            boolean flat = list.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            b.append(flat ? "[" : "[\n");
            for (int k = 0; k < list.size(); k++) {
                if (!flat) {
                    pad(b, indent + 1);
                }
                write(b, list.get(k), indent + 1);
                if (k + 1 < list.size()) {
                    b.append(flat ? ", " : ",\n");
                }
            }
            if (!flat) {
                b.append('\n');
                pad(b, indent);
            }
            b.append(']');
        } else if (v instanceof double[] arr) {
            write(b, java.util.Arrays.stream(arr).boxed().toList(), indent);
        } else if (v instanceof long[] arr) {
            write(b, java.util.Arrays.stream(arr).boxed().toList(), indent);
        } else {
            string(b, v.toString());
        }
    }

    /** Shortest text that reads back as the same double (Java's repr), integers without ".0". */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static void pad(StringBuilder b, int indent) {
        b.append("  ".repeat(indent));
    }
}

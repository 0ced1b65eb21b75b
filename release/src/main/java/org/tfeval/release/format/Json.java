package org.tfeval.release.format;

import java.util.Map;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableSpec;

/** The data dictionary as compact JSON, for file metadata (Parquet key-value metadata). */
final class Json {
    private Json() {
    }

    static String dictionary(DatasetSpec spec) {
        StringBuilder b = new StringBuilder();
        b.append("{\"dataset\":").append(string(spec.name())).append(",\"label\":").append(string(spec.label()))
                .append(",\"missingCodes\":\"-9 not recorded, -8 unknown, -7 not applicable, -6 suppressed\"")
                .append(",\"variables\":[");
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"name\":").append(string(v.name()))
                    .append(",\"label\":").append(string(v.label()))
                    .append(",\"question\":").append(string(v.question()))
                    .append(",\"kind\":").append(string(v.kind().name()))
                    .append(",\"width\":").append(v.type().width())
                    .append(",\"decimals\":").append(v.type().decimals())
                    .append(",\"valueLabels\":{");
            appendCodes(b, v.valueLabels().entrySet().stream()
                    .map(e -> Map.entry(Long.toString(e.getKey()), e.getValue())).toList());
            b.append("},\"missingCodes\":{");
            appendCodes(b, v.missingCodes().entrySet().stream()
                    .map(e -> Map.entry(Long.toString(e.getKey().code()), e.getValue())).toList());
            b.append("}}");
        }
        return b.append("]}").toString();
    }

    private static void appendCodes(StringBuilder b, Iterable<Map.Entry<String, String>> entries) {
        boolean first = true;
        for (Map.Entry<String, String> e : entries) {
            if (!first) {
                b.append(',');
            }
            first = false;
            b.append(string(e.getKey())).append(':').append(string(e.getValue()));
        }
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
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
        return b.append('"').toString();
    }
}

package org.tfeval.cli.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON output of the statistics commands, written by Jackson: maps (insertion order kept), lists,
 * strings, numbers, booleans and null. Non-finite numbers (NaN, infinity) are written as null,
 * since JSON has no such values, and whole doubles without ".0".
 */
final class Json {
    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private Json() {}

    /** Serialises {@code value} with indentation. */
    static String write(Object value) {
        try {
            return WRITER.writeValueAsString(normalise(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object normalise(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) return null;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : d;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k.toString(), normalise(x)));
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(normalise(x)));
            return out;
        }
        if (v instanceof double[] arr)
            return normalise(Arrays.stream(arr).boxed().toList());
        if (v instanceof long[] arr) return Arrays.stream(arr).boxed().toList();
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) return v;
        return v.toString();
    }
}

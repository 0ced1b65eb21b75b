package org.tfeval.store.coding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON of cells and audit details, for this package's SQL. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> CELLS = new TypeReference<>() {};

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write JSON of a " + value.getClass().getSimpleName(), e);
        }
    }

    static Map<String, String> cells(String json) {
        try {
            return MAPPER.readValue(json, CELLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cells are not a JSON object of texts", e);
        }
    }

    /** An audit detail: a JSON object of the given name/value pairs. */
    static String detail(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return write(m);
    }
}

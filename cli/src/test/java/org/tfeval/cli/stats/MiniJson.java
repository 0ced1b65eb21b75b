package org.tfeval.cli.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON for the command tests, read by Jackson: objects to maps, arrays to lists, numbers to doubles. */
final class MiniJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MiniJson() {}

    static Object parse(String text) {
        try {
            return plain(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) parse(text);
    }

    private static Object plain(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (n.isNumber()) return n.doubleValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isNull()) return null;
        return n.asText();
    }
}

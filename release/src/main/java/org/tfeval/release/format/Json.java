package org.tfeval.release.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableSpec;

/** The data dictionary as compact JSON, for file metadata (Parquet key-value metadata). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String dictionary(DatasetSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("dataset", spec.name());
        root.put("label", spec.label());
        root.put("missingCodes", ReservedCodes.list());
        ArrayNode variables = root.putArray("variables");
        for (int i = 0; i < spec.size(); i++) {
            VariableSpec v = spec.variable(i);
            ObjectNode n = variables.addObject();
            n.put("name", v.name());
            n.put("label", v.label());
            n.put("question", v.question());
            n.put("kind", v.kind().name());
            n.put("width", v.type().width());
            n.put("decimals", v.type().decimals());
            ObjectNode labels = n.putObject("valueLabels");
            v.valueLabels().forEach((code, label) -> labels.put(Long.toString(code), label));
            ObjectNode missing = n.putObject("missingCodes");
            v.missingCodes().forEach((code, label) -> missing.put(Long.toString(code.code()), label));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the data dictionary of " + spec.name(), e);
        }
    }
}

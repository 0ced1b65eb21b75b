package org.tfeval.store.coding;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Variable;

/** Plausible valid values for the entered variables of a form, then overrides (skip logic is the tree's job). */
final class ValidCells {
    private ValidCells() {}

    static Map<String, String> of(CaseForms forms, String formName, Map<String, String> overrides) {
        Form f = forms.form(formName);
        Map<String, String> cells = new LinkedHashMap<>();
        for (Variable v : forms.enteredVariables(f)) {
            if (!v.required()) continue;
            cells.put(
                    v.name(),
                    switch (v.type()) {
                        case CODE ->
                            Long.toString(v.valueLabels().keySet().stream()
                                    .filter(k -> k > 0)
                                    .findFirst()
                                    .orElseThrow());
                        case INTEGER, DECIMAL ->
                            (v.min() == null
                                            ? BigDecimal.valueOf(30)
                                            : v.min().max(BigDecimal.valueOf(30).min(v.max())))
                                    .toPlainString();
                        case DATE -> "2018-06-01";
                        case STRING -> "XX";
                        default -> "x";
                    });
        }
        cells.putAll(overrides);
        return cells;
    }
}

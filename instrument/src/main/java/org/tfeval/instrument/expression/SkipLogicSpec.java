package org.tfeval.instrument.expression;

import java.util.StringJoiner;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;

/**
 * What the browser's evaluator ({@code skiplogic.js}) needs, once per form, to decide which fields
 * apply exactly as the server does:
 *
 * <pre>{@code
 * {"types": {"VAR": "code", ...},   every variable of the form: id, code, integer, decimal, date, string or text
 *  "missing": [-9, -8, -7, -6],     the instrument's missing codes (a cell holding one reads as no value)
 *  "na": "-7",                      the not-applicable code a skipped field holds
 *  "rules": {"VAR": AST, ...}}      skip logic of the variables a coder enters, in form order
 * }</pre>
 *
 * <p>An AST is {@link Expression#toJson()}. Strings are escaped so the JSON may stand inside an
 * HTML {@code <script>} element.
 */
public final class SkipLogicSpec {
    private SkipLogicSpec() {}

    /** The form's skip logic as JSON for the browser. */
    public static String json(Instrument instrument, Form form) {
        StringJoiner types = new StringJoiner(",", "{", "}");
        StringJoiner rules = new StringJoiner(",", "{", "}");
        for (Variable v : form.variables()) {
            types.add(JsonText.quote(v.name()) + ":"
                    + JsonText.quote(v.type().name().toLowerCase(java.util.Locale.ROOT)));
            if (v.appliesWhen() != null && entered(form, v)) {
                rules.add(JsonText.quote(v.name()) + ":" + v.appliesWhen().toJson());
            }
        }
        StringJoiner missing = new StringJoiner(",", "[", "]");
        for (MissingCode m : instrument.missingLabels().keySet()) missing.add(Integer.toString(m.code()));
        return "{\"types\":" + types + ",\"missing\":" + missing + ",\"na\":"
                + JsonText.quote(Integer.toString(MissingCode.NOT_APPLICABLE.code())) + ",\"rules\":" + rules + "}";
    }

    /**
     * Whether the coder enters the variable, so that skip logic sets it: not a key, not the link to
     * the parent, not repeated from the parent, not derived (the coding workflow's rule).
     */
    static boolean entered(Form form, Variable v) {
        return !form.key().contains(v.name()) && v.parent() == null && v.inherit() == null && !v.isDerived();
    }
}

package org.tfeval.instrument.expression;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;

class ExpressionJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_condition_becomes_a_json_array_tree_with_its_operators_and_terms() throws Exception {
        Expression e = Expression.parse("[A] = 1 and not ([B] != 'x' or known([C])) or missing([D]) or -2.50 >= [E]");

        assertThat(JSON.readTree(e.toJson()))
                .isEqualTo(JSON.readTree("[\"or\",[\"or\",[\"and\",[\"cmp\",\"=\",[\"var\",\"A\"],[\"lit\",\"1\"]],"
                        + "[\"not\",[\"or\",[\"cmp\",\"<>\",[\"var\",\"B\"],[\"lit\",\"x\"]],[\"known\",\"C\",true]]]],"
                        + "[\"known\",\"D\",false]],[\"cmp\",\">=\",[\"lit\",\"-2.50\"],[\"var\",\"E\"]]]"));
        assertThat(e.toJson()).as("no raw < in a script element").doesNotContain("<");
    }

    @Test
    void quoted_text_is_escaped_so_it_reads_back_whole_and_cannot_end_a_script_element() throws Exception {
        String text = "it's \\ \"</script><b>&\u2028\t\u0001é";
        Expression e =
                new Expression.Compare(new Expression.Term.Var("A"), "=", new Expression.Term.Literal(text, true));

        String json = e.toJson();

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\t", "\u0001");
        assertThat(JSON.readTree(json).get(3).get(1).asText()).isEqualTo(text);
    }

    @Test
    void a_form_spec_gives_every_type_the_missing_codes_and_the_entered_variables_rules_in_form_order()
            throws Exception {
        Instrument ecm = InstrumentLoader.builtIn("ecm");

        JsonNode spec = JSON.readTree(SkipLogicSpec.json(ecm, ecm.form("case")));

        List<String> rules = new ArrayList<>();
        spec.get("rules").fieldNames().forEachRemaining(rules::add);
        assertThat(rules).containsExactly("SEX_SUBTYPE", "LABOR_INDUSTRY", "VENUE");
        assertThat(spec.get("rules").get("VENUE").toString())
                .isEqualTo("[\"cmp\",\"=\",[\"var\",\"INV_OUTCOME\"],[\"lit\",\"1\"]]");
        assertThat(spec.get("types").get("HT_TYPE").asText()).isEqualTo("code");
        assertThat(spec.get("types").get("CASE_ID").asText()).isEqualTo("id");
        assertThat(spec.get("types").size())
                .isEqualTo(ecm.form("case").variables().size());
        assertThat(spec.get("missing").toString()).isEqualTo("[-9,-8,-7,-6]");
        assertThat(spec.get("na").asText()).isEqualTo("-7");
    }
}

package org.tfeval.instrument.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tfeval.instrument.InstrumentException;
import org.tfeval.instrument.InstrumentLoader;

class SqlIdentifierTest {
    @Test
    void a_name_is_wrapped_in_double_quotes() {
        assertThat(SqlIdentifier.quote("v_age")).isEqualTo("\"v_age\"");
        assertThat(SqlIdentifier.quote("Mixed Case")).isEqualTo("\"Mixed Case\"");
    }

    @Test
    void a_double_quote_inside_is_doubled_so_it_cannot_end_the_identifier() {
        assertThat(SqlIdentifier.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SqlIdentifier.quote("x\"; DROP TABLE d_case; --")).isEqualTo("\"x\"\"; DROP TABLE d_case; --\"");
    }

    @Test
    void an_empty_name_or_a_nul_is_refused() {
        assertThatThrownBy(() -> SqlIdentifier.quote("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlIdentifier.quote("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void the_loader_refuses_a_variable_or_form_name_that_could_carry_sql() {
        String ecm = InstrumentLoader.builtInSource("ecm");
        String variable =
                ecm.replace("{name: V_AGE, type: integer", "{name: 'V_AGE\"; DROP TABLE d_case; --', type: integer");
        assertThatThrownBy(() -> InstrumentLoader.parse(variable, "evil.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("evil.yaml");
        String form = ecm.replace("  - name: task_force\n", "  - name: \"task force\\\"; --\"\n");
        assertThatThrownBy(() -> InstrumentLoader.parse(form, "evil.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("evil.yaml");
    }
}

package org.tfeval.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A form's sections: the headed parts of the paper form the coding form is laid out in. */
class FormSectionsTest {
    private final Instrument ecm = InstrumentLoader.builtIn("ecm");

    @Test
    void the_case_form_is_laid_out_in_its_sections_and_every_variable_is_in_exactly_one() {
        Form c = ecm.form("case");
        List<Form.Part> parts = c.parts();
        assertThat(parts)
                .extracting(p -> p.section().name())
                .containsExactly("identification", "dates", "origin", "evidence", "agencies", "outcome", "derived");
        assertThat(parts.stream().flatMap(p -> p.variables().stream()).toList())
                .as("the parts cover the form in order, each variable once")
                .containsExactlyElementsOf(c.variables());
        assertThat(parts.get(3).variables())
                .extracting(Variable::name)
                .as("the ten evidence items")
                .hasSize(10)
                .allMatch(n -> n.startsWith("EVID_"));
    }

    @Test
    void a_form_without_sections_is_one_part() {
        Form offense = ecm.form("offense");
        assertThat(offense.parts()).hasSize(1);
        assertThat(offense.parts().get(0).section()).isNull();
        assertThat(offense.parts().get(0).variables()).isEqualTo(offense.variables());
    }

    @Test
    void sections_survive_the_yaml_round_trip() {
        Instrument again = InstrumentLoader.parse(InstrumentWriter.toYaml(ecm), "written");
        for (Form f : ecm.forms()) assertThat(again.form(f.name()).sections()).isEqualTo(f.sections());
    }

    @Test
    void a_section_starting_at_an_undeclared_or_earlier_variable_is_refused() {
        Form c = ecm.form("case");
        assertThatThrownBy(() -> new Form(
                        c.name(), c.label(), c.key(), c.variables(), List.of(new Form.Section("x", "X", "NO_SUCH"))))
                .hasMessageContaining("NO_SUCH")
                .hasMessageContaining("not declared");
        assertThatThrownBy(() -> new Form(
                        c.name(),
                        c.label(),
                        c.key(),
                        c.variables(),
                        List.of(new Form.Section("b", "B", "VENUE"), new Form.Section("a", "A", "HT_TYPE"))))
                .hasMessageContaining("must start after");
    }
}

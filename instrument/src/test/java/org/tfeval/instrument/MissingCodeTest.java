package org.tfeval.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MissingCodeTest {
    private static final String ECM = InstrumentLoader.builtInSource("ecm");
    private static final String NOT_RECORDED_LINE =
            "  - {code: -9, name: not_recorded, label: Not recorded in the file}\n";
    private static final String SUPPRESSED_LINE =
            "  - {code: -6, name: suppressed, label: Suppressed for confidentiality, release_only: true}\n";

    @Test
    void the_built_in_instrument_declares_every_code_with_its_own_words() {
        Instrument ecm = InstrumentLoader.builtIn("ecm");
        assertThat(ecm.missingCodes()).containsExactly(MissingCode.values());
        assertThat(ecm.missingLabel(MissingCode.NOT_RECORDED)).isEqualTo("Not recorded in the file");
        assertThat(ecm.missingLabel(MissingCode.SUPPRESSED)).isEqualTo("Suppressed for confidentiality");
        assertThat(ecm.missingCode(-7)).contains(MissingCode.NOT_APPLICABLE);
        assertThat(ecm.isMissingCode(-5)).isFalse();
    }

    @Test
    void labels_shown_to_users_come_from_the_yaml() {
        Instrument renamed = InstrumentLoader.parse(
                ECM.replace(NOT_RECORDED_LINE, "  - {code: -9, name: not_recorded, label: Nicht erfasst}\n"),
                "de.yaml");
        assertThat(renamed.missingLabel(MissingCode.NOT_RECORDED)).isEqualTo("Nicht erfasst");
        assertThat(MissingCode.NOT_RECORDED.defaultLabel()).isEqualTo("Not recorded");
    }

    @Test
    void refuses_a_code_tfeval_does_not_support() {
        String yaml = ECM.replace(SUPPRESSED_LINE, SUPPRESSED_LINE + "  - {code: -5, name: refused, label: Refused}\n");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining("missing_codes entry -5")
                .hasMessageContaining("does not support");
    }

    @Test
    void refuses_a_code_whose_name_changes_its_meaning() {
        String yaml = ECM.replace(NOT_RECORDED_LINE, "  - {code: -9, name: unknown, label: Unknown}\n");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining("missing_codes entry -9")
                .hasMessageContaining("'unknown'")
                .hasMessageContaining("not_recorded");
    }

    @Test
    void refuses_a_release_only_code_that_coders_could_enter() {
        String yaml = ECM.replace(SUPPRESSED_LINE, "  - {code: -6, name: suppressed, label: Suppressed}\n");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining("missing_codes entry -6")
                .hasMessageContaining("release_only");
    }

    @Test
    void refuses_an_instrument_that_omits_a_required_code() {
        String yaml = ECM.replace(SUPPRESSED_LINE, "");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining("-6 (suppressed) is not declared");
    }

    @Test
    void refuses_a_code_declared_twice() {
        String yaml = ECM.replace(NOT_RECORDED_LINE, NOT_RECORDED_LINE + NOT_RECORDED_LINE);
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining("missing_codes entry -9")
                .hasMessageContaining("twice");
    }

    @Test
    void refuses_a_variable_that_lists_a_code_coders_may_not_enter() {
        String yaml = ECM.replace("{name: V_AGE, type: integer", "{name: V_AGE, missing: [-9, -6], type: integer");
        assertThatThrownBy(() -> InstrumentLoader.parse(yaml, "my.yaml"))
                .isInstanceOf(InstrumentException.class)
                .hasMessageContaining("my.yaml")
                .hasMessageContaining("V_AGE")
                .hasMessageContaining("missing -6");
    }

    @Test
    void each_code_keeps_its_letter_and_its_kind_of_absence() {
        assertThat(MissingCode.ofCode(-8)).contains(MissingCode.UNKNOWN);
        assertThat(MissingCode.UNKNOWN.stataLetter()).isEqualTo('b');
        assertThat(MissingCode.SUPPRESSED.sasLetter()).isEqualTo('D');
        assertThat(MissingCode.NOT_APPLICABLE.isDefiniteAbsence()).isTrue();
        assertThat(MissingCode.NOT_RECORDED.isDefiniteAbsence()).isFalse();
        assertThat(MissingCode.SUPPRESSED.acceptedByDefault()).isFalse();
        assertThat(MissingCode.ofKey("not_applicable")).contains(MissingCode.NOT_APPLICABLE);
        assertThat(MissingCode.sqlList()).isEqualTo("-9, -8, -7, -6");
        assertThat(MissingCode.lowest()).isEqualTo(-9);
        assertThat(MissingCode.highest()).isEqualTo(-6);
    }

    @Test
    void a_missing_cell_holds_only_a_reserved_code() {
        assertThat(new Missing(-7).isNotApplicable()).isTrue();
        assertThat(Missing.of(MissingCode.UNKNOWN).missingCode()).isEqualTo(MissingCode.UNKNOWN);
        assertThatThrownBy(() -> new Missing(-5)).hasMessageContaining("-5");
    }
}

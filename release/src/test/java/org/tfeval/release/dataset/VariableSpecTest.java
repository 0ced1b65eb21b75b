package org.tfeval.release.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tfeval.instrument.MissingCode;

class VariableSpecTest {
    private static final String SENTINEL = "SENTINEL-CASE-DATA-4417";

    private static final VariableSpec AGE = VariableSpec.of("V_AGE", "Age", VariableType.integer(3))
            .withMissing(MissingCode.NOT_RECORDED, MissingCode.UNKNOWN);

    @ParameterizedTest
    @ValueSource(strings = {"1ST", "_X", "A-B", "A B", "ÄGE", "", "THIS_NAME_IS_LONGER_THAN_32_CHARS_"})
    void rejects_names_that_are_not_identifiers_of_at_most_32_characters(String name) {
        assertThatThrownBy(() -> VariableSpec.of(name, "", VariableType.integer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"long", "TO", "if", "str12", "NA", "with"})
    void rejects_reserved_words_of_spss_stata_and_r(String name) {
        assertThatThrownBy(() -> VariableSpec.of(name, "", VariableType.integer()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved word");
    }

    @Test
    void rejects_labels_longer_than_80_characters_and_control_characters() {
        assertThatThrownBy(() -> VariableSpec.of("X", "x".repeat(81), VariableType.integer()))
                .hasMessageContaining("80");
        assertThat(VariableSpec.of("X", "é".repeat(80), VariableType.integer()).label())
                .hasSize(80);
        assertThatThrownBy(() -> VariableSpec.of("X", "line\nbreak", VariableType.integer()))
                .hasMessageContaining("control character");
    }

    @Test
    void reserved_codes_are_declared_as_missing_codes_never_as_value_labels() {
        assertThatThrownBy(() -> AGE.withValueLabel(-9, "Not recorded"))
                .hasMessageContaining("reserved missing code")
                .hasMessageContaining("-9");
    }

    @Test
    void value_labels_belong_to_integer_variables_and_missing_codes_not_to_strings() {
        assertThatThrownBy(() ->
                        VariableSpec.of("X", "", VariableType.decimal(8, 2)).withValueLabel(1, "one"))
                .hasMessageContaining("only INTEGER");
        assertThatThrownBy(
                        () -> VariableSpec.of("S", "", VariableType.string(5)).withMissing(MissingCode.UNKNOWN))
                .hasMessageContaining("STRING");
        assertThatThrownBy(
                        () -> VariableSpec.of("X", "", VariableType.integer()).withValueLabel(1, "x".repeat(121)))
                .hasMessageContaining("120 UTF-8 bytes");
    }

    @Test
    void normalises_numbers_and_declared_codes() {
        assertThat(AGE.normalise(42)).isEqualTo(42L);
        assertThat(AGE.normalise(42.0)).isEqualTo(42L);
        assertThat(AGE.normalise(-9L)).isEqualTo(MissingCode.NOT_RECORDED);
        assertThat(AGE.normalise(-8.0)).isEqualTo(MissingCode.UNKNOWN);
        assertThat(AGE.normalise(MissingCode.UNKNOWN)).isEqualTo(MissingCode.UNKNOWN);
        assertThat(AGE.normalise(null)).isNull();
        VariableSpec date = VariableSpec.of("D", "", VariableType.date()).withMissing(MissingCode.NOT_APPLICABLE);
        assertThat(date.normalise(-7L)).isEqualTo(MissingCode.NOT_APPLICABLE);
        assertThat(date.normalise(LocalDate.of(2020, 2, 29))).isEqualTo(LocalDate.of(2020, 2, 29));
        VariableSpec amount = VariableSpec.of("A", "", VariableType.decimal(8, 2));
        assertThat(amount.normalise(-0.0)).isEqualTo(0.0).matches(d -> Double.doubleToRawLongBits((Double) d) == 0L);
    }

    @Test
    void refuses_undeclared_reserved_codes_and_non_integers() {
        assertThatThrownBy(() -> AGE.normalise(-7L)).hasMessageContaining("-7 is not declared");
        assertThatThrownBy(() -> AGE.normalise(MissingCode.SUPPRESSED)).hasMessageContaining("-6 is not declared");
        assertThatThrownBy(() -> AGE.normalise(4.5)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> AGE.normalise((1L << 53) + 1)).hasMessageContaining("2^53");
        assertThatThrownBy(() ->
                        VariableSpec.of("A", "", VariableType.decimal(8, 2)).normalise(Double.NaN))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> VariableSpec.of("D", "", VariableType.date()).normalise(LocalDate.of(1582, 10, 14)))
                .hasMessageContaining("1582-10-15");
    }

    @Test
    void error_messages_never_quote_the_value() {
        VariableSpec text = VariableSpec.of("NOTE", "", VariableType.string(10));
        assertThatThrownBy(() -> text.normalise(SENTINEL))
                .hasMessageContaining("exceeds the declared 10")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SENTINEL));
        assertThatThrownBy(() -> AGE.normalise(SENTINEL))
                .hasMessageContaining("expected an integer")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SENTINEL));
        DatasetSpec spec = DatasetSpec.of("t", "", AGE, text);
        assertThatThrownBy(() -> spec.normaliseRow(new Object[] {1L, SENTINEL}, 7))
                .isInstanceOf(InvalidRowException.class)
                .hasMessageStartingWith("row 7, variable NOTE:")
                .satisfies(e ->
                        assertThat(((InvalidRowException) e).reason()).isEqualTo(InvalidRowException.Reason.BAD_CELL))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SENTINEL));
    }

    @Test
    void value_labels_and_missing_codes_keep_code_order() {
        VariableSpec v = VariableSpec.of("X", "", VariableType.integer())
                .withValueLabels(Map.of(3L, "c", 1L, "a", 2L, "b"))
                .withMissing(MissingCode.SUPPRESSED, MissingCode.NOT_RECORDED);
        assertThat(v.valueLabels().keySet()).containsExactly(1L, 2L, 3L);
        assertThat(v.missingCodes().keySet()).containsExactly(MissingCode.NOT_RECORDED, MissingCode.SUPPRESSED);
        assertThat(v.missingCodes()).containsEntry(MissingCode.SUPPRESSED, "Suppressed");
    }
}

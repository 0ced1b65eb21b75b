package org.tfeval.stats.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.InputViolation;
import org.tfeval.stats.InvalidInputException;
import org.tfeval.stats.frame.CsvFrameReader;
import org.tfeval.stats.frame.DataFrame;

/**
 * Formulas and designs. Oracle: R's {@code model.matrix} with treatment contrasts on the same data
 * (column order, which level is dropped, interaction layout with the first factor varying fastest), and
 * the term naming rule of reference/README.md ({@code intercept}, {@code x}, {@code g=level}).
 */
class DesignBuilderTest {

    private static final DataFrame DATA = CsvFrameReader.standard().read(new StringReader("""
            y,x,g,h
            1.5,1,b,u
            2.0,2,a,v
            0.5,3,c,u
            ,4,a,v
            3.0,5,c,
            2.5,6,b,v
            1.0,7,a,u
            """), "test.csv");

    @Test
    void codes_text_columns_with_the_alphabetically_first_level_as_reference() {
        Design d = DesignBuilder.of("y ~ x + g").build(DATA);
        assertThat(d.columnNames()).containsExactly("intercept", "x", "g=b", "g=c");
        // rows 4 (y missing) and 5 (not used: h is not in the formula) -> only row 4 dropped
        assertThat(d.droppedRows()).isEqualTo(1);
        assertThat(d.rows()).isEqualTo(6);
        assertThat(d.column(2)).containsExactly(1, 0, 0, 0, 1, 0);
        assertThat(d.column(3)).containsExactly(0, 0, 1, 1, 0, 0);
    }

    @Test
    void a_chosen_reference_level_is_left_out() {
        Design d = DesignBuilder.of("y ~ g").withReferenceLevel("g", "c").build(DATA);
        assertThat(d.columnNames()).containsExactly("intercept", "g=a", "g=b");
    }

    @Test
    void interactions_join_names_with_colons_first_factor_fastest() {
        // R: model.matrix(~ g * h) columns (Intercept) gb gc hv gb:hv gc:hv
        Design d = DesignBuilder.of("y ~ g*h").build(DATA);
        assertThat(d.columnNames()).containsExactly("intercept", "g=b", "g=c", "h=v", "g=b:h=v", "g=c:h=v");
        Design e = DesignBuilder.of("y ~ x:g").build(DATA);
        assertThat(e.columnNames()).containsExactly("intercept", "x:g=b", "x:g=c");
    }

    @Test
    void powers_and_no_intercept_follow_r_notation() {
        Design d = DesignBuilder.of("y ~ 0 + x + I(x^2)").build(DATA);
        assertThat(d.columnNames()).containsExactly("x", "x^2");
        assertThat(d.hasIntercept()).isFalse();
        assertThat(DesignBuilder.of("y ~ x - 1").build(DATA).columnNames()).containsExactly("x");
        assertThat(d.column(1)).containsExactly(1, 4, 9, 25, 36, 49);
    }

    @Test
    void terms_are_ordered_by_interaction_order_as_r_does() {
        Formula f = Formula.parse("y ~ x:g + h + x");
        assertThat(f.terms()).extracting(Term::label).containsExactly("h", "x", "x:g");
    }

    @Test
    void reports_every_missing_column_at_once() {
        assertThatThrownBy(() -> DesignBuilder.of("y ~ nope + x + gone").build(DATA))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(InputViolation::column)
                        .containsExactly("nope", "gone"))
                .hasMessageContaining("nope")
                .hasMessageContaining("gone");
    }

    @Test
    void rejects_a_text_outcome_and_a_bad_reference_level() {
        assertThatThrownBy(() -> DesignBuilder.of("g ~ x").build(DATA))
                .hasMessageContaining("'g'")
                .hasMessageContaining("numeric");
        assertThatThrownBy(() ->
                        DesignBuilder.of("y ~ g").withReferenceLevel("g", "zzz").build(DATA))
                .hasMessageContaining("'g'")
                .hasMessageContaining("reference level");
    }

    @Test
    void bad_syntax_is_a_bad_formula() {
        assertThatThrownBy(() -> Formula.parse("y x + g"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("~");
        assertThatThrownBy(() -> Formula.parse("y ~ x +")).hasMessageContaining("formula");
    }

    @Test
    void messages_never_echo_cell_values() {
        // a sentinel value in the data must not appear in any message
        DataFrame d = CsvFrameReader.standard().read(new StringReader("y,x\nSECRET-42,1\n0,2\n"), "s.csv");
        assertThatThrownBy(() -> DesignBuilder.of("y ~ x").build(d)).hasMessageNotContaining("SECRET-42");
        assertThatThrownBy(() -> DesignBuilder.of("y ~ x")
                        .withReferenceLevel("x", "SECRET-43")
                        .build(DATA))
                .hasMessageNotContaining("SECRET-43");
    }

    @Test
    void collinearity_names_the_aliased_term() {
        double[][] gram = {{4, 2, 4}, {2, 2, 4}, {4, 4, 8}};
        assertThat(Collinearity.aliasedFromGram(gram, Collinearity.R_DEFAULT_TOLERANCE))
                .containsExactly(2);
        assertThatThrownBy(() -> Collinearity.requireFullRank(java.util.List.of(2), java.util.List.of("a", "b", "c")))
                .hasMessageContaining("term c");
    }
}

package org.tfeval.release.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DatasetSpecTest {
    private static final VariableSpec ID = VariableSpec.of("CASE_ID", "", VariableType.string(8));
    private static final VariableSpec N = VariableSpec.of("N", "", VariableType.integer());

    @Test
    void rejects_names_that_differ_only_in_case_and_empty_datasets() {
        assertThatThrownBy(() -> DatasetSpec.of("t", "", ID, VariableSpec.of("case_id", "", VariableType.integer())))
                .hasMessageContaining("two variables named case_id");
        assertThatThrownBy(() -> new DatasetSpec("t", "", List.of())).hasMessageContaining("no variables");
    }

    @Test
    void names_the_row_of_a_row_with_the_wrong_number_of_cells() {
        DatasetSpec spec = DatasetSpec.of("t", "", ID, N);
        assertThatThrownBy(() -> spec.normaliseRow(new Object[] {"a"}, 12))
                .isInstanceOf(InvalidRowException.class)
                .hasMessage("row 12: row has 1 cells, the dataset 2 variables")
                .satisfies(
                        e -> assertThat(((InvalidRowException) e).rowNumber()).isEqualTo(12));
    }

    @Test
    void streams_normalised_rows_and_closes_the_cursor_even_on_error() throws Exception {
        DatasetSpec spec = DatasetSpec.of("t", "", ID, N);
        AtomicBoolean closed = new AtomicBoolean();
        RowSource good = () -> RowCursor.of(
                List.<Object[]>of(new Object[] {"a", 1}, new Object[] {"b", null})
                        .iterator(),
                () -> closed.set(true));
        List<Object[]> seen = new ArrayList<>();
        assertThat(spec.forEachRow(good, seen::add)).isEqualTo(2);
        assertThat(seen.get(0)[1]).isEqualTo(1L);
        assertThat(closed).isTrue();

        closed.set(false);
        RowSource bad =
                () -> RowCursor.of(List.<Object[]>of(new Object[] {"a", "x"}).iterator(), () -> closed.set(true));
        assertThatThrownBy(() -> spec.forEachRow(bad, row -> {})).isInstanceOf(InvalidRowException.class);
        assertThat(closed).isTrue();
    }
}

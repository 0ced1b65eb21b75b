package org.tfeval.stats.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.tfeval.stats.InvalidInputException;

/** CSV typing and missing values, checked against hand-written files. */
class CsvFrameReaderTest {

    @Test
    void numeric_columns_are_those_whose_every_cell_is_a_number() {
        DataFrame f = CsvFrameReader.standard().read(new StringReader("""
                a,b,c
                1,x,"2.5"
                NA,y,-1e3
                3,,.
                """), "t.csv");
        assertThat(f.column("a")).isInstanceOf(NumericColumn.class);
        assertThat(f.column("b")).isInstanceOf(StringColumn.class);
        assertThat(f.numeric("c").values()).containsExactly(2.5, -1000, Double.NaN);
        assertThat(f.column("a").missingCount()).isEqualTo(1);
        assertThat(((StringColumn) f.column("b")).levels()).containsExactly("x", "y");
    }

    @Test
    void ragged_rows_are_reported_with_their_line() {
        assertThatThrownBy(() -> CsvFrameReader.standard().read(new StringReader("a,b\n1,2\n3\n"), "bad.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("bad.csv");
    }

    @Test
    void a_missing_file_is_bad_input() {
        assertThatThrownBy(() -> CsvFrameReader.standard().read(java.nio.file.Path.of("/no/such/file.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not found");
    }
}

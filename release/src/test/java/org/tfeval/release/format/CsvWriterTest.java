package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.InvalidRowException;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

class CsvWriterTest {
    @TempDir
    Path dir;

    private static List<CSVRecord> parse(Path file) throws Exception {
        try (CSVParser p = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            return new ArrayList<>(p.getRecords());
        }
    }

    @Test
    void writes_header_and_rows_that_an_rfc4180_parser_reads_back() throws Exception {
        Path file = dir.resolve("victims.csv");
        WrittenFile written = new CsvWriter().write(TestDatasets.victims(), TestDatasets.victimRows(50), file);
        assertThat(written.rowCount()).isEqualTo(50);
        List<CSVRecord> records = parse(file);
        assertThat(records).hasSize(51);
        assertThat(records.get(0).toList())
                .containsExactlyElementsOf(TestDatasets.victims().variables().stream()
                        .map(VariableSpec::name)
                        .toList());
        List<Object[]> rows = TestDatasets.normalisedVictims(50);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.get(i).length; j++) {
                assertThat(records.get(i + 1).get(j))
                        .as("row %d column %d", i + 1, j)
                        .isEqualTo(CsvWriter.text(rows.get(i)[j]));
            }
        }
    }

    @Test
    void uses_utf8_without_bom_crlf_line_ends_and_quotes_only_when_needed() throws Exception {
        DatasetSpec spec = DatasetSpec.of(
                "t",
                "",
                VariableSpec.of("S", "", VariableType.string(100)),
                VariableSpec.of("D", "", VariableType.date()).withMissing(MissingCode.UNKNOWN),
                VariableSpec.of("X", "", VariableType.decimal(10, 3)).withMissing(MissingCode.NOT_RECORDED));
        Path file = dir.resolve("t.csv");
        new CsvWriter()
                .write(
                        spec,
                        RowSource.of(List.of(
                                new Object[] {"a, \"b\"\nc", LocalDate.of(2001, 2, 3), 0.00001},
                                new Object[] {"東京", MissingCode.UNKNOWN, -9L},
                                new Object[] {null, null, 1e20})),
                        file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 'S'); // no byte-order mark
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(
                        "S,D,X\r\n\"a, \"\"b\"\"\nc\",2001-02-03,0.00001\r\n東京,-8,-9\r\n\"\",,100000000000000000000\r\n");
        // commons-csv quotes an empty first field, so a one-column row is never a blank line
    }

    @Test
    void writes_only_the_header_when_there_are_no_rows() throws Exception {
        Path file = dir.resolve("empty.csv");
        new CsvWriter().write(TestDatasets.victims(), TestDatasets.victimRows(0), file);
        assertThat(Files.readString(file))
                .startsWith("CASE_ID,HT_TYPE,")
                .endsWith("SMALL_DEC\r\n")
                .doesNotContain("\r\n\r\n");
    }

    @Test
    void names_row_and_variable_of_a_bad_cell_but_never_its_value() {
        String sentinel = "SENTINEL-7731";
        DatasetSpec spec = DatasetSpec.of("t", "", VariableSpec.of("AGE", "", VariableType.integer()));
        RowSource rows = RowSource.of(List.of(new Object[] {1L}, new Object[] {sentinel}));
        assertThatThrownBy(() -> new CsvWriter().write(spec, rows, dir.resolve("bad.csv")))
                .isInstanceOf(InvalidRowException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("AGE")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(sentinel));
    }
}

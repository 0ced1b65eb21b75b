package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.InvalidRowException;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

class StataWriterTest {
    private static final int ROWS = 250;
    private static final WriteOptions OPTIONS =
            WriteOptions.defaults().withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8));

    @TempDir
    Path dir;

    private Path writeVictims(long n) throws Exception {
        Path file = dir.resolve("victims.dta");
        WrittenFile written =
                FileFormat.STATA.writer(OPTIONS).write(TestDatasets.victims(), TestDatasets.victimRows(n), file);
        assertThat(written.rowCount()).isEqualTo(n);
        assertThat(written.renamedVariables()).isEmpty();
        return file;
    }

    @Test
    void readstat_reads_row_count_names_labels_and_value_labels_with_extended_missing() throws Exception {
        Path file = writeVictims(ROWS);
        DatasetSpec spec = TestDatasets.victims();

        Map<String, String> summary = Readstat.summary(file);
        assertThat(summary)
                .containsEntry("Rows", Integer.toString(ROWS))
                .containsEntry("Columns", Integer.toString(spec.size()))
                .containsEntry("Format version", "118")
                .containsEntry("Table label", spec.label())
                .containsEntry("Timestamp", "06 May 2024 07:08");

        JsonNode meta = Readstat.metadata(file);
        assertThat(meta.get("variables")).hasSize(spec.size());
        for (VariableSpec v : spec.variables()) {
            JsonNode rv = Readstat.variable(meta, v.name());
            assertThat(rv.path("label").asText()).as("label of " + v.name()).isEqualTo(v.label());
            Map<String, String> categories = Readstat.categories(rv);
            v.valueLabels().forEach((code, text) -> assertThat(categories).containsEntry(Long.toString(code), text));
            v.missingCodes()
                    .forEach((code, text) -> assertThat(categories).containsEntry("." + code.stataLetter(), text));
            assertThat(categories)
                    .hasSize(v.valueLabels().size() + v.missingCodes().size());
        }
        assertThat(Readstat.categories(Readstat.variable(meta, "HT_TYPE")))
                .containsEntry(".a", "Not recorded")
                .containsEntry(".b", "Unknown")
                .containsEntry(".c", "Not applicable")
                .containsEntry(".d", "Suppressed");

        List<List<String>> csv = Readstat.csv(file);
        assertThat(csv).hasSize(ROWS + 1);
        assertThat(csv.get(0))
                .containsExactlyElementsOf(
                        spec.variables().stream().map(VariableSpec::name).toList());
    }

    @Test
    void haven_reads_the_same_values_as_the_csv_with_reserved_codes_as_tagged_missing() throws Exception {
        Path file = writeVictims(ROWS);
        RHaven.Table r = RHaven.read("dta", file);
        DatasetSpec spec = TestDatasets.victims();
        Expected.assertSameCells(
                spec,
                TestDatasets.normalisedVictims(ROWS),
                r,
                Expected.MissingAs.TAGGED,
                UnaryOperator.identity(),
                true);
        Expected.assertSameLabels(spec, r, Expected.MissingAs.TAGGED, UnaryOperator.identity());
        assertThat(r.meta("", "dataset_label")).containsEntry("", spec.label());
        assertThat(r.meta("INCIDENT_DATE", "class")).containsKey("").containsValue("Date");
        assertThat(r.values("HT_TYPE")).contains(".a", ".b", ".c", ".d");
    }

    @Test
    void writes_a_readable_file_with_no_rows() throws Exception {
        Path file = writeVictims(0);
        assertThat(Readstat.summary(file)).containsEntry("Rows", "0").containsEntry("Columns", "12");
        RHaven.Table r = RHaven.read("dta", file);
        assertThat(r.rows()).isEmpty();
        assertThat(r.label("HT_TYPE")).isEqualTo("Type of trafficking");
    }

    @Test
    void chooses_the_smallest_integer_storage_that_holds_the_valid_values() {
        assertThat(StataWriter.Storage.forIntegers(-127, 100)).isEqualTo(StataWriter.Storage.BYTE);
        assertThat(StataWriter.Storage.forIntegers(0, 101)).isEqualTo(StataWriter.Storage.INT);
        assertThat(StataWriter.Storage.forIntegers(-32_768, 0)).isEqualTo(StataWriter.Storage.LONG);
        assertThat(StataWriter.Storage.forIntegers(0, 2_147_483_621L)).isEqualTo(StataWriter.Storage.DOUBLE);
        assertThat(StataWriter.Storage.BYTE.missing(MissingCode.NOT_RECORDED)).isEqualTo(102);
        assertThat(StataWriter.Storage.LONG.missing(MissingCode.SUPPRESSED)).isEqualTo(2_147_483_625L);
    }

    @Test
    void integers_at_the_edges_of_each_storage_type_read_back_exactly() throws Exception {
        VariableSpec x = VariableSpec.of("x", "edges", VariableType.integer(12)).withMissing(MissingCode.NOT_RECORDED);
        DatasetSpec spec = DatasetSpec.of("edges", "", x);
        List<Long> values = List.of(
                -127L,
                100L,
                -32_767L,
                32_740L,
                -2_147_483_647L,
                2_147_483_620L,
                9_007_199_254_740_992L,
                -9_007_199_254_740_992L);
        for (long v : values) {
            Path file = dir.resolve("edge" + (values.indexOf(v)) + ".dta");
            List<Object[]> rows = List.of(new Object[] {v}, new Object[] {-9L}, new Object[] {null});
            new StataWriter(OPTIONS).write(spec, RowSource.of(rows), file);
            List<List<String>> csv = Readstat.csv(file);
            assertThat(Double.parseDouble(csv.get(1).get(0))).as("value " + v).isEqualTo((double) v);
            assertThat(csv.get(2).get(0)).as("-9 is missing next to " + v).isEmpty();
            assertThat(csv.get(3).get(0)).isEmpty();
        }
    }

    @Test
    void refuses_strings_longer_than_str2045() {
        DatasetSpec spec = DatasetSpec.of("longtext", "", VariableSpec.of("TEXT", "", VariableType.string(3000)));
        RowSource rows = RowSource.of(List.<Object[]>of(new Object[] {"x".repeat(2046)}));
        assertThatThrownBy(() -> new StataWriter(OPTIONS).write(spec, rows, dir.resolve("long.dta")))
                .isInstanceOf(InvalidRowException.class)
                .hasMessage("variable TEXT: values of 2046 bytes exceed Stata's str2045");
    }

    @Test
    void accepts_a_string_of_exactly_2045_bytes() throws Exception {
        DatasetSpec spec = DatasetSpec.of("longtext", "", VariableSpec.of("TEXT", "", VariableType.string(3000)));
        String text = "ü".repeat(1022) + "x"; // 2045 bytes
        Path file = dir.resolve("long.dta");
        new StataWriter(OPTIONS).write(spec, RowSource.of(List.<Object[]>of(new Object[] {text})), file);
        assertThat(Readstat.csv(file).get(1).get(0)).isEqualTo(text);
    }
}

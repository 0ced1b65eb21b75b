package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.InvalidRowException;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

class SasTransportWriterTest {
    private static final int ROWS = 250;
    private static final int RECORD_LENGTH = 80;

    @TempDir
    Path dir;

    private WrittenFile writeVictims(long n) throws Exception {
        Path file = dir.resolve("victims.xpt");
        WriteOptions options = WriteOptions.defaults().withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8, 9));
        WrittenFile written = FileFormat.SAS_TRANSPORT
                .writer(options)
                .write(TestDatasets.victims(), TestDatasets.victimRows(n), file);
        assertThat(written.rowCount()).isEqualTo(n);
        return written;
    }

    @Test
    void reports_the_deterministic_8_character_names() throws Exception {
        WrittenFile written = writeVictims(3);
        // names of 8 characters or fewer are kept; TF_LEAD_MODEL finds TF_LEAD_ taken and gets TF_LEAD1
        assertThat(written.renamedVariables())
                .containsExactly(
                        Map.entry("S_SENTENCE_MONTHS", "S_SENTEN"),
                        Map.entry("INCIDENT_DATE", "INCIDENT"),
                        Map.entry("NARRATIVE_SUMMARY", "NARRATIV"),
                        Map.entry("TF_LEAD_LE_TYPE_CODE", "TF_LEAD_"),
                        Map.entry("TF_LEAD_MODEL", "TF_LEAD1"),
                        Map.entry("BIG_COUNT", "BIG_COUN"),
                        Map.entry("EMPTY_NUM", "EMPTY_NU"),
                        Map.entry("SMALL_DEC", "SMALL_DE"));
    }

    @Test
    void readstat_reads_short_names_rows_and_labels() throws Exception {
        WrittenFile written = writeVictims(ROWS);
        Path file = written.path();
        DatasetSpec spec = TestDatasets.victims();
        assertThat(Files.size(file) % RECORD_LENGTH).isZero();
        Map<String, String> summary = Readstat.summary(file);
        assertThat(summary)
                .containsEntry("Table name", "VICTIMS")
                .containsEntry("Format version", "5")
                .containsEntry("Columns", Integer.toString(spec.size()));

        List<List<String>> csv = Readstat.csv(file);
        assertThat(csv).hasSize(ROWS + 1);
        Map<String, String> names = SasTransportWriter.shortNames(spec);
        assertThat(csv.get(0)).containsExactlyElementsOf(names.values());

        // readstat converts the transport file to SPSS keeping the labels (extract_metadata does not
        // read .xpt; the conversion to .dta stops at special missing values)
        Path sav = dir.resolve("from-xpt.sav");
        ExternalTools.run(dir, "readstat", file.toString(), sav.toString());
        JsonNode meta = Readstat.metadata(sav);
        for (VariableSpec v : spec.variables()) {
            assertThat(Readstat.variable(meta, names.get(v.name()))
                            .path("label")
                            .asText())
                    .as("label of " + v.name())
                    .isEqualTo(Utf8.truncateText(v.label(), SasTransportWriter.LABEL_BYTES));
        }
    }

    @Test
    void haven_reads_the_same_values_with_reserved_codes_as_special_missing() throws Exception {
        WrittenFile written = writeVictims(ROWS);
        DatasetSpec spec = TestDatasets.victims();
        Map<String, String> names = SasTransportWriter.shortNames(spec);
        RHaven.Table r = RHaven.read("xpt", written.path());
        Expected.assertSameCells(
                spec, TestDatasets.normalisedVictims(ROWS), r, Expected.MissingAs.TAGGED, names::get, true);
        assertThat(r.values("HT_TYPE")).contains(".a", ".b", ".c", ".d");
        assertThat(r.meta("INCIDENT", "class")).containsValue("Date");
        assertThat(r.label("V_AGE")).isEqualTo("Age at identification");
    }

    @Test
    void writes_a_readable_file_with_no_rows() throws Exception {
        WrittenFile written = writeVictims(0);
        assertThat(Readstat.csv(written.path())).hasSize(1);
        assertThat(RHaven.read("xpt", written.path()).rows()).isEmpty();
    }

    @Test
    void names_the_row_of_a_number_beyond_the_ibm_range() {
        DatasetSpec spec = DatasetSpec.of("huge", "", VariableSpec.of("X", "", VariableType.decimal(12, 2)));
        RowSource rows = RowSource.of(List.of(new Object[] {1.0}, new Object[] {1e76}));
        assertThatThrownBy(
                        () -> new SasTransportWriter(WriteOptions.defaults()).write(spec, rows, dir.resolve("h.xpt")))
                .isInstanceOf(InvalidRowException.class)
                .hasMessageStartingWith("row 2, variable X:")
                .hasMessageContaining("IBM");
    }

    @Test
    void strings_longer_than_200_bytes_are_cut_in_the_xpt_file_only_at_a_character_boundary_with_a_note()
            throws Exception {
        DatasetSpec spec = DatasetSpec.of(
                "longtext",
                "",
                VariableSpec.of("S_ARREST_DATE_NOTE", "", VariableType.string(1000)),
                VariableSpec.of("AFTER", "", VariableType.integer()));
        // 101 two-byte characters: 202 bytes, cut to 100 characters (200 bytes), never inside a character
        RowSource rows =
                RowSource.of(List.<Object[]>of(new Object[] {"é".repeat(101), 1L}, new Object[] {"short", 2L}));
        WrittenFile written = new SasTransportWriter(WriteOptions.defaults()).write(spec, rows, dir.resolve("t.xpt"));
        RHaven.Table t = RHaven.read("xpt", written.path());
        assertThat(t.values("S_ARREST")).containsExactly("é".repeat(100), "short");
        assertThat(t.values("AFTER")).containsExactly("1", "2");
        assertThat(XptNames.csv(spec))
                .contains("S_ARREST_DATE_NOTE,S_ARREST,LONGTEXT,values longer than 200 bytes are cut")
                .contains("AFTER,AFTER,LONGTEXT,\r\n");
        String sas = new SasProgramWriter(WriteOptions.defaults()).program(spec);
        assertThat(sas)
                .contains("libname xpt xport \"longtext.xpt\";")
                .contains("rename S_ARREST = S_ARREST_DATE_NOTE")
                .contains("S_ARREST_DATE_NOTE: values longer than 200 bytes are cut");
    }
}

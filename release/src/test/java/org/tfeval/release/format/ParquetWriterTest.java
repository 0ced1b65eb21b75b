package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableKind;

class ParquetWriterTest {
    private static final int ROWS = 500;

    @TempDir
    Path dir;

    @Test
    void duckdb_reads_back_types_values_and_the_dictionary() throws Exception {
        Path file = dir.resolve("victims.parquet");
        WrittenFile written = new ParquetWriter().write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), file);
        assertThat(written.rowCount()).isEqualTo(ROWS);
        DatasetSpec spec = TestDatasets.victims();
        List<Object[]> expected = TestDatasets.normalisedVictims(ROWS);
        String source = "read_parquet('" + file + "')";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            try (ResultSet rs =
                    st.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + source + ")")) {
                List<String> types = new ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1) + " " + rs.getString(2));
                }
                assertThat(types)
                        .startsWith(
                                "CASE_ID VARCHAR",
                                "HT_TYPE BIGINT",
                                "V_AGE BIGINT",
                                "V_GENDER BIGINT",
                                "S_SENTENCE_MONTHS DOUBLE",
                                "INCIDENT_DATE DATE");
            }
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + source)) {
                int i = 0;
                while (rs.next()) {
                    Object[] row = expected.get(i++);
                    for (int j = 0; j < spec.size(); j++) {
                        Object cell = row[j];
                        Object got = rs.getObject(j + 1);
                        String where = "row " + i + " " + spec.variable(j).name();
                        if (cell instanceof MissingCode code) {
                            if (spec.variable(j).kind() == VariableKind.DATE) {
                                assertThat(got).as(where).isNull();
                            } else {
                                assertThat(((Number) got).doubleValue())
                                        .as(where)
                                        .isEqualTo((double) code.code());
                            }
                        } else if (cell instanceof LocalDate date) {
                            assertThat(rs.getObject(j + 1, LocalDate.class))
                                    .as(where)
                                    .isEqualTo(date);
                        } else {
                            assertThat(got).as(where).isEqualTo(cell);
                        }
                    }
                }
                assertThat(i).isEqualTo(ROWS);
            }
            try (ResultSet rs = st.executeQuery("SELECT decode(value) FROM parquet_kv_metadata('" + file
                    + "') WHERE decode(key) = '" + ParquetWriter.DICTIONARY_KEY + "'")) {
                assertThat(rs.next()).isTrue();
                JsonNode dictionary = new ObjectMapper().readTree(rs.getString(1));
                assertThat(dictionary.get("label").asText()).isEqualTo(spec.label());
                JsonNode gender = dictionary.get("variables").get(3);
                assertThat(gender.get("name").asText()).isEqualTo("V_GENDER");
                assertThat(gender.get("label").asText()).isEqualTo("Gender ♀♂");
                assertThat(gender.get("valueLabels").get("1").asText()).isEqualTo("Female ♀");
                assertThat(gender.get("missingCodes").get("-7").asText()).isEqualTo("Not asked (skip)");
            }
        }
    }

    @Test
    void writes_a_file_with_no_rows() throws Exception {
        Path file = dir.resolve("empty.parquet");
        new ParquetWriter().write(TestDatasets.victims(), TestDatasets.victimRows(0), file);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + file + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}

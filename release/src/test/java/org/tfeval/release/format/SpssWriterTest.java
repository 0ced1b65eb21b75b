package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

class SpssWriterTest {
    private static final int ROWS = 250;

    @TempDir
    Path dir;

    private Path writeVictims(long n, SpssCompression compression) throws Exception {
        Path file = dir.resolve("victims-" + compression + ".sav");
        WriteOptions options = WriteOptions.defaults()
                .withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8))
                .withSpssCompression(compression);
        WrittenFile written =
                FileFormat.SPSS.writer(options).write(TestDatasets.victims(), TestDatasets.victimRows(n), file);
        assertThat(written.rowCount()).isEqualTo(n);
        return file;
    }

    @ParameterizedTest
    @EnumSource(SpssCompression.class)
    void readstat_reads_names_labels_value_labels_and_user_missing(SpssCompression compression) throws Exception {
        Path file = writeVictims(ROWS, compression);
        // dates carry their missing codes in a companion variable (NAME_MC) in the .sav file
        DatasetSpec spec = SavDateCodes.spec(TestDatasets.victims());
        assertThat(spec.size()).isGreaterThan(TestDatasets.victims().size());
        Map<String, String> summary = Readstat.summary(file);
        assertThat(summary)
                .containsEntry("Rows", Integer.toString(ROWS))
                .containsEntry("Columns", Integer.toString(spec.size()))
                .containsEntry("Text encoding", "UTF-8")
                .containsEntry("Table label", spec.label());
        if (compression == SpssCompression.BYTECODE) {
            assertThat(summary).containsEntry("Compression", "rows");
        } else {
            assertThat(summary).doesNotContainKey("Compression");
        }

        JsonNode meta = Readstat.metadata(file);
        for (VariableSpec v : spec.variables()) {
            JsonNode rv = Readstat.variable(meta, v.name()); // long names restored from record 7.13
            assertThat(rv.path("label").asText()).as("label of " + v.name()).isEqualTo(v.label());
            Map<String, String> categories = Readstat.categories(rv);
            v.valueLabels().forEach((code, text) -> assertThat(categories).containsEntry(Long.toString(code), text));
            v.missingCodes()
                    .forEach((code, text) -> assertThat(categories).containsEntry(Long.toString(code.code()), text));
            assertThat(categories)
                    .hasSize(v.valueLabels().size() + v.missingCodes().size());
        }
        JsonNode all = Readstat.variable(meta, "HT_TYPE").get("missing");
        assertThat(all.get("type").asText()).isEqualTo("RANGE");
        assertThat(all.get("low").asDouble()).isEqualTo(-9.0);
        assertThat(all.get("high").asDouble()).isEqualTo(-6.0);
        JsonNode three = Readstat.variable(meta, "V_GENDER").get("missing");
        assertThat(three.get("type").asText()).isEqualTo("DISCRETE");
        assertThat(three.get("values")).extracting(JsonNode::asInt).containsExactly(-9, -8, -7);
        assertThat(Readstat.variable(meta, "INCIDENT_DATE").get("format").asText())
                .isEqualTo("DATE");
        assertThat(Readstat.variable(meta, "INCIDENT_DATE").has("missing")).isFalse();
        assertThat(Readstat.variable(meta, "INCIDENT_DATE_MC").has("missing")).isTrue();
        assertThat(Readstat.variable(meta, "TF_LEAD_MODEL").has("missing")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SpssCompression.class)
    void haven_reads_the_same_values_with_user_missing_codes_as_na(SpssCompression compression) throws Exception {
        Path file = writeVictims(ROWS, compression);
        DatasetSpec spec = TestDatasets.victims();
        List<Object[]> rows = TestDatasets.normalisedVictims(ROWS);

        RHaven.Table plain = RHaven.read("sav", file);
        Expected.assertSameCells(spec, rows, plain, Expected.MissingAs.NA, UnaryOperator.identity(), true);
        Expected.assertSameLabels(spec, plain, Expected.MissingAs.CODE, UnaryOperator.identity());

        RHaven.Table user = RHaven.read("sav_user", file);
        assertThat(user.meta("HT_TYPE", "na_range")).containsKey("-9:-6");
        assertThat(user.meta("V_AGE", "na_value")).containsOnlyKeys("-9", "-8");
        assertThat(user.values("HT_TYPE")).contains("-9", "-8", "-7", "-6");
    }

    @Test
    void compression_makes_the_file_smaller_and_keeps_the_data() throws Exception {
        Path raw = writeVictims(ROWS, SpssCompression.NONE);
        Path compressed = writeVictims(ROWS, SpssCompression.BYTECODE);
        assertThat(Files.size(compressed)).isLessThan(Files.size(raw));
        assertThat(Readstat.csv(compressed)).isEqualTo(Readstat.csv(raw));
    }

    @Test
    void writes_a_readable_file_with_no_rows() throws Exception {
        Path file = writeVictims(0, SpssCompression.BYTECODE);
        assertThat(Readstat.summary(file)).containsEntry("Rows", "0");
        assertThat(RHaven.read("sav", file).rows()).isEmpty();
    }

    @Test
    void dates_count_seconds_from_14_october_1582() throws Exception {
        DatasetSpec spec = DatasetSpec.of("dates", "", VariableSpec.of("D", "a date", VariableType.date()));
        Path file = dir.resolve("dates.sav");
        List<Object[]> rows =
                List.of(new Object[] {LocalDate.of(1582, 10, 15)}, new Object[] {LocalDate.of(2020, 1, 1)});
        new SpssWriter(WriteOptions.defaults()).write(spec, RowSource.of(rows), file);
        List<List<String>> csv = Readstat.csv(file);
        assertThat(Double.parseDouble(csv.get(1).get(0))).isEqualTo(86_400.0);
        // 2020-01-01 is day 159690 after 1582-10-14 (R: as.numeric(as.Date("2020-01-01") - as.Date("1582-10-14")))
        assertThat(Double.parseDouble(csv.get(2).get(0))).isEqualTo(159_690.0 * 86_400);
    }

    @Test
    void missing_coded_dates_read_as_na_in_haven_with_user_na_and_dates_keep_their_date_class() throws Exception {
        DatasetSpec spec = DatasetSpec.of(
                "dates",
                "",
                VariableSpec.of("ARREST_DATE", "a date", VariableType.date())
                        .withMissing(MissingCode.NOT_RECORDED, MissingCode.UNKNOWN, MissingCode.NOT_APPLICABLE),
                VariableSpec.of("AFTER", "after", VariableType.integer()));
        Path file = dir.resolve("missing-dates.sav");
        List<Object[]> rows = List.of(
                new Object[] {LocalDate.of(2020, 1, 1), 1L},
                new Object[] {MissingCode.NOT_RECORDED, 2L},
                new Object[] {-8L, 3L},
                new Object[] {null, 4L});
        new SpssWriter(WriteOptions.defaults()).write(spec, RowSource.of(rows), file);
        for (String kind : List.of("sav_user", "sav")) {
            RHaven.Table t = RHaven.read(kind, file);
            assertThat(t.names()).as(kind).containsExactly("ARREST_DATE", "ARREST_DATE_MC", "AFTER");
            assertThat(t.rows().stream().map(r -> r.get(0)).toList())
                    .as(kind + ": a missing-coded date is NA, never 1582-10-13")
                    .containsExactly("2020-01-01", "", "", "");
            assertThat(t.meta()).as(kind).contains(List.of("ARREST_DATE", "class", "", "Date"));
        }
        RHaven.Table user = RHaven.read("sav_user", file);
        // with user_na = TRUE the reason survives in the companion, declared user-missing and labelled
        assertThat(user.rows().stream().map(r -> r.get(1)).toList()).containsExactly("", "-9", "-8", "");
        assertThat(user.meta())
                .contains(List.of("ARREST_DATE_MC", "value", "-9", "Not recorded"))
                .anyMatch(m -> m.get(0).equals("ARREST_DATE_MC") && m.get(1).startsWith("na_"));
        assertThat(RHaven.read("sav", file).rows().stream().map(r -> r.get(1)).toList())
                .containsExactly("", "", "", "");
    }

    @Test
    void very_long_strings_come_back_whole_in_readstat_haven_and_pspp() throws Exception {
        DatasetSpec spec = DatasetSpec.of(
                "longtext",
                "Very long strings",
                VariableSpec.of("ID", "", VariableType.integer()),
                VariableSpec.of("NOTE_LONG_TEXT", "Long note", VariableType.string(5000)),
                VariableSpec.of("NOTE_LONG_TEXT2", "", VariableType.string(300)),
                VariableSpec.of("AFTER", "after the long strings", VariableType.string(8)));
        // multi-byte characters straddle the 255-byte segment boundaries
        String a = "é".repeat(1500) + "end";
        String b = "x" + "€".repeat(85); // 256 bytes: two segments
        List<Object[]> rows = List.of(
                new Object[] {1L, a, b, "z"}, new Object[] {2L, "short", null, "y"}, new Object[] {3L, null, "", null});
        for (SpssCompression compression : SpssCompression.values()) {
            Path file = dir.resolve("longtext-" + compression + ".sav");
            new SpssWriter(WriteOptions.defaults().withSpssCompression(compression))
                    .write(spec, RowSource.of(rows), file);

            List<List<String>> csv = Readstat.csv(file);
            assertThat(csv.get(0)).containsExactly("ID", "NOTE_LONG_TEXT", "NOTE_LONG_TEXT2", "AFTER");
            assertThat(csv.get(1).subList(1, 4)).containsExactly(a, b, "z");
            assertThat(csv.get(2).subList(1, 4)).containsExactly("short", "", "y");
            assertThat(Readstat.variable(Readstat.metadata(file), "NOTE_LONG_TEXT")
                            .path("label")
                            .asText())
                    .isEqualTo("Long note");

            RHaven.Table r = RHaven.read("sav", file);
            assertThat(r.names()).containsExactly("ID", "NOTE_LONG_TEXT", "NOTE_LONG_TEXT2", "AFTER");
            assertThat(r.values("NOTE_LONG_TEXT")).containsExactly(a, "short", "");
            assertThat(r.values("NOTE_LONG_TEXT2")).containsExactly(b, "", "");
            assertThat(r.label("AFTER")).isEqualTo("after the long strings");
        }
        ExternalTools.require("pspp", "pspp");
        Path syntax = dir.resolve("list.sps");
        Files.writeString(
                syntax,
                "GET FILE='longtext-BYTECODE.sav'.\nDISPLAY DICTIONARY.\n"
                        + "COMPUTE n = LENGTH(RTRIM(NOTE_LONG_TEXT)).\nLIST ID n AFTER.\n");
        String out = ExternalTools.run(dir, "pspp", "-b", "-O", "format=txt", "-o", "-", syntax.toString());
        assertThat(out)
                .doesNotContainIgnoringCase("warning")
                .doesNotContainIgnoringCase("error")
                .contains("A3003") // the longest value, 3003 bytes, sets the width
                .contains("| 1|3003.00|z    |");
    }

    @Test
    void short_names_are_unique_and_long_names_come_back() throws Exception {
        DatasetSpec spec = DatasetSpec.of(
                "names",
                "",
                VariableSpec.of("EVIDENCE_PHONE", "", VariableType.integer()),
                VariableSpec.of("EVIDENCE_PHOTO", "", VariableType.integer()),
                VariableSpec.of("evidence", "lower case", VariableType.string(40)));
        Path file = dir.resolve("names.sav");
        new SpssWriter(WriteOptions.defaults())
                .write(
                        spec,
                        RowSource.of(List.<Object[]>of(new Object[] {1L, 2L, "thirty characters of text!!"})),
                        file);
        assertThat(Readstat.csv(file).get(0)).containsExactly("EVIDENCE_PHONE", "EVIDENCE_PHOTO", "evidence");
    }
}

package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.dataset.VariableType;

class SetupProgramsTest {
    private static final int ROWS = 120;
    private static final WriteOptions OPTIONS =
            WriteOptions.defaults().withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8));

    @TempDir
    Path dir;

    private Path write(FileFormat format) throws Exception {
        Path file = dir.resolve(format.fileName("victims"));
        format.writer(OPTIONS).write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), file);
        return file;
    }

    @Test
    void spss_syntax_run_by_pspp_builds_the_same_file_as_the_spss_writer() throws Exception {
        ExternalTools.require("pspp", "pspp");
        write(FileFormat.CSV);
        Path sps = write(FileFormat.SPSS_SYNTAX);
        Path sav = write(FileFormat.SPSS);
        Path run = dir.resolve("run.sps");
        Files.writeString(
                run,
                Files.readString(sps, StandardCharsets.UTF_8) + "SAVE OUTFILE='from-syntax.sav'.\n",
                StandardCharsets.UTF_8);
        String log = ExternalTools.run(
                dir, "pspp", "-b", "-o", dir.resolve("pspp.txt").toString(), run.toString());
        assertThat(log).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("warning");
        Path fromSyntax = dir.resolve("from-syntax.sav");
        assertThat(Readstat.csv(fromSyntax)).isEqualTo(Readstat.csv(sav));
        assertThat(Readstat.metadata(fromSyntax)).isEqualTo(Readstat.metadata(sav));
    }

    @Test
    void r_script_reads_the_csv_with_labels_and_codes_as_user_missing() throws Exception {
        write(FileFormat.CSV);
        Path script = write(FileFormat.R_SCRIPT);
        DatasetSpec spec = TestDatasets.victims();
        RHaven.Table r = RHaven.read("setup_r", script);
        Expected.assertSameCells(
                spec,
                TestDatasets.normalisedVictims(ROWS),
                r,
                Expected.MissingAs.CODE,
                UnaryOperator.identity(),
                false);
        Expected.assertSameLabels(spec, r, Expected.MissingAs.CODE, UnaryOperator.identity());
        assertThat(r.meta("HT_TYPE", "na_range")).containsOnlyKeys("-9:-6");
        assertThat(r.meta("V_GENDER", "na_value")).containsOnlyKeys("-9", "-8", "-7");
        assertThat(r.meta("INCIDENT_DATE", "class")).containsValue("Date");
        assertThat(r.meta("", "dataset_label")).containsValue(spec.label());
    }

    @Test
    void r_strings_escape_non_ascii_so_the_script_runs_in_any_locale() {
        assertThat(RScriptWriter.string("é \"q\" \\ 😀")).isEqualTo("\"\\u00e9 \\\"q\\\" \\\\ \\U0001f600\"");
    }

    @Test
    void sas_program_maps_codes_to_special_missing_and_defines_formats() throws Exception {
        String sas = Files.readString(write(FileFormat.SAS_PROGRAM), StandardCharsets.UTF_8);
        assertThat(sas)
                .contains("proc format;")
                .contains("  value HT_TYPE_F\n    1 = 'Sex trafficking'\n")
                .contains(
                        "    .A = 'Not recorded'\n    .B = 'Unknown'\n    .C = 'Not applicable'\n    .D = 'Suppressed'\n")
                .contains("infile 'victims.csv' dsd dlm=',' firstobs=2 encoding='utf-8'")
                .contains("  if HT_TYPE = -9 then HT_TYPE = .A;\n  else if HT_TYPE = -8 then HT_TYPE = .B;\n")
                .contains(
                        "  if tfv_1 = '-9' then INCIDENT_DATE = .A;\n  else if tfv_1 = '-8' then INCIDENT_DATE = .B;\n"
                                + "  else if tfv_1 ne '' then INCIDENT_DATE = input(tfv_1, yymmdd10.);\n")
                .contains("    NARRATIVE_SUMMARY = 'Summary text \"quoted\" & <escaped>'")
                .contains(
                        "  value INCIDENT_DATE_F\n    .A = 'Not recorded'\n    .B = 'Unknown'\n    other = [date9.]\n")
                .contains(
                        "  value S_SENTENCE_MONTHS_F\n    .A = 'Not recorded'\n    .C = 'Not applicable'\n    other = [8.2]\n")
                .contains("    INCIDENT_DATE INCIDENT_DATE_F.")
                .contains("    TF_LEAD_LE_TYPE_CODE TF_LEAD_LE_TYPE_CODE_F.")
                .doesNotContain("BIG_COUNT_F");
        // input order is the CSV's column order, with the date read as text into tfv_1
        assertThat(sas.indexOf("    S_SENTENCE_MONTHS\n    tfv_1 $\n    NARRATIVE_SUMMARY $"))
                .isPositive();
    }

    @Test
    void sas_format_names_stay_within_32_characters_and_do_not_end_in_a_digit() {
        DatasetSpec spec = DatasetSpec.of(
                "t",
                "",
                VariableSpec.of("A_VERY_LONG_VARIABLE_NAME_OF_32X", "", VariableType.integer())
                        .withValueLabel(1, "one"),
                VariableSpec.of("A_VERY_LONG_VARIABLE_NAME_OF_32Y", "", VariableType.integer())
                        .withValueLabel(1, "one"),
                VariableSpec.of("Q1", "", VariableType.integer()).withMissing(MissingCode.UNKNOWN));
        String sas = new SasProgramWriter(OPTIONS).program(spec);
        // stems of 30 characters; the clash takes the next free stem with a number, then _F
        assertThat(sas)
                .contains(
                        "value A_VERY_LONG_VARIABLE_NAME_OF_3_F\n",
                        "value A_VERY_LONG_VARIABLE_NAME_OF_1_F\n",
                        "value Q1_F\n");
        assertThat("A_VERY_LONG_VARIABLE_NAME_OF_3_F").hasSize(32);
    }

    @Test
    void stata_do_file_maps_codes_to_extended_missing_and_escapes_macro_characters() throws Exception {
        String doFile = Files.readString(write(FileFormat.STATA_DO), StandardCharsets.UTF_8);
        assertThat(doFile)
                .contains("import delimited using `\"victims.csv\"', clear varnames(1) case(preserve)")
                .contains("numericcols(2 3 4 5 8 9 10 11 12) stringcols(1 6 7)")
                .contains("replace HT_TYPE = .a if HT_TYPE == -9\nreplace HT_TYPE = .b if HT_TYPE == -8\n")
                .contains("generate long tfv_1 = date(INCIDENT_DATE, \"YMD\")\n"
                        + "replace tfv_1 = .a if INCIDENT_DATE == \"-9\"\n")
                .contains("label define V_GENDER 1 `\"Female ♀\"' 2 `\"Male\"'")
                .contains(".c `\"Not asked (skip)\"', replace\nlabel values V_GENDER V_GENDER\n")
                .contains("order CASE_ID HT_TYPE V_AGE V_GENDER S_SENTENCE_MONTHS INCIDENT_DATE");
        assertThat(StataDoWriter.quote("cost in $ and `x'")).isEqualTo("`\"cost in \\$ and \\`x'\"'");
    }

    @Test
    void setup_programs_read_the_data_file_named_in_the_options() throws Exception {
        WriteOptions options = OPTIONS.withDataFileName("victims_public_v2.csv");
        DatasetSpec spec = TestDatasets.victims();
        for (FileFormat f :
                List.of(FileFormat.SPSS_SYNTAX, FileFormat.SAS_PROGRAM, FileFormat.STATA_DO, FileFormat.R_SCRIPT)) {
            Path file = dir.resolve(f.fileName("named"));
            WrittenFile written = f.writer(options).write(spec, TestDatasets.victimRows(0), file);
            assertThat(written.format().role()).isEqualTo(FileFormat.Role.SETUP);
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as(f.name())
                    .contains("victims_public_v2.csv")
                    .doesNotContain("victims.csv");
        }
    }
}

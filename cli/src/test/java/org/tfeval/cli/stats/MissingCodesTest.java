package org.tfeval.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics commands read tfeval's reserved missing codes (-9, -8, -7, -6) as missing unless told
 * otherwise, and say how many rows each used column lost to them. The data are built here so that the
 * effect of a code used as a number is visible (an age of -9 pulls a mean of ages 20..39 far down).
 */
class MissingCodesTest {

    /** 40 rows: age 20..39 twice; y = 2 age + 1 exactly; ages of rows 0, 5 and 9 are -9, -8 and -7. */
    private static Path data(Path dir) throws IOException {
        StringBuilder b = new StringBuilder("y,age,x2,sex,coder_a,coder_b,time,event\n");
        for (int i = 0; i < 40; i++) {
            int age = 20 + i % 20;
            String ageText = i == 0 ? "-9" : i == 5 ? "-8" : i == 9 ? "-7" : String.valueOf(age);
            String sex = i == 3 ? "-6" : i % 2 == 0 ? "f" : "m";
            int a = i % 3;
            String bCode = i == 7 ? "-9" : String.valueOf(i % 4 == 0 ? (a + 1) % 3 : a);
            b.append(2 * age + 1)
                    .append(',')
                    .append(ageText)
                    .append(',')
                    .append(age + 0.01 * (i % 3))
                    .append(',')
                    .append(sex)
                    .append(',')
                    .append(a)
                    .append(',')
                    .append(bCode)
                    .append(',')
                    .append(i == 2 ? "-9" : String.valueOf(1 + i))
                    .append(',')
                    .append(i % 3 == 0 ? 0 : 1)
                    .append('\n');
        }
        Path f = dir.resolve("codes.csv");
        Files.writeString(f, b);
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dropped(Map<String, Object> json) {
        return (Map<String, Object>) ((Map<String, Object>) json.get("missing_codes")).get("rows_dropped_by_column");
    }

    @Test
    void fit_leaves_out_rows_with_reserved_codes_and_counts_them_per_column(@TempDir Path dir) throws IOException {
        Path f = data(dir);
        CommandRun r = CommandRun.of(
                new FitCommand(), "--data", f.toString(), "--model", "ols", "--formula", "y ~ age", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        assertThat(got.get("n")).isEqualTo(37.0);
        assertThat(dropped(got)).containsExactly(Map.entry("age", 3.0));
        // y = 2 age + 1 holds exactly once the codes are out: slope 2
        Map<String, Object> slope = FitCommandTest.row(got, "age");
        assertThat((Double) slope.get("estimate")).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));

        CommandRun text =
                CommandRun.of(new FitCommand(), "--data", f.toString(), "--model", "ols", "--formula", "y ~ age");
        assertThat(text.out())
                .contains("missing codes -9, -8, -7, -6 read as missing; rows left out for a code: age 3 rows");
    }

    @Test
    void missing_codes_none_takes_every_value_as_it_stands(@TempDir Path dir) throws IOException {
        Path f = data(dir);
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                f.toString(),
                "--model",
                "ols",
                "--formula",
                "y ~ age",
                "--missing-codes",
                "none",
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        assertThat(got.get("n")).isEqualTo(40.0);
        assertThat((Double) FitCommandTest.row(got, "age").get("estimate")).isLessThan(1.9);
        CommandRun custom = CommandRun.of(
                new FitCommand(),
                "--data",
                f.toString(),
                "--model",
                "ols",
                "--formula",
                "y ~ age",
                "--missing-codes",
                "-9",
                "--format",
                "json");
        assertThat(MiniJson.object(custom.out()).get("n")).isEqualTo(39.0);
        CommandRun bad = CommandRun.of(
                new FitCommand(),
                "--data",
                f.toString(),
                "--model",
                "ols",
                "--formula",
                "y ~ age",
                "--missing-codes",
                "x");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--missing-codes");
    }

    @Test
    void xtab_km_and_agree_leave_out_coded_rows_and_say_so(@TempDir Path dir) throws IOException {
        Path f = data(dir);
        CommandRun x = CommandRun.of(
                new XtabCommand(), "--data", f.toString(), "--rows", "sex", "--cols", "event", "--format", "json");
        assertThat(x.exitCode()).as(x.err()).isZero();
        assertThat(dropped(MiniJson.object(x.out()))).containsExactly(Map.entry("sex", 1.0));
        assertThat(x.out()).doesNotContain("\"-6\"");

        CommandRun k = CommandRun.of(
                new KmCommand(), "--data", f.toString(), "--time", "time", "--event", "event", "--format", "json");
        assertThat(k.exitCode()).as(k.err()).isZero();
        assertThat(dropped(MiniJson.object(k.out()))).containsExactly(Map.entry("time", 1.0));

        CommandRun a = CommandRun.of(
                new AgreeCommand(), "--data", f.toString(), "--coders", "coder_a,coder_b", "--format", "json");
        assertThat(a.exitCode()).as(a.err()).isZero();
        Map<String, Object> got = MiniJson.object(a.out());
        assertThat(dropped(got)).containsExactly(Map.entry("coder_b", 1.0));
        assertThat((java.util.List<Object>) got.get("categories")).containsExactly("0", "1", "2");
    }

    @Test
    void fit_warns_when_the_design_is_ill_conditioned(@TempDir Path dir) throws IOException {
        Path f = data(dir);
        CommandRun r =
                CommandRun.of(new FitCommand(), "--data", f.toString(), "--model", "ols", "--formula", "y ~ age + x2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("condition index").contains("above 30");
        CommandRun ok =
                CommandRun.of(new FitCommand(), "--data", f.toString(), "--model", "ols", "--formula", "y ~ age");
        assertThat(ok.out()).doesNotContain("condition index");
    }
}

package org.tfeval.cli.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.cli.Tfeval;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.testkit.PostgresExtension;

/** The performance-measure commands: import (refused with file, row, column and rule), reconcile, export. */
@ExtendWith(PostgresExtension.class)
class MeasuresCommandsTest {
    record Run(int exit, String out, String err) {}

    static final String HEADER = "TF_ID,SYSTEM,AWARD,PERIOD_START,PERIOD_END,MEASURE_ID,DISAGGREGATION,VALUE\n";

    @TempDir
    Path dir;

    static Run run(String... args) {
        var cl = Tfeval.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_bad_file_is_refused_naming_row_column_and_rule_and_a_good_one_is_stored_once(ConnectionSettings db)
            throws Exception {
        String url = db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        String s = dir.resolve("s").toString();
        assertThat(run("init", s, "--db", url).exit()).isZero();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                HEADER
                        + "TF01,LE,A1,2019-10-01,2019-12-31,LE_VICTIMS_IDENTIFIED,,5\n"
                        + "TF01,LE,A1,2019-10-01,2019-12-31,LE_VICTIMS_IDENTIFIED,age=minor,4\n"
                        + "TF01,LE,A1,2019-10-01,2019-12-31,LE_VICTIMS_IDENTIFIED,age=adult,3\n"
                        + "TF01,LE,A1,2019-10-01,2019-12-31,LE_PEOPLE_TRAINED,,-2\n"
                        + "TF01,LE,A1,2019-10-01,2019-12-31,LE_UNKNOWN,,2\n");
        Run r = run("measures", "import", "--study", s, "--db", url, bad.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out())
                .contains("REFUSED")
                .contains("bad.csv")
                .contains("measure:disaggregation_above_total")
                .contains("measure:negative_count")
                .contains("measure:unknown_measure");
        Path good = dir.resolve("good.csv");
        Files.writeString(
                good,
                HEADER
                        + "TF01,LE,A1,2019-10-01,2019-12-31,LE_VICTIMS_IDENTIFIED,,5\n"
                        + "TF01,VS,B1,2019-10-01,2019-12-31,VS_NEW_CLIENTS,,20\n"
                        + "TF01,LE,A1,2020-01-01,2020-03-31,LE_VICTIMS_IDENTIFIED,,4\n"
                        + "TF01,VS,B1,2020-01-01,2020-03-31,VS_NEW_CLIENTS,,4\n");
        Run ok = run("measures", "import", "--study", s, "--db", url, good.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("4 rows stored").contains("4 new");
        Run again = run("measures", "import", "--study", s, "--db", url, good.toString());
        assertThat(again.out()).contains("0 new, 4 unchanged");
        Run rec = run("measures", "reconcile", "--flagged", "--study", s, "--db", url);
        assertThat(rec.exit()).isZero();
        assertThat(rec.out()).contains("FY2020Q1").doesNotContain("FY2020Q2").contains("1 flagged without");
        Run ex = run(
                "measures",
                "reconcile",
                "--study",
                s,
                "--db",
                url,
                "--tf",
                "TF01",
                "--pair",
                "VICTIMS",
                "--quarter",
                "FY2020Q1",
                "--explain",
                "VS counted a family of four as one referral");
        assertThat(ex.exit()).as(ex.err()).isZero();
        Run out = run(
                "measures",
                "export",
                "--study",
                s,
                "--db",
                url,
                "--out",
                dir.resolve("x").toString());
        assertThat(out.exit()).as(out.err()).isZero();
        assertThat(dir.resolve("x").resolve("TF01_LE_FY2020Q1.csv")).exists();
        assertThat(dir.resolve("x").resolve("TF01_VS_FY2020Q2.csv")).exists();
    }
}

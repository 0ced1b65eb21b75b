package org.tfeval.cli.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tfeval.cli.qual.QualCommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.testkit.PostgresExtension;

/** The framework matrix from the command line: restricted, marked, and refused for unknown participants. */
@ExtendWith(PostgresExtension.class)
class QualFrameworkCommandTest {
    @TempDir
    Path dir;

    @Test
    void the_framework_matrix_is_marked_restricted_and_a_summary_of_nobody_is_refused(ConnectionSettings db)
            throws Exception {
        String url = db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        String s = dir.resolve("s").toString();
        assertThat(run("init", s, "--db", url).exit()).isZero();
        Path qdc = dir.resolve("book.qdc");
        Code cat = Code.category("Collaboration", null);
        Files.write(qdc, Qdc.write(Codebook.of(List.of(cat, Code.of("TRUST", cat.guid(), "")))));
        assertThat(run("qual", "codebook", "change", "import", qdc.toString(), "--study", s, "--db", url)
                        .exit())
                .isZero();
        assertThat(run("qual", "framework", "--help").out()).contains("RESTRICTED TIER ONLY");
        QualCommandsTest.Run csv = run(
                "qual",
                "framework",
                "show",
                "--codes",
                "Collaboration",
                "--format",
                "csv",
                "--recipient",
                "Dr Ng",
                "--study",
                s,
                "--db",
                url);
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("# RESTRICTED: exported for Dr Ng, export ");
        assertThat(csv.out()).contains("participant,group,site,theme,summary");
        QualCommandsTest.Run json =
                run("qual", "framework", "show", "--codes", "TRUST", "--format", "json", "--study", s, "--db", url);
        assertThat(json.out()).contains("\"tier\" : \"restricted\"").contains("\"themes\" : [ \"TRUST\" ]");
        assertThat(run("qual", "framework", "show", "--codes", "NOSUCH", "--study", s, "--db", url)
                        .exit())
                .isEqualTo(2);
        QualCommandsTest.Run nobody = run(
                "qual",
                "framework",
                "summarise",
                "--participant",
                "TF01-P9",
                "--code",
                "TRUST",
                "--text",
                "x",
                "--study",
                s,
                "--db",
                url);
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.err()).contains("no participant");
    }
}

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

/** Codebook versions and rounds from the command line. */
@ExtendWith(PostgresExtension.class)
class QualCodebookCommandsTest {
    @TempDir
    Path dir;

    @Test
    void each_codebook_change_is_a_version_in_the_history_and_a_round_needs_transcripts(ConnectionSettings db)
            throws Exception {
        String url = db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
        String s = dir.resolve("s").toString();
        assertThat(run("init", s, "--db", url).exit()).isZero();
        Path qdc = dir.resolve("book.qdc");
        Files.write(qdc, Qdc.write(Codebook.of(List.of(Code.of("TRUST", null, ""), Code.of("FUNDING", null, "")))));
        QualCommandsTest.Run imported =
                run("qual", "codebook", "change", "import", qdc.toString(), "--study", s, "--db", url);
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Codebook version 1: import book.qdc: 2 added");
        assertThat(run("qual", "codebook", "change", "add", "Resources", "--category", "--study", s, "--db", url)
                        .exit())
                .isZero();
        assertThat(run(
                                "qual",
                                "codebook",
                                "change",
                                "move",
                                "FUNDING",
                                "--under",
                                "Resources",
                                "--study",
                                s,
                                "--db",
                                url)
                        .exit())
                .isZero();
        assertThat(run("qual", "codebook", "change", "rename", "TRUST", "Trust", "--study", s, "--db", url)
                        .exit())
                .isZero();
        QualCommandsTest.Run merged =
                run("qual", "codebook", "change", "merge", "Trust", "--into", "FUNDING", "--study", s, "--db", url);
        assertThat(merged.exit()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("Codebook version 5").contains("0 codings moved");
        QualCommandsTest.Run bad =
                run("qual", "codebook", "change", "merge", "FUNDING", "--into", "Resources", "--study", s, "--db", url);
        assertThat(bad.exit()).isEqualTo(2);
        QualCommandsTest.Run history = run("qual", "codebook", "history", "--study", s, "--db", url);
        assertThat(history.out())
                .contains("v1    import")
                .contains("v2    add")
                .contains("v3    move")
                .contains("v4    rename")
                .contains("v5    merge");
        QualCommandsTest.Run show = run("qual", "codebook", "show", "--study", s, "--db", url);
        assertThat(show.out()).contains("Codebook version 5", "[Resources]", "  FUNDING", "Trust (retired)");
        QualCommandsTest.Run open =
                run("qual", "round", "open", "--sample", "2", "--coders", "c1,c2", "--study", s, "--db", url);
        assertThat(open.exit()).isEqualTo(2);
        assertThat(open.err()).contains("codable");
        assertThat(run("qual", "round", "list", "--study", s, "--db", url).out())
                .isEmpty();
    }
}

package org.tfeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.WorkFolders;
import picocli.CommandLine;

/** {@code tfeval bench --dir}: a folder that does not exist yet is created; one that holds files is refused. */
class BenchCommandTest {
    Path root;

    @BeforeEach
    void folder() throws Exception {
        // the embedded server may run as another user: the folder must be reachable
        root = Files.createTempDirectory(Path.of("/tmp"), "tfeval-bench-test-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void clean() {
        WorkFolders.deleteTree(root);
    }

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Tfeval.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_work_folder_that_does_not_exist_is_created_and_kept() {
        Path dir = root.resolve("new").resolve("bench");
        Run r = run("bench", "--dir", dir.toString(), "--cases", "40", "--sites", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("raw COPY (baseline")
                .contains("ratio to raw COPY")
                .contains("snapshot:");
        assertThat(dir.resolve("data").resolve("case.csv")).isRegularFile();
    }

    @Test
    void a_work_folder_that_holds_files_is_a_usage_error_naming_it() throws Exception {
        Path dir = Files.createDirectories(root.resolve("busy"));
        Files.writeString(dir.resolve("mine.txt"), "keep me");
        Run r = run("bench", "--dir", dir.toString(), "--cases", "40", "--sites", "2");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err())
                .startsWith("tfeval bench: the work folder " + dir + " is not empty")
                .contains("--dir");
        assertThat(Files.readString(dir.resolve("mine.txt"))).isEqualTo("keep me");
    }
}

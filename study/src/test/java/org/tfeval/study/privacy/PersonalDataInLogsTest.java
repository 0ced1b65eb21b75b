package org.tfeval.study.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.study.Study;

/**
 * Issue 13 item 6 on the embedded server: after every fault (a header-less file, shifted columns,
 * a NUL byte, out-of-range values, and statements the server itself refuses), the survivor's text
 * appears in no message and in no log under the study folder, the server's log included.
 */
class PersonalDataInLogsTest {
    private static final String SENTINEL = "SENTINELzq7 survivor narrative";
    private Path root;

    @BeforeEach
    void folder() throws IOException {
        // the embedded server may run as 'nobody' (tests run as root): the folder must be reachable
        root = Files.createTempDirectory(Path.of("/tmp"), "tfeval-privacy-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void clean() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void no_fault_puts_free_text_into_a_message_or_a_log() throws Exception {
        Path dir = root.resolve("study");
        List<String> messages = new ArrayList<>();
        try (Study s = Study.create(dir, "ecm", false, null)) {
            Path tf = root.resolve("task_force.csv");
            Files.writeString(tf, "TF_ID,TF_NAME\nTFA,Synthetic\n");
            String header = "CASE_ID,TF_ID,NARRATIVE,N_AGENCIES,INCIDENT_DATE";
            List<Path> faults = List.of(
                    file("noheader.csv", "TFA-C1,TFA,\"" + SENTINEL + "\",3,2018-01-01\n"),
                    file("shifted.csv", header + "\n\"" + SENTINEL + "\",TFA-C1,TFA,\"" + SENTINEL + "\",3\n"),
                    file("nul.csv", header + "\nTFA-C1,TFA,\"" + SENTINEL + "\u0000\",3,2018-01-01\n"),
                    file("range.csv", header + "\nTFA-C1,TFA,\"" + SENTINEL + "\",3000000000,0000-01-01\n"),
                    file("short.csv", header + "\nTFA-C1,TFA,\"" + SENTINEL + "\"\n"));
            for (Path f : faults) {
                ImportResult r = s.importFile("case", f, "tester", "test", ProgressListener.NONE);
                assertThat(r.stored()).isFalse();
                r.violations().forEach(v -> messages.add(v.describe()));
            }
            // statements the server refuses, quoting the value in its error and detail
            try (Connection c = s.store().connect();
                    Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("SELECT '" + SENTINEL + "'::int"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> st.execute(
                                "INSERT INTO " + s.store().table("case").table()
                                        + " (case_id, narrative) VALUES (NULL, '" + SENTINEL + "')"))
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(messages).isNotEmpty().noneSatisfy(m -> assertThat(m).contains("SENTINEL"));
        List<Path> logs = logs(dir);
        assertThat(logs)
                .as("the server log is among the files searched")
                .anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("server.log"));
        for (Path log : logs) {
            assertThat(Files.readString(log, StandardCharsets.ISO_8859_1))
                    .as(log.toString())
                    .doesNotContain("SENTINEL");
        }
    }

    private Path file(String name, String content) throws IOException {
        Path p = root.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Every text log under the study folder (the server's data files themselves are not logs). */
    static List<Path> logs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String t = dir.relativize(p).toString();
                        boolean data = t.contains("data/") && !t.contains("data/log") && !t.contains("data/pg_log");
                        return !data;
                    })
                    .toList();
        }
    }
}

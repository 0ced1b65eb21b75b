package org.tfeval.web.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.web.WebServer;

/**
 * The server side of the benchmark, in its own JVM: a study with one task force, {@code coders}
 * coder accounts ({@code coder1}...) and as many sampled cases, served on a free port until
 * standard input closes. Prints {@code READY <address>} when it listens.
 */
public final class BenchServer {
    /** Task force of the benchmark. */
    static final String TASK_FORCE = "TFA";
    /** Password of every benchmark account. */
    static final String PASSWORD = "benchmark password";

    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        ConnectionSettings db = new ConnectionSettings(args[0], args[1], args[2]);
        int coders = Integer.parseInt(args[3]);
        Path dir = Files.createTempDirectory("tfeval-bench-study-");
        StudyWorkspace.init(dir, "ecm", false);
        String url = db.jdbcUrl() + "?user=" + URLEncoder.encode(db.user(), StandardCharsets.UTF_8)
                + (db.password() == null
                        ? ""
                        : "&password=" + URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        try (Study study = Study.open(dir, url)) {
            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.execute(
                        "INSERT INTO " + Store.DEFAULT_SCHEMA + ".d_task_force (tf_id) VALUES ('" + TASK_FORCE + "')");
            }
            try (WebServer server = WebServer.start(
                    study, WebServer.Settings.defaults().withPort(0).withVersion("bench"))) {
                Account admin = server.context()
                        .accounts()
                        .create("bench", "bench-admin", Role.ADMINISTRATOR, Set.of(), PASSWORD);
                for (int i = 1; i <= coders; i++)
                    server.context().accounts().create("bench", "coder" + i, Role.CODER, Set.of(TASK_FORCE), PASSWORD);
                StringBuilder frame = new StringBuilder("TF_ID,CASE_REF\n");
                for (int i = 1; i <= coders; i++)
                    frame.append(TASK_FORCE).append(",R").append(i).append('\n');
                Path file = dir.resolve("bench.csv");
                Files.writeString(file, frame, StandardCharsets.UTF_8);
                Sampling.Outcome drawn =
                        server.context().sampling().draw(admin, file, Integer.toString(coders), "1", "0");
                if (!drawn.drawn()) throw new IllegalStateException("the benchmark's draw failed: " + drawn.problems());
                System.out.println("READY " + server.uri());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the benchmark to close standard input
                }
            } catch (IOException e) {
                // standard input closed
            }
        }
    }
}

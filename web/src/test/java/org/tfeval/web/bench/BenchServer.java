package org.tfeval.web.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.store.account.Accounts;
import org.tfeval.store.account.Role;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.Sampler;
import org.tfeval.web.WebServer;
import org.tfeval.web.auth.PasswordHasher;

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

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        ConnectionSettings db = new ConnectionSettings(args[0], args[1], args[2]);
        int coders = Integer.parseInt(args[3]);
        Store store = Store.open(db, Store.DEFAULT_SCHEMA, InstrumentLoader.builtIn("ecm"));
        PasswordHasher hasher = PasswordHasher.defaults();
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d_task_force (tf_id) VALUES (?)")) {
                ps.setString(1, TASK_FORCE);
                ps.executeUpdate();
            }
            String hash = hasher.hash(PASSWORD);
            for (int i = 1; i <= coders; i++) Accounts.create(c, "coder" + i, Role.CODER, Set.of(TASK_FORCE), hash, "bench");
            c.commit();
        }
        List<SampleDraw.Drawn> cases = new ArrayList<>();
        for (int i = 1; i <= coders; i++) cases.add(new SampleDraw.Drawn(TASK_FORCE, "R" + i, i, false));
        Sampler.record(store, new SampleDraw(0, "bench.csv", "0".repeat(64), coders, 1, Sampler.METHOD, coders + " per site", 0, cases), "bench", "bench");
        try (WebServer server = WebServer.start(store, WebServer.Settings.defaults().withPort(0).withVersion("bench"))) {
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

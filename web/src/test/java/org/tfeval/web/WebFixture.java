package org.tfeval.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.accounts.LockoutPolicy;
import org.tfeval.study.accounts.PasswordHasher;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.sampling.Sampling;

/**
 * A running application on a fresh database: task forces TFA and TFB, a sample draw with cases
 * of both, and one account per role and task force ({@code coder-tfa}, {@code coord-tfb}, ...,
 * {@code admin}, {@code analyst}), all with the password {@link #PASSWORD}.
 */
final class WebFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    /** Cheap Argon2id for tests (the default costs are tested in PasswordHasherTest). */
    static final PasswordHasher CHEAP = PasswordHasher.defaults().withCost(64, 1);
    /** Failed sign-ins before a lockout in tests. */
    static final int LOCKOUT = 3;
    /** The study's schema. */
    static final String SCHEMA = "tfeval";
    /** Cases per task force in the fixture's draw. */
    static final int CASES_PER_SITE = 4;

    private final ConnectionSettings db;
    private final Path dir;
    final Study study;
    final WebServer server;
    /** The fixture's recorded draw. */
    final long drawId;

    final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    WebFixture(ConnectionSettings db) {
        this(db, InstrumentLoader.builtInSource("ecm"), WebServer.Settings.defaults());
    }

    WebFixture(ConnectionSettings db, String instrumentYaml, WebServer.Settings settings) {
        this.db = db;
        try {
            dir = Files.createTempDirectory("tfeval-web-study-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        study = TestStudies.open(dir.resolve("study"), db, instrumentYaml);
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO d_task_force (tf_id) VALUES (?)")) {
            for (String tf : List.of("TFA", "TFB")) {
                ps.setString(1, tf);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        server = WebServer.start(
                study,
                settings.withPort(0)
                        .withHasher(CHEAP)
                        .withLockout(new LockoutPolicy(LOCKOUT, java.time.Duration.ofMinutes(5)))
                        .withErrors(new PrintStream(errors, true, StandardCharsets.UTF_8)));
        Accounts accounts = server.context().accounts();
        for (String tf : List.of("TFA", "TFB")) {
            String t = tf.toLowerCase(java.util.Locale.ROOT);
            accounts.create("test", "coord-" + t, Role.SITE_COORDINATOR, Set.of(tf), PASSWORD);
            accounts.create("test", "coder-" + t, Role.CODER, Set.of(tf), PASSWORD);
            accounts.create("test", "coder2-" + t, Role.CODER, Set.of(tf), PASSWORD);
            accounts.create("test", "viewer-" + t, Role.TASK_FORCE_VIEWER, Set.of(tf), PASSWORD);
        }
        Account admin = accounts.create("test", "admin", Role.ADMINISTRATOR, Set.of(), PASSWORD);
        accounts.create("test", "analyst", Role.ANALYST, Set.of(), PASSWORD);
        accounts.create("test", "privacy", Role.PRIVACY_OFFICER, Set.of(), PASSWORD);
        accounts.create("test", "privacy2", Role.PRIVACY_OFFICER, Set.of(), PASSWORD);
        accounts.create("test", "steward", Role.STEWARD, Set.of(), PASSWORD);
        drawId = draw(admin);
    }

    /** Draws every case of a case list with {@value #CASES_PER_SITE} cases per task force ({@code TFA-R1} ...). */
    private long draw(Account admin) {
        StringBuilder frame = new StringBuilder("TF_ID,CASE_REF\n");
        for (String tf : List.of("TFA", "TFB")) {
            for (int i = 1; i <= CASES_PER_SITE; i++)
                frame.append(tf).append(',').append(tf).append("-R").append(i).append('\n');
        }
        try {
            Path file = dir.resolve("case_list.csv");
            Files.writeString(file, frame, StandardCharsets.UTF_8);
            Sampling.Outcome drawn =
                    server.context().sampling().draw(admin, file, Integer.toString(CASES_PER_SITE), "7", "0");
            if (!drawn.drawn()) throw new IllegalStateException("the fixture's draw failed: " + drawn.problems());
            return drawn.drawId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the study's database in its schema, for checks (pure test code). */
    Connection connect() throws SQLException {
        Connection c = db.connect();
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + SCHEMA);
        }
        return c;
    }

    /** A count query's result. */
    long count(String sql) throws SQLException {
        try (Connection c = connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Queries open or answered in the study. */
    long openQueries() throws SQLException {
        return count("SELECT count(*) FROM dq_query WHERE status <> 'closed'");
    }

    Browser browser() {
        return new Browser(server.uri());
    }

    Browser as(String account) {
        return browser().signedIn(account, PASSWORD);
    }

    /** Valid cells for the entered variables of a form, then overrides. */
    Map<String, String> valid(String form, Map<String, String> overrides) {
        Map<String, String> cells = new LinkedHashMap<>();
        var coding = server.context().coding();
        for (var v : coding.enteredVariables(coding.instrument().form(form))) {
            if (!v.required()) continue;
            cells.put(
                    v.name(),
                    switch (v.type()) {
                        case CODE ->
                            Long.toString(v.valueLabels().keySet().stream()
                                    .filter(k -> k > 0)
                                    .findFirst()
                                    .orElseThrow());
                        case INTEGER, DECIMAL ->
                            (v.min() == null
                                            ? java.math.BigDecimal.valueOf(30)
                                            : v.min()
                                                    .max(java.math.BigDecimal.valueOf(30)
                                                            .min(v.max())))
                                    .toPlainString();
                        case DATE -> "2018-06-01";
                        case STRING -> "XX";
                        default -> "x";
                    });
        }
        if (form.equals("case"))
            cells.putAll(Map.of(
                    "INCIDENT_DATE", "2018-01-01", "CASE_OPEN_DATE", "2018-02-01", "CASE_CLOSE_DATE", "2019-01-01"));
        if (form.equals("victim")) cells.putAll(Map.of("V_AGE", "30", "V_MINOR", "0"));
        cells.putAll(overrides);
        return cells;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            study.close();
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temporary files only
            }
        }
    }
}

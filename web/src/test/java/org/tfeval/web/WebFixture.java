package org.tfeval.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.Store;
import org.tfeval.store.account.Accounts;
import org.tfeval.store.account.LockoutPolicy;
import org.tfeval.store.account.Role;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.Sampler;
import org.tfeval.web.auth.PasswordHasher;

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

    final Store store;
    final WebServer server;
    final SampleDraw draw;
    final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    WebFixture(ConnectionSettings db) {
        this(db, InstrumentLoader.builtIn("ecm"), WebServer.Settings.defaults());
    }

    WebFixture(ConnectionSettings db, Instrument instrument, WebServer.Settings settings) {
        store = Store.open(db, Store.DEFAULT_SCHEMA, instrument);
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d_task_force (tf_id) VALUES (?)")) {
                for (String tf : List.of("TFA", "TFB")) {
                    ps.setString(1, tf);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String tf : List.of("TFA", "TFB")) {
                String t = tf.toLowerCase(java.util.Locale.ROOT);
                Accounts.create(c, "coord-" + t, Role.SITE_COORDINATOR, Set.of(tf), CHEAP.hash(PASSWORD), "test");
                Accounts.create(c, "coder-" + t, Role.CODER, Set.of(tf), CHEAP.hash(PASSWORD), "test");
                Accounts.create(c, "coder2-" + t, Role.CODER, Set.of(tf), CHEAP.hash(PASSWORD), "test");
                Accounts.create(c, "viewer-" + t, Role.TASK_FORCE_VIEWER, Set.of(tf), CHEAP.hash(PASSWORD), "test");
            }
            Accounts.create(c, "admin", Role.ADMINISTRATOR, Set.of(), CHEAP.hash(PASSWORD), "test");
            Accounts.create(c, "analyst", Role.ANALYST, Set.of(), CHEAP.hash(PASSWORD), "test");
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<SampleDraw.Drawn> cases = new java.util.ArrayList<>();
        for (String tf : List.of("TFA", "TFB")) {
            for (int i = 1; i <= 4; i++) cases.add(new SampleDraw.Drawn(tf, tf + "-R" + i, i, false));
        }
        draw = Sampler.record(store, new SampleDraw(0, "case_list.csv", "0".repeat(64), cases.size(), 7, Sampler.METHOD, "4 per site", 0, cases),
                "test", "test");
        server = WebServer.start(store, settings.withPort(0).withHasher(CHEAP).withLockout(new LockoutPolicy(LOCKOUT, java.time.Duration.ofMinutes(5)))
                .withErrors(new PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8)));
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
        var forms = server.context().forms();
        for (var v : forms.enteredVariables(forms.form(form))) {
            if (!v.required()) continue;
            cells.put(v.name(), switch (v.type()) {
                case CODE -> Long.toString(v.valueLabels().keySet().stream().filter(k -> k > 0).findFirst().orElseThrow());
                case INTEGER, DECIMAL -> (v.min() == null ? java.math.BigDecimal.valueOf(30) : v.min().max(java.math.BigDecimal.valueOf(30).min(v.max())))
                        .toPlainString();
                case DATE -> "2018-06-01";
                case STRING -> "XX";
                default -> "x";
            });
        }
        if (form.equals("case")) cells.putAll(Map.of("INCIDENT_DATE", "2018-01-01", "CASE_OPEN_DATE", "2018-02-01", "CASE_CLOSE_DATE", "2019-01-01"));
        if (form.equals("victim")) cells.putAll(Map.of("V_AGE", "30", "V_MINOR", "0"));
        cells.putAll(overrides);
        return cells;
    }

    @Override
    public void close() {
        server.close();
    }
}

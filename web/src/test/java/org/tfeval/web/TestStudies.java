package org.tfeval.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;

/** Study folders for tests: a fresh folder whose database is a test database, opened through the study layer. */
final class TestStudies {
    private TestStudies() {}

    /** Opens a new study in {@code dir} on a test database, with an instrument given as YAML. */
    static Study open(Path dir, ConnectionSettings db, String instrumentYaml) {
        // pure set-up: the study layer offers no "init" to the web
        StudyWorkspace.init(dir, "ecm", false);
        try {
            Files.writeString(dir.resolve("instrument.yaml"), instrumentYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Study.open(dir, url(db));
    }

    /** The test database as a JDBC URL carrying its user and password. */
    private static String url(ConnectionSettings db) {
        StringBuilder u = new StringBuilder(db.jdbcUrl()).append(db.jdbcUrl().contains("?") ? '&' : '?');
        u.append("user=").append(URLEncoder.encode(db.user(), StandardCharsets.UTF_8));
        if (db.password() != null)
            u.append("&password=").append(URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        return u.toString();
    }
}

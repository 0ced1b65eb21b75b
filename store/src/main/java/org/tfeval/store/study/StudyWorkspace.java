package org.tfeval.store.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.pg.EmbeddedPostgres;
import org.tfeval.store.Store;

/**
 * A study folder: {@value #CONFIG} (name, instrument file, database), the instrument file, and
 * for the embedded database its data under {@code db/}.
 */
public final class StudyWorkspace {
    /** The config file that marks a study folder. */
    public static final String CONFIG = "tfeval-study.yaml";
    /** The embedded database's folder inside the study. */
    public static final String DB_FOLDER = "db";
    /** Config value meaning the embedded server. */
    public static final String EMBEDDED = "embedded";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path dir;
    private final JsonNode config;

    private StudyWorkspace(Path dir, JsonNode config) {
        this.dir = dir;
        this.config = config;
    }

    /** Creates a study folder with a copy of a built-in instrument; refuses a folder that already holds a study. */
    public static StudyWorkspace init(Path dir, String instrument, boolean synthetic) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(CONFIG))) {
            throw Problem.usage(abs + " already holds a study (" + CONFIG + ")", "choose another folder");
        }
        try {
            OwnerOnlyFiles.folder(abs);
            Files.setPosixFilePermissions(abs, OwnerOnlyFiles.FOLDER); // the study holds personal data
            OwnerOnlyFiles.writeString(
                    abs.resolve("instrument.yaml"), InstrumentLoader.builtInSource(instrument), StandardCharsets.UTF_8);
            ObjectNode c = YAML.createObjectNode();
            c.put("name", abs.getFileName().toString());
            c.put("instrument", "instrument.yaml");
            c.put("database", EMBEDDED);
            c.put("schema", Store.DEFAULT_SCHEMA);
            c.put("synthetic", synthetic);
            c.put("created", Instant.now().toString());
            OwnerOnlyFiles.writeString(
                    abs.resolve(CONFIG),
                    "# tfeval study. database: 'embedded' (data under db/) or postgresql://user@host:5432/db\n"
                            + YAML.writeValueAsString(c).replaceFirst("^---\\s*\n", ""),
                    StandardCharsets.UTF_8);
            OwnerOnlyFiles.writeString(
                    abs.resolve(".gitignore"), DB_FOLDER + "/\nsnapshots/\nreports/\n", StandardCharsets.UTF_8);
            return new StudyWorkspace(abs, c);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the study folder " + abs, e);
        }
    }

    /** The study in a folder. */
    public static StudyWorkspace at(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path cfg = abs.resolve(CONFIG);
        if (!Files.exists(cfg)) {
            throw Problem.usage(
                    "no study in " + abs + " (no " + CONFIG + ")",
                    "create one with: tfeval init " + dir + " --instrument ecm, or pass --study DIR");
        }
        try {
            return new StudyWorkspace(abs, YAML.readTree(cfg.toFile()));
        } catch (IOException e) {
            throw new Problem.Usage(cfg + ": cannot read the study config (" + e.getMessage() + ")", null, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return config.path("name").asText(dir.getFileName().toString());
    }

    /** Whether the study holds synthetic data. */
    public boolean synthetic() {
        return config.path("synthetic").asBoolean(false);
    }

    /** The study's instrument file. */
    public Path instrumentFile() {
        return dir.resolve(config.path("instrument").asText("instrument.yaml"));
    }

    public Instrument instrument() {
        return InstrumentLoader.load(instrumentFile());
    }

    /** Opens the study's database (the embedded server unless {@code dbOverride} or the config names a server). */
    public StudySession open(String dbOverride) {
        String db = dbOverride != null && !dbOverride.isBlank()
                ? dbOverride
                : config.path("database").asText(EMBEDDED);
        Instrument instrument = instrument();
        String schema = config.path("schema").asText(Store.DEFAULT_SCHEMA);
        if (db.equals(EMBEDDED)) {
            EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve(DB_FOLDER));
            try {
                return new StudySession(this, Store.open(pg.settings(), schema, instrument), pg);
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
        }
        return new StudySession(this, Store.open(ConnectionSettings.parse(db), schema, instrument), null);
    }

    /** An open study: its store, and the embedded server to stop on close. */
    public record StudySession(StudyWorkspace workspace, Store store, EmbeddedPostgres server)
            implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) server.close();
        }
    }
}

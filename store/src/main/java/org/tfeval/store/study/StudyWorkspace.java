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
import org.tfeval.store.audit.AuditSeal;

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
    /** The audit key file in the study folder (owner-only; never in the database). */
    public static final String AUDIT_KEY = "audit.key";
    /** The append-only audit anchor in the study folder. */
    public static final String AUDIT_ANCHOR = "audit-anchor.log";
    /** Config setting naming the audit key file (for servers: a file the operator keeps). */
    public static final String AUDIT_KEY_SETTING = "audit_key";
    /** Config setting naming a second, operator-chosen anchor file. */
    public static final String AUDIT_ANCHOR_SETTING = "audit_anchor";

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
                    abs.resolve(".gitignore"),
                    DB_FOLDER + "/\nsnapshots/\nreports/\n" + AUDIT_KEY + "\n",
                    StandardCharsets.UTF_8);
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
        return open(dbOverride, null);
    }

    /**
     * The audit seal: the key file ({@code auditKey}, else the config's {@value #AUDIT_KEY_SETTING},
     * else {@value #AUDIT_KEY} in the study folder; created owner-only when the study has no keyed
     * events yet) and the anchors ({@value #AUDIT_ANCHOR} in the study folder, and the config's
     * {@value #AUDIT_ANCHOR_SETTING} for servers, a place the operator names outside the database).
     */
    public AuditSeal auditSeal(Path auditKey) {
        return auditSeal(auditKey, null);
    }

    /**
     * As {@link #auditSeal(Path)}, with one more anchor the operator names for this run
     * ({@code --audit-anchor PATH}; null: none), kept beside the configured ones: every event the run
     * commits is appended to it too, and verification compares the chain with it.
     */
    public AuditSeal auditSeal(Path auditKey, Path extraAnchor) {
        Path key = auditKeyFile(auditKey);
        java.util.List<Path> anchors = new java.util.ArrayList<>();
        anchors.add(dir.resolve(AUDIT_ANCHOR));
        if (config.hasNonNull(AUDIT_ANCHOR_SETTING))
            anchors.add(dir.resolve(config.path(AUDIT_ANCHOR_SETTING).asText()));
        if (extraAnchor != null) {
            Path extra = dir.resolve(extraAnchor).toAbsolutePath().normalize();
            if (!anchors.contains(extra)) anchors.add(extra);
        }
        try {
            return AuditSeal.open(key, anchors, true);
        } catch (IllegalStateException | UncheckedIOException e) {
            throw Problem.refused(
                    e.getMessage(),
                    "give the key with --audit-key FILE (or " + AUDIT_KEY_SETTING + ": in " + CONFIG + ")");
        }
    }

    /**
     * The audit key file: {@code auditKey}, else the config's {@value #AUDIT_KEY_SETTING}, else
     * {@value #AUDIT_KEY} in the study folder.
     */
    public Path auditKeyFile(Path auditKey) {
        return auditKey != null
                ? auditKey
                : config.hasNonNull(AUDIT_KEY_SETTING)
                        ? dir.resolve(config.path(AUDIT_KEY_SETTING).asText())
                        : dir.resolve(AUDIT_KEY);
    }

    /** Opens the study's database with its audit key from {@code auditKey} (null: the default; see {@link #auditSeal}). */
    public StudySession open(String dbOverride, Path auditKey) {
        return open(dbOverride, auditKey, null);
    }

    /** As {@link #open(String, Path)}, with an operator's anchor for this run (see {@link #auditSeal(Path, Path)}). */
    public StudySession open(String dbOverride, Path auditKey, Path extraAnchor) {
        AuditSeal seal = auditSeal(auditKey, extraAnchor);
        String db = dbOverride != null && !dbOverride.isBlank()
                ? dbOverride
                : config.path("database").asText(EMBEDDED);
        Instrument instrument = instrument();
        String schema = config.path("schema").asText(Store.DEFAULT_SCHEMA);
        if (db.equals(EMBEDDED)) {
            EmbeddedPostgres pg = EmbeddedPostgres.start(dir.resolve(DB_FOLDER));
            try {
                return new StudySession(
                        this, Store.open(pg.settings(), schema, instrument).withSeal(seal), pg);
            } catch (RuntimeException e) {
                pg.close();
                throw e;
            }
        }
        return new StudySession(
                this,
                Store.open(ConnectionSettings.parse(db), schema, instrument).withSeal(seal),
                null);
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

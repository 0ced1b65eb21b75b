package org.tfeval.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentWriter;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.schema.FormTable;
import org.tfeval.store.validate.ValidationReport;

/**
 * Freezes a store into a snapshot: each form is read in one consistent transaction (PostgreSQL
 * COPY of a SELECT ordered by key, derived variables computed from their child records) and
 * written as Parquet by DuckDB. Immutable; configure by copy.
 */
public final class Snapshotter {
    /** Code written for a derived value that cannot be computed because its inputs are missing. */
    public static final int DERIVED_UNKNOWN = MissingCode.NOT_RECORDED.code();

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Store store;
    private final String actor;
    private final boolean allowErrors;
    private final boolean synthetic;
    private final String version;
    private final ProgressListener progress;

    private Snapshotter(Store store, String actor, boolean allowErrors, boolean synthetic, String version, ProgressListener progress) {
        this.store = store;
        this.actor = actor;
        this.allowErrors = allowErrors;
        this.synthetic = synthetic;
        this.version = version;
        this.progress = progress;
    }

    public static Snapshotter of(Store store) {
        return new Snapshotter(store, System.getProperty("user.name", "unknown"), false, false, "dev", ProgressListener.NONE);
    }

    public Snapshotter withActor(String a) {
        return new Snapshotter(store, a, allowErrors, synthetic, version, progress);
    }

    /** Takes the snapshot despite validation errors; recorded in the manifest. */
    public Snapshotter withAllowErrors(boolean b) {
        return new Snapshotter(store, actor, b, synthetic, version, progress);
    }

    /** Marks the data as synthetic in the manifest. */
    public Snapshotter withSynthetic(boolean b) {
        return new Snapshotter(store, actor, allowErrors, b, version, progress);
    }

    public Snapshotter withVersion(String v) {
        return new Snapshotter(store, actor, allowErrors, synthetic, v, progress);
    }

    public Snapshotter withProgress(ProgressListener p) {
        return new Snapshotter(store, actor, allowErrors, synthetic, version, p);
    }

    /** Refused because validation found errors. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    /** Takes a snapshot into {@code snapshots/<id>/}, given the validation of the current data. */
    public Snapshot take(Path snapshots, ValidationReport validation) {
        if (!validation.passed() && !allowErrors) {
            throw new RefusedException("snapshot refused: validation found " + validation.errors() + " errors; fix them (tfeval validate) "
                    + "or pass --allow-errors, which is recorded in the manifest");
        }
        Instrument ins = store.instrument();
        try {
            Files.createDirectories(snapshots);
            Path work = Files.createTempDirectory(snapshots, ".partial-");
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx------"));
            try {
                ObjectNode manifest = JSON.createObjectNode();
                ArrayNode datasets = JSON.createArrayNode();
                try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                    try (Statement st = duck.createStatement()) {
                        st.execute("SET threads TO 2");
                        st.execute("SET preserve_insertion_order = true");
                    }
                    store.tx(pg -> {
                        pg.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // every form from one view of the store
                        int i = 0;
                        for (Form f : ins.forms()) {
                            progress.progress("snapshot", i++, ins.forms().size());
                            datasets.add(dataset(pg, duck, ins, f, work));
                        }
                        return null;
                    });
                    progress.progress("snapshot", ins.forms().size(), ins.forms().size());
                }
                Path instrumentFile = work.resolve(Snapshot.INSTRUMENT);
                Files.writeString(instrumentFile, InstrumentWriter.toYaml(ins), StandardCharsets.UTF_8);
                ArrayNode files = JSON.createArrayNode();
                StringBuilder content = new StringBuilder();
                for (var d : datasets) {
                    files.addObject().put("file", d.path("file").asText()).put("sha256", d.path("sha256").asText());
                    content.append(d.path("file").asText()).append(' ').append(d.path("sha256").asText()).append('\n');
                }
                String insSha = ContentHash.sha256(instrumentFile);
                files.addObject().put("file", Snapshot.INSTRUMENT).put("sha256", insSha);
                content.append(Snapshot.INSTRUMENT).append(' ').append(insSha).append('\n').append("allow_errors ").append(allowErrors).append('\n');
                String id = ContentHash.sha256(content.toString());
                manifest.put("id", id);
                manifest.put("created_at", Instant.now().toString());
                manifest.put("created_by", actor);
                manifest.put("tfeval_version", version);
                manifest.put("synthetic", synthetic);
                manifest.putObject("instrument").put("id", ins.id()).put("version", ins.version()).put("sha256", insSha);
                manifest.put("allow_errors", allowErrors);
                manifest.putObject("validation").put("errors", validation.errors()).put("warnings", validation.warnings())
                        .put("at", validation.at().toString());
                manifest.put("derived_unknown_code", DERIVED_UNKNOWN);
                manifest.set("datasets", datasets);
                manifest.set("files", files);
                manifest.put("id_rule", "SHA-256 of the lines '<file> <sha256>' for every dataset and the instrument, then 'allow_errors <bool>'");
                Files.writeString(work.resolve(Snapshot.MANIFEST), JSON.writeValueAsString(manifest), StandardCharsets.UTF_8);
                Path target = snapshots.resolve(id);
                if (Files.exists(target.resolve(Snapshot.MANIFEST))) {
                    return Snapshot.open(target); // the same content was frozen before
                }
                try (var s = Files.list(work)) {
                    for (Path p : (Iterable<Path>) s::iterator) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r-----"));
                }
                Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("r-xr-x---"));
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
                record(id, target, manifest);
                return Snapshot.open(target);
            } finally {
                WorkFolders.deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot under " + snapshots, e);
        } catch (SQLException e) {
            throw new IllegalStateException("snapshot failed (" + e.getSQLState() + "): " + e.getMessage().split("\n")[0], e);
        }
    }

    private ObjectNode dataset(Connection pg, Connection duck, Instrument ins, Form f, Path work) throws SQLException, IOException {
        FormTable table = new FormTable(ins, f);
        List<String> select = new ArrayList<>();
        List<String> duckCols = new ArrayList<>();
        List<String> outCols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Variable v : f.variables()) {
            String c = FormTable.column(v.name());
            if (v.isDerived()) {
                select.add("COALESCE(" + table.derivedValue(v) + ", " + DERIVED_UNKNOWN + ") AS " + c);
            } else {
                select.add("p." + c);
            }
            duckCols.add("'" + v.name() + "': '" + duckType(v) + "'");
            names.add(v.name());
            if (v.type() == VariableType.DATE) {
                select.add("p." + FormTable.missingColumn(v.name()));
                String mc = v.name() + FormTable.MISSING_SUFFIX.toUpperCase(Locale.ROOT);
                duckCols.add("'" + mc + "': 'SMALLINT'");
                names.add(mc);
            }
        }
        names.forEach(n -> outCols.add(SqlIdentifier.quote(n)));
        Path csv = work.resolve(f.name() + ".csv.tmp");
        long rows;
        try (OutputStream out = Files.newOutputStream(csv)) {
            rows = pg.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + String.join(", ", select) + " FROM " + table.table()
                    + " p" + table.derivedJoins("p") + " ORDER BY " + String.join(", ", table.keyColumns().stream().map(k -> "p." + k).toList())
                    + ") TO STDOUT WITH (FORMAT csv, HEADER false)", out);
        }
        Path parquet = work.resolve(f.name() + ".parquet");
        try (Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT " + String.join(", ", outCols) + " FROM read_csv('" + csv + "', header = false, delim = ',', quote = '\"', "
                    + "escape = '\"', nullstr = '', allow_quoted_nulls = false, auto_detect = false, columns = {" + String.join(", ", duckCols)
                    + "})) TO '" + parquet + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        Files.delete(csv);
        ObjectNode d = JSON.createObjectNode();
        d.put("form", f.name());
        d.put("label", f.label());
        d.put("file", parquet.getFileName().toString());
        d.put("rows", rows);
        d.put("sha256", ContentHash.sha256(parquet));
        ArrayNode cols = d.putArray("columns");
        names.forEach(cols::add);
        return d;
    }

    private static String duckType(Variable v) {
        return switch (v.type()) {
            case CODE, INTEGER -> "INTEGER";
            case DECIMAL -> "DOUBLE";
            case DATE -> "DATE";
            default -> "VARCHAR";
        };
    }

    private void record(String id, Path target, ObjectNode manifest) throws SQLException, IOException {
        String manifestJson = JSON.writeValueAsString(manifest);
        store.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot (id, created_at, actor, path, allow_errors, manifest) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, id);
                ps.setObject(2, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                ps.setString(3, actor);
                ps.setString(4, target.toString());
                ps.setBoolean(5, allowErrors);
                ps.setString(6, manifestJson);
                ps.executeUpdate();
            }
            return AuditLog.record(c, new AuditEntry(actor, "snapshot", null, allowErrors ? "snapshot with validation errors allowed" : "snapshot",
                    "{\"snapshot\":\"" + id + "\"}"));
        });
    }

}

package org.tfeval.snapshot.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentWriter;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.snapshot.Manifest;
import org.tfeval.snapshot.MeasureDataset;
import org.tfeval.snapshot.Snapshot;

/**
 * Writes the snapshot format: each form's rows, given by a {@link DatasetSource}, as Parquet (by
 * DuckDB), the instrument, and the manifest; the ID is the content hash ({@link Manifest#ID_RULE}).
 * The folder is written aside and moved into {@code snapshots/<id>/} read-only in one step; the same
 * content frozen before is returned as it is. Knows no database of the study: the store takes
 * snapshots through it, and so do tests from generated files. Immutable; configure by copy.
 */
public final class SnapshotWriter {
    /** DuckDB threads while writing Parquet (the machine is shared with the database server). */
    static final int DUCKDB_THREADS = 2;

    private final Instrument instrument;
    private final String actor;
    private final boolean allowErrors;
    private final boolean synthetic;
    private final String version;
    private final ProgressListener progress;
    /** The performance measures frozen beside the forms, or null when the study has none. */
    private final MeasureSource measures;

    private final org.tfeval.snapshot.DrawDesign design;
    private final org.tfeval.snapshot.CodingPairs pairs;

    private SnapshotWriter(
            Instrument instrument,
            String actor,
            boolean allowErrors,
            boolean synthetic,
            String version,
            ProgressListener progress) {
        this(
                instrument,
                actor,
                allowErrors,
                synthetic,
                version,
                progress,
                null,
                org.tfeval.snapshot.DrawDesign.NONE,
                org.tfeval.snapshot.CodingPairs.NONE);
    }

    private SnapshotWriter(
            Instrument instrument,
            String actor,
            boolean allowErrors,
            boolean synthetic,
            String version,
            ProgressListener progress,
            MeasureSource measures,
            org.tfeval.snapshot.DrawDesign design,
            org.tfeval.snapshot.CodingPairs pairs) {
        this.design = Objects.requireNonNull(design, "design");
        this.pairs = Objects.requireNonNull(pairs, "pairs");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.allowErrors = allowErrors;
        this.synthetic = synthetic;
        this.version = Objects.requireNonNull(version, "version");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.measures = measures;
    }

    /**
     * Freezes these performance measures beside the forms (null: none, and the ID is what it would be
     * without measures).
     */
    public SnapshotWriter withMeasures(MeasureSource m) {
        return new SnapshotWriter(instrument, actor, allowErrors, synthetic, version, progress, m, design, pairs);
    }

    /** A writer of snapshots of data described by this instrument. */
    public static SnapshotWriter of(Instrument instrument) {
        return new SnapshotWriter(
                instrument, System.getProperty("user.name", "unknown"), false, false, "dev", ProgressListener.NONE);
    }

    /** Who takes the snapshot (recorded in the manifest). */
    public SnapshotWriter withActor(String a) {
        return new SnapshotWriter(instrument, a, allowErrors, synthetic, version, progress, measures, design, pairs);
    }

    /** Whether validation errors are allowed (recorded in the manifest and part of the ID). */
    public SnapshotWriter withAllowErrors(boolean b) {
        return new SnapshotWriter(instrument, actor, b, synthetic, version, progress, measures, design, pairs);
    }

    /** Marks the data as synthetic in the manifest. */
    public SnapshotWriter withSynthetic(boolean b) {
        return new SnapshotWriter(instrument, actor, allowErrors, b, version, progress, measures, design, pairs);
    }

    /** The tfeval version recorded in the manifest. */
    public SnapshotWriter withVersion(String v) {
        return new SnapshotWriter(instrument, actor, allowErrors, synthetic, v, progress, measures, design, pairs);
    }

    public SnapshotWriter withProgress(ProgressListener p) {
        return new SnapshotWriter(instrument, actor, allowErrors, synthetic, version, p, measures, design, pairs);
    }

    /**
     * The sample design written beside the datasets ({@link org.tfeval.snapshot.DrawDesign#FILE}, hashed into the ID);
     * none when empty.
     */
    public SnapshotWriter withDrawDesign(org.tfeval.snapshot.DrawDesign d) {
        return new SnapshotWriter(instrument, actor, allowErrors, synthetic, version, progress, measures, d, pairs);
    }

    /**
     * The double-coded pairs written beside the datasets ({@link org.tfeval.snapshot.CodingPairs#FILE}, hashed into
     * the ID); none when empty.
     */
    public SnapshotWriter withCodingPairs(org.tfeval.snapshot.CodingPairs p) {
        return new SnapshotWriter(instrument, actor, allowErrors, synthetic, version, progress, measures, design, p);
    }

    public Instrument instrument() {
        return instrument;
    }

    public String actor() {
        return actor;
    }

    public boolean allowErrors() {
        return allowErrors;
    }

    /**
     * A snapshot as written.
     *
     * @param snapshot the snapshot
     * @param created  false when the same content had been frozen before (and was returned as it was)
     */
    public record Written(Snapshot snapshot, boolean created) {
        public Written {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /**
     * Writes a snapshot into {@code snapshots/<id>/}.
     *
     * @param validation the validation of the data (errors need {@link #withAllowErrors})
     * @param source     the rows of every form
     */
    public Written write(Path snapshots, Manifest.Validation validation, DatasetSource source) {
        return write(snapshots, validation, source, Map.of());
    }

    /**
     * Writes a snapshot with files beside the datasets (e.g. the qualitative findings), each hashed into the ID
     * like a dataset; names are plain file names.
     */
    public Written write(
            Path snapshots, Manifest.Validation validation, DatasetSource source, Map<String, byte[]> attachments) {
        Objects.requireNonNull(validation, "validation");
        for (String name : attachments.keySet()) {
            if (!name.matches("[a-z][a-z0-9_.-]*")
                    || name.equals(Snapshot.MANIFEST)
                    || name.equals(Snapshot.INSTRUMENT)) {
                throw new IllegalArgumentException("not an attachment name: " + name);
            }
        }
        if (!validation.passed() && !allowErrors) {
            throw new IllegalArgumentException(
                    "a snapshot of data with " + validation.errors() + " validation errors needs allow_errors");
        }
        try {
            OwnerOnlyFiles.folder(snapshots);
            Path work = Files.createTempDirectory(snapshots, ".partial-");
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx------"));
            try {
                List<Manifest.Dataset> datasets = new ArrayList<>();
                try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
                    try (Statement st = duck.createStatement()) {
                        st.execute("SET threads TO " + DUCKDB_THREADS);
                        st.execute("SET preserve_insertion_order = true");
                    }
                    int i = 0;
                    for (Form f : instrument.forms()) {
                        progress.progress("snapshot", i++, instrument.forms().size());
                        datasets.add(dataset(duck, new DatasetQuery(instrument, f), source, work));
                    }
                    progress.progress(
                            "snapshot",
                            instrument.forms().size(),
                            instrument.forms().size());
                }
                Path instrumentFile = work.resolve(Snapshot.INSTRUMENT);
                Files.writeString(instrumentFile, InstrumentWriter.toYaml(instrument), StandardCharsets.UTF_8);
                String insSha = ContentHash.sha256(instrumentFile);
                List<Manifest.FileHash> files = new ArrayList<>();
                datasets.forEach(d -> files.add(new Manifest.FileHash(d.file(), d.sha256())));
                files.add(new Manifest.FileHash(Snapshot.INSTRUMENT, insSha));
                if (!design.isEmpty()) {
                    Path d = work.resolve(org.tfeval.snapshot.DrawDesign.FILE);
                    Files.writeString(d, design.toCsv(), StandardCharsets.UTF_8);
                    files.add(new Manifest.FileHash(org.tfeval.snapshot.DrawDesign.FILE, ContentHash.sha256(d)));
                }
                if (!pairs.isEmpty()) {
                    Path d = work.resolve(org.tfeval.snapshot.CodingPairs.FILE);
                    Files.writeString(d, pairs.toCsv(), StandardCharsets.UTF_8);
                    files.add(new Manifest.FileHash(org.tfeval.snapshot.CodingPairs.FILE, ContentHash.sha256(d)));
                }
                for (Map.Entry<String, byte[]> a : new java.util.TreeMap<>(attachments).entrySet()) {
                    Files.write(work.resolve(a.getKey()), a.getValue()); // attachments: qualitative findings
                    files.add(new Manifest.FileHash(a.getKey(), ContentHash.sha256(a.getValue())));
                }
                Manifest.Measures frozenMeasures = measures == null ? null : measures(openDuck(), work, files);
                String id = id(files, allowErrors);
                Manifest manifest = new Manifest(
                        id,
                        Instant.now(),
                        actor,
                        version,
                        synthetic,
                        new Manifest.InstrumentRef(instrument.id(), instrument.version(), insSha),
                        allowErrors,
                        validation,
                        DatasetQuery.DERIVED_UNKNOWN,
                        datasets,
                        files,
                        frozenMeasures == null ? Manifest.ID_RULE : Manifest.ID_RULE_WITH_MEASURES,
                        frozenMeasures);
                manifest.write(work.resolve(Snapshot.MANIFEST));
                Path target = snapshots.resolve(id);
                if (Files.exists(target.resolve(Snapshot.MANIFEST))) {
                    return new Written(Snapshot.open(target), false); // the same content was frozen before
                }
                try (var s = Files.list(work)) {
                    for (Path p : (Iterable<Path>) s::iterator)
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--------"));
                }
                Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("r-x------"));
                Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
                return new Written(Snapshot.open(target), true);
            } finally {
                if (Files.exists(work)) deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot under " + snapshots, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "snapshot failed (" + e.getSQLState() + "): " + firstLine(e.getMessage()), e);
        }
    }

    private static Connection openDuck() throws SQLException {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("SET threads TO " + DUCKDB_THREADS);
            st.execute("SET preserve_insertion_order = true");
        }
        return duck;
    }

    /** Writes the catalogue and every measure dataset into {@code work}, adding their files to {@code files}. */
    private Manifest.Measures measures(Connection duck, Path work, List<Manifest.FileHash> files)
            throws SQLException, IOException {
        try (duck) {
            Path catalogue = work.resolve(MeasureDataset.CATALOGUE_FILE);
            Files.writeString(catalogue, measures.catalogueYaml(), StandardCharsets.UTF_8);
            String catSha = ContentHash.sha256(catalogue);
            files.add(new Manifest.FileHash(MeasureDataset.CATALOGUE_FILE, catSha));
            List<Manifest.Dataset> out = new ArrayList<>();
            for (MeasureDataset d : MeasureDataset.values()) {
                Path csv = work.resolve(d.dataset() + ".csv.tmp");
                long rows = measures.export(d, csv);
                List<String> types = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (DatasetQuery.Column c : d.columns()) {
                    types.add("'" + c.name() + "': '" + c.type() + "'");
                    names.add("\"" + c.name() + "\"");
                }
                Path parquet = work.resolve(d.file());
                try (Statement st = duck.createStatement()) {
                    st.execute("COPY (SELECT " + String.join(", ", names) + " FROM " + readCsv(csv, types) + ") TO '"
                            + parquet + "' (FORMAT parquet, COMPRESSION zstd)");
                }
                Files.delete(csv);
                String sha = ContentHash.sha256(parquet);
                files.add(new Manifest.FileHash(d.file(), sha));
                out.add(new Manifest.Dataset(
                        d.dataset(),
                        d.label(),
                        d.file(),
                        rows,
                        sha,
                        d.columns().stream().map(DatasetQuery.Column::name).toList()));
            }
            return new Manifest.Measures(
                    measures.catalogueId(), measures.catalogueVersion(), MeasureDataset.CATALOGUE_FILE, catSha, out);
        }
    }

    /** The ID of a snapshot with these files: see {@link Manifest#ID_RULE}. */
    static String id(List<Manifest.FileHash> files, boolean allowErrors) {
        StringBuilder content = new StringBuilder();
        for (Manifest.FileHash f : files)
            content.append(f.file()).append(' ').append(f.sha256()).append('\n');
        content.append("allow_errors ").append(allowErrors).append('\n');
        return ContentHash.sha256(content.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Manifest.Dataset dataset(Connection duck, DatasetQuery q, DatasetSource source, Path work)
            throws SQLException, IOException {
        Form f = q.form();
        Path csv = work.resolve(f.name() + ".csv.tmp");
        long rows = source.export(q, csv);
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (DatasetQuery.Column c : q.columns()) {
            types.add("'" + c.name() + "': '" + c.type() + "'");
            names.add("\"" + c.name() + "\"");
        }
        Path parquet = work.resolve(f.name() + ".parquet");
        try (Statement st = duck.createStatement()) {
            st.execute("COPY (SELECT " + String.join(", ", names) + " FROM " + readCsv(csv, types) + ") TO '" + parquet
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        Files.delete(csv);
        return new Manifest.Dataset(
                f.name(),
                f.label(),
                parquet.getFileName().toString(),
                rows,
                ContentHash.sha256(parquet),
                q.columns().stream().map(DatasetQuery.Column::name).toList());
    }

    /** DuckDB's reading of a CSV file in the {@link DatasetSource} convention, with these columns ({@code 'name': 'TYPE'}). */
    static String readCsv(Path csv, List<String> columns) {
        return "read_csv('" + csv
                + "', header = false, delim = ',', quote = '\"', escape = '\"', nullstr = '', allow_quoted_nulls = false, "
                + "auto_detect = false, columns = {" + String.join(", ", columns) + "})";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n")[0];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}

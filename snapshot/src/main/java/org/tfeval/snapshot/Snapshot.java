package org.tfeval.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.workflow.ContentHash;

/**
 * A snapshot on disk, read back from its manifest.
 *
 * @param id       the content hash
 * @param dir      the folder
 * @param manifest the manifest
 */
public record Snapshot(String id, Path dir, Manifest manifest) {
    /** Manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** Instrument file name. */
    public static final String INSTRUMENT = "instrument.yaml";

    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(manifest, "manifest");
        if (!id.equals(manifest.id()))
            throw new IllegalArgumentException("snapshot " + id + " has the manifest of " + manifest.id());
    }

    /** Opens a snapshot folder. */
    public static Snapshot open(Path dir) {
        Path m = dir.resolve(MANIFEST);
        if (!Files.exists(m)) throw new IllegalArgumentException(dir + " is not a snapshot (no " + MANIFEST + ")");
        Manifest manifest = Manifest.read(m);
        return new Snapshot(manifest.id(), dir, manifest);
    }

    /** Finds a snapshot of a study by full id or unique prefix. */
    public static Snapshot find(Path snapshots, String idOrPrefix) {
        List<Path> matches = new ArrayList<>();
        try (var s = Files.list(snapshots)) {
            s.filter(p -> p.getFileName().toString().startsWith(idOrPrefix) && Files.exists(p.resolve(MANIFEST)))
                    .forEach(matches::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("no snapshots in " + snapshots + "; run tfeval snapshot first");
        }
        if (matches.isEmpty()) throw new IllegalArgumentException("no snapshot " + idOrPrefix + " in " + snapshots);
        if (matches.size() > 1)
            throw new IllegalArgumentException("snapshot id " + idOrPrefix + " is ambiguous; give more characters");
        return open(matches.get(0));
    }

    /** The Parquet file of a dataset (form). */
    public Path dataset(String form) {
        return manifest.dataset(form)
                .map(d -> dir.resolve(d.file()))
                .orElseThrow(() -> new IllegalArgumentException("snapshot " + id + " has no dataset " + form));
    }

    /** The performance measures frozen with the data, if the study had any. */
    public java.util.Optional<Manifest.Measures> measures() {
        return manifest.measuresFrozen();
    }

    /** The Parquet file of a performance-measure dataset. */
    public Path measureDataset(MeasureDataset d) {
        return measures()
                .flatMap(m -> m.dataset(d))
                .map(x -> dir.resolve(x.file()))
                .orElseThrow(() -> new IllegalArgumentException("snapshot " + id + " has no performance measures"));
    }

    /** The sample design the data were coded from ({@link DrawDesign#NONE} when no draw was recorded). */
    public DrawDesign drawDesign() {
        boolean listed = manifest.files().stream().anyMatch(f -> f.file().equals(DrawDesign.FILE));
        return listed ? DrawDesign.read(dir.resolve(DrawDesign.FILE)) : DrawDesign.NONE;
    }

    /** The double-coded pairs ({@link CodingPairs#NONE} when no case file was double-coded). */
    public CodingPairs codingPairs() {
        boolean listed = manifest.files().stream().anyMatch(f -> f.file().equals(CodingPairs.FILE));
        return listed ? CodingPairs.read(dir.resolve(CodingPairs.FILE)) : CodingPairs.NONE;
    }

    /** Rows per dataset. */
    public Map<String, Long> rows() {
        return manifest.rows();
    }

    /** The instrument frozen with the snapshot. */
    public Instrument instrument() {
        return InstrumentLoader.load(dir.resolve(INSTRUMENT));
    }

    /** Whether the snapshot was taken despite validation errors. */
    public boolean allowErrors() {
        return manifest.allowErrors();
    }

    /** Re-hashes every file; returns the files that changed (empty when intact). */
    public List<String> verify() {
        List<String> bad = new ArrayList<>();
        for (Manifest.FileHash f : manifest.files()) {
            Path p = dir.resolve(f.file());
            if (!Files.exists(p) || !ContentHash.sha256(p).equals(f.sha256())) bad.add(f.file());
        }
        return bad;
    }
}

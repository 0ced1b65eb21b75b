package org.tfeval.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public record Snapshot(String id, Path dir, JsonNode manifest) {
    /** Manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** Instrument file name. */
    public static final String INSTRUMENT = "instrument.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Opens a snapshot folder. */
    public static Snapshot open(Path dir) {
        Path m = dir.resolve(MANIFEST);
        if (!Files.exists(m)) throw new IllegalArgumentException(dir + " is not a snapshot (no " + MANIFEST + ")");
        try {
            JsonNode manifest = JSON.readTree(m.toFile());
            return new Snapshot(manifest.path("id").asText(), dir, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + m, e);
        }
    }

    /** Finds a snapshot of a study by full id or unique prefix. */
    public static Snapshot find(Path snapshots, String idOrPrefix) {
        List<Path> matches = new ArrayList<>();
        try (var s = Files.list(snapshots)) {
            s.filter(p -> p.getFileName().toString().startsWith(idOrPrefix) && Files.exists(p.resolve(MANIFEST))).forEach(matches::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("no snapshots in " + snapshots + "; run tfeval snapshot first");
        }
        if (matches.isEmpty()) throw new IllegalArgumentException("no snapshot " + idOrPrefix + " in " + snapshots);
        if (matches.size() > 1) throw new IllegalArgumentException("snapshot id " + idOrPrefix + " is ambiguous; give more characters");
        return open(matches.get(0));
    }

    /** The Parquet file of a dataset (form). */
    public Path dataset(String form) {
        for (JsonNode d : manifest.path("datasets")) {
            if (d.path("form").asText().equals(form)) return dir.resolve(d.path("file").asText());
        }
        throw new IllegalArgumentException("snapshot " + id + " has no dataset " + form);
    }

    /** Rows per dataset. */
    public Map<String, Long> rows() {
        Map<String, Long> out = new LinkedHashMap<>();
        manifest.path("datasets").forEach(d -> out.put(d.path("form").asText(), d.path("rows").asLong()));
        return out;
    }

    /** The instrument frozen with the snapshot. */
    public Instrument instrument() {
        return InstrumentLoader.load(dir.resolve(INSTRUMENT));
    }

    /** Whether the snapshot was taken despite validation errors. */
    public boolean allowErrors() {
        return manifest.path("allow_errors").asBoolean();
    }

    /** Re-hashes every file; returns the files that changed (empty when intact). */
    public List<String> verify() {
        List<String> bad = new ArrayList<>();
        for (JsonNode f : manifest.path("files")) {
            Path p = dir.resolve(f.path("file").asText());
            if (!Files.exists(p) || !ContentHash.sha256(p).equals(f.path("sha256").asText())) bad.add(f.path("file").asText());
        }
        return bad;
    }
}

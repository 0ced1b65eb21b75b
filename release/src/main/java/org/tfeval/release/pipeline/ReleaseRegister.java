package org.tfeval.release.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.disclosure.ReleaseRefusedException;

/**
 * The study's register of releases (a JSON file in the study folder, since releases are built
 * without the database): per release its snapshot, level, treatment and path. Two public releases of
 * one snapshot under different treatments (k = 11 and k = 5) could be differenced record by record,
 * so a new public release of a snapshot already released must use the same treatment as the first:
 * the same settings give the same files (the treatment is deterministic), or the release is refused.
 */
public final class ReleaseRegister {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A release recorded.
     *
     * @param snapshot the snapshot's ID
     * @param level its level
     * @param treatment the settings that decide what is released, as one canonical text
     * @param path microdata or aggregate tables
     * @param createdAt when
     * @param folder the package's folder name
     */
    public record Entry(
            String snapshot, ReleaseLevel level, String treatment, String path, String createdAt, String folder) {}

    private final Path file;

    public ReleaseRegister(Path file) {
        this.file = file;
    }

    /** The releases recorded, oldest first. */
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        for (JsonNode n : root.path("releases")) {
            out.add(new Entry(
                    n.path("snapshot").asText(),
                    ReleaseLevel.valueOf(n.path("level").asText().toUpperCase(Locale.ROOT)),
                    n.path("treatment").asText(),
                    n.path("path").asText(),
                    n.path("created_at").asText(),
                    n.path("folder").asText()));
        }
        return out;
    }

    /** The first public release of the snapshot, if any. */
    public Optional<Entry> firstPublic(String snapshot) throws IOException {
        return entries().stream()
                .filter(e -> e.snapshot().equals(snapshot) && e.level() == ReleaseLevel.PUBLIC)
                .findFirst();
    }

    /**
     * Refuses a public release whose treatment differs from the snapshot's earlier public release.
     *
     * @throws ReleaseRefusedException when the two could be differenced
     */
    public void check(String snapshot, ReleaseLevel level, String treatment) throws IOException {
        if (level != ReleaseLevel.PUBLIC) {
            return;
        }
        Optional<Entry> first = firstPublic(snapshot);
        if (first.isPresent() && !first.get().treatment().equals(treatment)) {
            throw new ReleaseRefusedException("snapshot " + snapshot.substring(0, Math.min(12, snapshot.length()))
                    + " was released publicly on " + first.get().createdAt() + " ("
                    + first.get().folder()
                    + ") under other settings (" + first.get().treatment() + "); two public releases of one snapshot "
                    + "under different treatments can be differenced record by record. Release it again with those "
                    + "settings (the same files result), or release a new snapshot");
        }
    }

    /** Appends a release (the file is replaced atomically). */
    public void record(Entry e) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("releases");
        List<Entry> all = entries();
        all.add(e);
        for (Entry x : all) {
            list.addObject()
                    .put("snapshot", x.snapshot())
                    .put("level", x.level().name().toLowerCase(Locale.ROOT))
                    .put("treatment", x.treatment())
                    .put("path", x.path())
                    .put("created_at", x.createdAt())
                    .put("folder", x.folder());
        }
        // the register names released folders and settings: owner-only, like every file of the study folder
        Path tmp = org.tfeval.instrument.workflow.OwnerOnlyFiles.emptyFile(
                file.resolveSibling(file.getFileName() + ".tmp"));
        Files.writeString(tmp, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.tfeval.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tfeval.instrument.workflow.ContentHash;

/**
 * What the unpacked PostgreSQL binaries must be: for every file its SHA-256 (computed from the
 * jar's archive entry while unpacking) and executable bit, for every link its target, and the
 * SHA-256 of the archive it was made from. A copy holding any other file, or a file with other
 * content, does not match.
 *
 * @param archiveHash SHA-256 of the archive in the jar
 * @param entries     relative path to {@code F <sha256> <x|->} or {@code L <target>}
 */
record BinaryManifest(String archiveHash, Map<String, String> entries) {
    /** The manifest's file name in the unpacked folder. */
    static final String FILE = "tfeval-manifest.txt";

    private static final String HEADER = "archive ";

    BinaryManifest {
        if (archiveHash == null || archiveHash.length() != 64) {
            throw new IllegalArgumentException("archiveHash must be a SHA-256 in hex");
        }
        entries = Map.copyOf(entries);
        if (entries.isEmpty()) throw new IllegalArgumentException("a manifest lists at least one file");
    }

    /** The manifest kept in an unpacked folder, if it is there and readable. */
    static Optional<BinaryManifest> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(HEADER)) return Optional.empty();
        Map<String, String> entries = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.indexOf('\t');
            if (tab < 0) return Optional.empty();
            entries.put(line.substring(tab + 1), line.substring(0, tab));
        }
        try {
            return Optional.of(new BinaryManifest(lines.get(0).substring(HEADER.length()), entries));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void write(Path dir) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append(archiveHash).append('\n');
        new TreeMap<>(entries)
                .forEach((path, what) ->
                        out.append(what).append('\t').append(path).append('\n'));
        Files.writeString(dir.resolve(FILE), out, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(
                dir.resolve(FILE), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Whether the folder holds exactly the listed files and links, with the listed content. */
    boolean matches(Path dir) throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString();
                if (rel.isEmpty() || rel.equals(FILE) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                if (Files.isSymbolicLink(p)) {
                    found.put(rel, "L " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    String expected = entries.get(rel);
                    if (expected == null) return false;
                    found.put(rel, fileEntry(ContentHash.sha256(p), Files.isExecutable(p)));
                } else {
                    return false; // a device, fifo or socket was never in the archive
                }
                if (!found.get(rel).equals(entries.get(rel))) return false;
            }
        }
        return found.keySet().equals(entries.keySet());
    }

    private static String fileEntry(String sha256, boolean executable) {
        return "F " + sha256 + " " + (executable ? "x" : "-");
    }

    /** Collects entries while the archive is unpacked. */
    static final class Builder {
        private final String archiveHash;
        private final Map<String, String> entries = new TreeMap<>();

        Builder(String archiveHash) {
            this.archiveHash = archiveHash;
        }

        void file(Path rel, String sha256, boolean executable) {
            put(rel.toString(), fileEntry(sha256, executable));
        }

        void link(Path rel, String target) {
            put(rel.toString(), "L " + target);
        }

        private void put(String rel, String what) {
            entries.put(rel, what);
        }

        BinaryManifest build() {
            return new BinaryManifest(archiveHash, entries);
        }
    }
}

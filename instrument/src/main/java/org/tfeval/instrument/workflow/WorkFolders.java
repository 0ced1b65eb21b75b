package org.tfeval.instrument.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The working folders a step builds and then removes (snapshot, release and report staging, temporary uploads). */
public final class WorkFolders {
    private WorkFolders() {}

    /**
     * Deletes a folder and everything in it, read-only files included; nothing happens when it does
     * not exist.
     *
     * @throws UncheckedIOException when a file cannot be removed
     */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try {
            try (var s = Files.walk(dir)) {
                s.filter(Files::isDirectory)
                        .forEach(p -> p.toFile().setWritable(true)); // a finished snapshot's folders are read-only
            }
            try (var s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    p.toFile().setWritable(true);
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the working folder " + dir, e);
        }
    }
}

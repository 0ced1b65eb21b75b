package org.tfeval.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing the temporary folders commands work in. */
final class Folders {
    private Folders() {
    }

    /** Deletes a folder and everything in it, read-only files included. */
    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                x.toFile().setWritable(true);
                x.toFile().delete();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p, e);
        }
    }
}

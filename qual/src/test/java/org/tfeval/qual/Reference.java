package org.tfeval.qual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared reference folder (system property {@code tfeval.shared}, set by the build). */
public final class Reference {
    private Reference() {}

    public static Path folder(String name) {
        String shared = System.getProperty("tfeval.shared", "../testdata");
        Path p = Path.of(shared, "reference", name);
        if (!Files.isDirectory(p)) throw new IllegalStateException("reference folder not found: " + p.toAbsolutePath());
        return p;
    }

    public static JsonNode json(String folder, String file) {
        try {
            return new ObjectMapper().readTree(folder(folder).resolve(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}

package org.tfeval.release.pipeline;

import java.util.Objects;

/**
 * A file of a release package.
 *
 * @param path path inside the package, with {@code /} separators ({@code case/case.dta})
 * @param bytes size
 * @param sha256 SHA-256, hex
 * @param description what it is
 */
public record PackagedFile(String path, long bytes, String sha256, String description) {
    public PackagedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(description, "description");
    }
}

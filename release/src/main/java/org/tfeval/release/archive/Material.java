package org.tfeval.release.archive;

import java.util.Objects;

/**
 * A document of the package other than the data (codebook, instrument, user guide, report).
 *
 * @param path relative to the package
 * @param description what it is
 */
public record Material(String path, String description) {
    public Material {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }
}

package org.tfeval.study.access;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A restricted package issued.
 *
 * @param transfer  its entry in the transfer log
 * @param dir       the package folder
 * @param manifest  its signed issue manifest
 * @param pseudonyms identifier pseudonyms recorded as its marks
 */
public record Issued(AccessFile.Transfer transfer, Path dir, Path manifest, int pseudonyms) {
    public Issued {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(manifest, "manifest");
    }
}

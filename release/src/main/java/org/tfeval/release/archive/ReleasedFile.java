package org.tfeval.release.archive;

import java.util.List;
import java.util.Objects;

/**
 * One released dataset as the study-level documentation describes it.
 *
 * @param form the instrument form (and folder of the package)
 * @param name the dataset name (file names are {@code <name>.<extension>})
 * @param label the dataset label
 * @param rows rows released
 * @param variables variables released
 * @param files the dataset's data files, relative to the package
 */
public record ReleasedFile(String form, String name, String label, long rows, int variables, List<String> files) {
    public ReleasedFile {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(name, "name");
        label = Objects.requireNonNullElse(label, "");
        if (rows < 0 || variables < 0) {
            throw new IllegalArgumentException("dataset " + name + ": counts must not be negative");
        }
        files = List.copyOf(files);
    }
}

package org.tfeval.release.format;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a writer produced.
 *
 * @param path the file written
 * @param format its format
 * @param rowCount rows written, or described by a codebook; 0 for setup programs, which hold no rows
 * @param renamedVariables dataset name to name in the file, for variables the format renamed (SAS
 *     transport 8-character names); empty when every name was kept
 */
public record WrittenFile(Path path, FileFormat format, long rowCount, Map<String, String> renamedVariables) {

    public WrittenFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        if (rowCount < 0) {
            throw new IllegalArgumentException("row count must not be negative: " + rowCount);
        }
        renamedVariables = Collections.unmodifiableMap(new LinkedHashMap<>(renamedVariables));
    }

    WrittenFile(Path path, FileFormat format, long rowCount) {
        this(path, format, rowCount, Map.of());
    }

    static Map<String, String> renamed(Map<String, String> mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        mapping.forEach((from, to) -> {
            if (!from.equals(to)) {
                out.put(from, to);
            }
        });
        return out;
    }
}

package org.tfeval.release.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.disclosure.DisclosureReport;

/**
 * A release package that was built.
 *
 * @param dir the package folder
 * @param level its level
 * @param snapshotId the snapshot released
 * @param rows released rows per dataset
 * @param files every file of the package (the manifest itself excepted)
 * @param report what disclosure control did
 */
public record ReleaseResult(Path dir, ReleaseLevel level, String snapshotId, Map<String, Long> rows, List<PackagedFile> files,
        DisclosureReport report) {
    public ReleaseResult {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(snapshotId, "snapshotId");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        files = List.copyOf(files);
        Objects.requireNonNull(report, "report");
    }
}

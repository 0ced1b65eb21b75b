package org.tfeval.release.pipeline;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.disclosure.DisclosureReport;

/**
 * A release package that was built.
 *
 * @param dir the package folder
 * @param level its level
 * @param snapshotId the snapshot released
 * @param rows released rows per dataset
 * @param datasets the released datasets' names, labels, value labels and missing codes, in file order
 * @param files every file of the package (the manifest itself excepted)
 * @param report what disclosure control did
 * @param microdata false when a public release holds aggregate tables only (microdata could not meet
 *     k within the limits: they are restricted-use only)
 */
public record ReleaseResult(
        Path dir,
        ReleaseLevel level,
        String snapshotId,
        Map<String, Long> rows,
        List<DatasetSpec> datasets,
        List<PackagedFile> files,
        DisclosureReport report,
        boolean microdata) {
    public ReleaseResult {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(snapshotId, "snapshotId");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        datasets = List.copyOf(datasets);
        files = List.copyOf(files);
        Objects.requireNonNull(report, "report");
    }

    /** The released dataset of a form. */
    public DatasetSpec dataset(String name) {
        return datasets.stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the release has no dataset " + name));
    }
}

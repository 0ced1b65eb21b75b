package org.tfeval.analysis.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.snapshot.Snapshot;

/**
 * What results and reports cite about the snapshot they come from.
 *
 * @param id                 content hash (SHA-256) of the snapshot
 * @param synthetic          whether the manifest marks the data as synthetic
 * @param allowErrors        whether the snapshot was taken despite validation errors
 * @param validationErrors   validation errors at the time of the snapshot
 * @param createdAt          when the snapshot was taken (ISO-8601)
 * @param tfevalVersion      tfeval version that took the snapshot
 * @param instrumentId       instrument id
 * @param instrumentVersion  instrument version
 * @param rows               rows per dataset
 */
public record SnapshotInfo(
        String id,
        boolean synthetic,
        boolean allowErrors,
        long validationErrors,
        String createdAt,
        String tfevalVersion,
        String instrumentId,
        String instrumentVersion,
        Map<String, Long> rows) {
    public SnapshotInfo {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) throw new IllegalArgumentException("snapshot id must not be blank");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tfevalVersion, "tfevalVersion");
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(instrumentVersion, "instrumentVersion");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Reads the manifest of a snapshot. */
    public static SnapshotInfo of(Snapshot s) {
        var m = s.manifest();
        return new SnapshotInfo(
                s.id(),
                m.synthetic(),
                s.allowErrors(),
                m.validation().errors(),
                m.createdAt().toString(),
                m.tfevalVersion(),
                m.instrument().id(),
                m.instrument().version(),
                s.rows());
    }

    /** The first characters of the ID ({@link ContentHash#shortId}), as printed in report footers. */
    public String shortId() {
        return ContentHash.shortId(id);
    }
}

package org.tfeval.report.measures;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.measures.frozen.FrozenMeasures;
import org.tfeval.measures.trend.FeatureComparison;
import org.tfeval.report.document.Document;
import org.tfeval.snapshot.Snapshot;

/**
 * The performance-measures chapter of a snapshot's reports, read from the snapshot alone (never the store): the
 * cross-site chapter for the technical report ({@link #write}) and each task force's own series next to the
 * cross-site range for its task-force report ({@link #writeTaskForce}), other task forces anonymised and their
 * figures from 1 to threshold - 1 withheld. A snapshot without measures has no chapter ({@link #of} is empty).
 */
public final class MeasuresChapter {
    private final MeasuresReport report;

    private MeasuresChapter(MeasuresReport report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    /** The chapter of a snapshot's measures; empty when the snapshot holds none. */
    public static Optional<MeasuresChapter> of(Snapshot snapshot, int threshold) {
        return FrozenMeasures.read(snapshot)
                .map(m -> new MeasuresChapter(MeasuresReport.of(input(snapshot, m))
                        .withThreshold(threshold)
                        .withPdf(false)));
    }

    /** The report's inputs as a snapshot froze them. */
    static MeasuresReport.Input input(Snapshot snapshot, FrozenMeasures m) {
        return new MeasuresReport.Input(
                m.catalogue(),
                m.values(),
                m.reconciliation(),
                m.comparisons(),
                FrozenMeasures.features(snapshot, FeatureComparison.TASK_FORCE_FEATURES),
                snapshot.manifest().synthetic());
    }

    /** Appends the cross-site chapter (the technical report's); returns its sentences with figures. */
    public List<Claim> write(Document doc) {
        return report.chapter(doc);
    }

    /**
     * Appends a task force's own series beside the other task forces' range, its reconciliation and its reported
     * vs computed totals; nothing for a task force without measures. Returns its sentences with figures.
     */
    public List<Claim> writeTaskForce(Document doc, String tfId) {
        if (!report.reports(tfId)) return List.of();
        return report.taskForceChapter(doc, tfId);
    }

    /** The task forces with measures. */
    public List<String> taskForces() {
        return report.taskForces();
    }
}

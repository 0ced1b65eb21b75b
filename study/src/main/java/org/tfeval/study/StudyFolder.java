package org.tfeval.study;

import java.nio.file.Path;
import org.tfeval.store.study.StudyWorkspace;

/**
 * The layout of a study folder, in one place: where snapshots, reports, sample draws and generated
 * files go. Adapters ask for paths here; no adapter spells a folder name.
 */
public final class StudyFolder {
    /** Snapshots, one folder per snapshot ID. */
    public static final String SNAPSHOTS = "snapshots";
    /** Validation reports and one folder of reports per snapshot. */
    public static final String REPORTS = "reports";
    /** Recorded case-sample draws. */
    public static final String SAMPLES = "samples";
    /** Generated synthetic files. */
    public static final String SYNTHETIC = "synthetic";
    /** Characters of a snapshot ID in folder names and listings. */
    public static final int SHORT_ID = 12;

    private final StudyWorkspace workspace;

    StudyFolder(StudyWorkspace workspace) {
        this.workspace = workspace;
    }

    /** The study in a folder (no database opened). */
    public static StudyFolder at(Path dir) {
        return new StudyFolder(StudyProblems.translate(() -> StudyWorkspace.at(dir)));
    }

    StudyWorkspace workspace() {
        return workspace;
    }

    public Path dir() {
        return workspace.dir();
    }

    public String name() {
        return workspace.name();
    }

    public boolean synthetic() {
        return workspace.synthetic();
    }

    public Path instrumentFile() {
        return workspace.instrumentFile();
    }

    public Path snapshots() {
        return dir().resolve(SNAPSHOTS);
    }

    public Path reports() {
        return dir().resolve(REPORTS);
    }

    public Path samples() {
        return dir().resolve(SAMPLES);
    }

    /** Where generated synthetic files go. */
    public Path syntheticFiles() {
        return dir().resolve(SYNTHETIC);
    }

    /** The embedded database's folder. */
    public Path database() {
        return dir().resolve(StudyWorkspace.DB_FOLDER);
    }

    /** Where a snapshot's reports go by default: {@code reports/snapshot-<short ID>}. */
    public Path reportsOf(String snapshotId) {
        return reports().resolve("snapshot-" + shortId(snapshotId));
    }

    /** The file of a recorded sample draw. */
    public Path sampleDraw(long drawId) {
        return samples().resolve("draw-" + drawId + ".csv");
    }

    /** The first {@value #SHORT_ID} characters of a content ID. */
    public static String shortId(String id) {
        return id.substring(0, Math.min(SHORT_ID, id.length()));
    }
}

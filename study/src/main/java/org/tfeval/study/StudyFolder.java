package org.tfeval.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.release.pipeline.ReleaseResult;
import org.tfeval.report.ReportSet;
import org.tfeval.report.Reports;
import org.tfeval.snapshot.Snapshot;
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
    /**
     * The register of releases built from the study's snapshots (a file, since releases are built
     * without the database): a second public release of a snapshot must use the first one's treatment.
     */
    public static final String RELEASE_REGISTER = "releases.json";

    private final StudyWorkspace workspace;

    StudyFolder(StudyWorkspace workspace) {
        this.workspace = workspace;
    }

    /** The study in a folder (no database opened). */
    public static StudyFolder at(Path dir) {
        return new StudyFolder(StudyWorkspace.at(dir));
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
        return reports().resolve("snapshot-" + ContentHash.shortId(snapshotId));
    }

    /** The file of a recorded sample draw. */
    public Path sampleDraw(long drawId) {
        return samples().resolve("draw-" + drawId + ".csv");
    }

    /** The study's snapshots, oldest first. */
    public List<Snapshot> listSnapshots() {
        List<Snapshot> out = new ArrayList<>();
        if (!Files.isDirectory(snapshots())) return out;
        try (var s = Files.list(snapshots())) {
            s.filter(p -> Files.exists(p.resolve(Snapshot.MANIFEST)))
                    .map(Snapshot::open)
                    .forEach(out::add);
        } catch (IOException e) {
            throw new Problem.Usage("cannot list " + snapshots() + " (" + e.getMessage() + ")", null, e);
        }
        out.sort(
                Comparator.comparing((Snapshot sn) -> sn.manifest().createdAt()).thenComparing(Snapshot::id));
        return out;
    }

    /** A snapshot by its folder, or by its ID or a unique prefix of it among the study's snapshots. */
    public Snapshot snapshot(String idOrFolder) {
        Path asFolder = Path.of(idOrFolder);
        if (Files.exists(asFolder.resolve(Snapshot.MANIFEST))) return Snapshot.open(asFolder);
        List<Snapshot> matches = listSnapshots().stream()
                .filter(sn -> sn.id().startsWith(idOrFolder))
                .toList();
        if (matches.isEmpty()) {
            throw Problem.usage(
                    "no snapshot " + idOrFolder + " in " + snapshots(),
                    "list them with: tfeval snapshot list; take one with: tfeval snapshot");
        }
        if (matches.size() > 1)
            throw Problem.usage("snapshot ID " + idOrFolder + " is ambiguous", "give more characters");
        return matches.get(0);
    }

    /**
     * Runs every analysis on a snapshot and writes every report into {@code out} (default:
     * {@link #reportsOf}); a given folder must be new, empty or a previous report set. Reads the
     * snapshot only: no database is opened.
     */
    public ReportSet buildReports(
            Snapshot snapshot, Reports reports, AnalysisSettings settings, String version, Path out) {
        return StudyFiles.reports(this, snapshot, reports, settings, version, out);
    }

    /**
     * Builds a release package into {@code out}, which must not exist or be empty; a refused package
     * leaves nothing. The release is checked against and recorded in the study's register of releases
     * ({@value #RELEASE_REGISTER}): a public release of a snapshot released before under another
     * treatment is refused, since the two could be differenced.
     */
    public ReleaseResult buildRelease(ReleaseBuilder builder, Path out) {
        ReleaseResult r = StudyFiles.release(
                builder.withDisclosure(builder.disclosure().withRegister(dir().resolve(RELEASE_REGISTER))), out);
        // listed so a later withdrawal can mark the package superseded and notify its holders
        org.tfeval.study.protect.OutputRegister.of(dir())
                .recordRelease(new org.tfeval.study.protect.OutputRegister.Release(
                        r.dir().toAbsolutePath().normalize().toString(),
                        r.snapshotId(),
                        r.level().name().toLowerCase(java.util.Locale.ROOT),
                        java.time.Instant.now().toString()));
        return r;
    }
}

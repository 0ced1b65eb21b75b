package org.tfeval.release.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.release.archive.Material;
import org.tfeval.release.archive.ReleasedFile;
import org.tfeval.release.archive.StudyDocumentation;
import org.tfeval.release.disclosure.DisclosurePolicy;
import org.tfeval.release.disclosure.DisclosureReport;
import org.tfeval.release.disclosure.DisclosureReportWriter;
import org.tfeval.release.disclosure.ReleaseRefusedException;
import org.tfeval.release.disclosure.ReleaseWork;
import org.tfeval.release.disclosure.ReleasedDataset;
import org.tfeval.release.disclosure.Thresholds;
import org.tfeval.release.format.FileFormat;
import org.tfeval.release.format.VariableNotes;
import org.tfeval.release.format.WriteOptions;
import org.tfeval.release.format.XptNames;
import org.tfeval.release.tables.AggregateTables;
import org.tfeval.snapshot.Snapshot;

/**
 * Builds a release package from a snapshot: disclosure control by the {@link DisclosurePolicy} of
 * the level, then for each dataset its data files, setup programs and codebooks ({@link FileFormat}),
 * a disclosure report, a processing log, a README and a manifest with the SHA-256 of every file.
 * Immutable; configure by copy:
 *
 * <pre>{@code
 * ReleaseResult r = ReleaseBuilder.of(snapshot).withLevel(ReleaseLevel.PUBLIC)
 *         .withThresholds(Thresholds.defaults().withK(11)).build(Path.of("release-public"));
 * }</pre>
 *
 * <p>The package is built in a private folder next to the target and moved into place at the end;
 * when the disclosure target is not met, or anything fails, no package (and no partial package) is
 * left. A fresh random key pseudonymises the identifiers of every release; it is not kept unless
 * {@link #withKeyFile} asks for it, and then outside the package.
 */
public final class ReleaseBuilder {
    /** The package's manifest. */
    public static final String MANIFEST = "manifest.json";
    /** The package's README. */
    public static final String README = "README.txt";
    /** The processing log. */
    public static final String PROCESSING_LOG = "processing_log.txt";
    /** The disclosure report, HTML and JSON. */
    public static final String DISCLOSURE_HTML = "disclosure_report.html";

    public static final String DISCLOSURE_JSON = "disclosure_report.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Snapshot snapshot;
    private final ReleaseLevel level;
    private final Thresholds thresholds;
    private final List<String> extraQuasi;
    private final Path keyFile;
    private final LocalDateTime timestamp;
    private final ProgressListener progress;
    private final String version;
    private final DisclosureOptions disclosure;

    private ReleaseBuilder(
            Snapshot snapshot,
            ReleaseLevel level,
            Thresholds thresholds,
            List<String> extraQuasi,
            Path keyFile,
            LocalDateTime timestamp,
            ProgressListener progress,
            String version,
            DisclosureOptions disclosure) {
        this.disclosure = Objects.requireNonNull(disclosure, "disclosure");
        this.snapshot = snapshot;
        this.level = level;
        this.thresholds = thresholds;
        this.extraQuasi = List.copyOf(extraQuasi);
        this.keyFile = keyFile;
        this.timestamp = timestamp;
        this.progress = progress;
        this.version = version;
    }

    /** A public-use release of the snapshot with the default thresholds. */
    public static ReleaseBuilder of(Snapshot snapshot) {
        return new ReleaseBuilder(
                Objects.requireNonNull(snapshot, "snapshot"),
                ReleaseLevel.PUBLIC,
                Thresholds.defaults(),
                List.of(),
                null,
                null,
                ProgressListener.NONE,
                "dev",
                DisclosureOptions.defaults());
    }

    public ReleaseBuilder withLevel(ReleaseLevel value) {
        if (value == ReleaseLevel.DROP) {
            throw new IllegalArgumentException("a release is restricted or public, not drop");
        }
        return new ReleaseBuilder(
                snapshot,
                Objects.requireNonNull(value, "level"),
                thresholds,
                extraQuasi,
                keyFile,
                timestamp,
                progress,
                version,
                disclosure);
    }

    public ReleaseBuilder withThresholds(Thresholds value) {
        return new ReleaseBuilder(
                snapshot,
                level,
                Objects.requireNonNull(value, "thresholds"),
                extraQuasi,
                keyFile,
                timestamp,
                progress,
                version,
                disclosure);
    }

    /** Variables treated as quasi-identifiers beyond those the instrument declares ({@code VARIABLE} or {@code form.VARIABLE}). */
    public ReleaseBuilder withExtraQuasiIdentifiers(Collection<String> names) {
        return new ReleaseBuilder(
                snapshot, level, thresholds, List.copyOf(names), keyFile, timestamp, progress, version, disclosure);
    }

    /** Keeps the pseudonymisation key in this file (created, readable by the owner only; never inside the package). */
    public ReleaseBuilder withKeyFile(Path file) {
        return new ReleaseBuilder(
                snapshot, level, thresholds, extraQuasi, file, timestamp, progress, version, disclosure);
    }

    /** The creation time written into the files (default: now). */
    public ReleaseBuilder withTimestamp(LocalDateTime value) {
        return new ReleaseBuilder(
                snapshot, level, thresholds, extraQuasi, keyFile, value, progress, version, disclosure);
    }

    public ReleaseBuilder withProgress(ProgressListener value) {
        return new ReleaseBuilder(
                snapshot,
                level,
                thresholds,
                extraQuasi,
                keyFile,
                timestamp,
                Objects.requireNonNull(value, "progress"),
                version,
                disclosure);
    }

    /** The disclosure options (scenario, pinned levels, metric, register). */
    public DisclosureOptions disclosure() {
        return disclosure;
    }

    /** How the public release searches its generalization, and the study's register of releases. */
    public ReleaseBuilder withDisclosure(DisclosureOptions value) {
        return new ReleaseBuilder(
                snapshot, level, thresholds, extraQuasi, keyFile, timestamp, progress, version, value);
    }

    /** The tfeval version recorded in the manifest. */
    public ReleaseBuilder withVersion(String value) {
        return new ReleaseBuilder(
                snapshot,
                level,
                thresholds,
                extraQuasi,
                keyFile,
                timestamp,
                progress,
                Objects.requireNonNull(value, "version"),
                disclosure);
    }

    /**
     * Builds the package into {@code out}, which must not exist or be an empty folder.
     *
     * @throws IllegalArgumentException for a bad configuration (nothing written)
     * @throws ReleaseRefusedException when the disclosure target cannot be met within the limits (nothing written)
     */
    public ReleaseResult build(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new IllegalArgumentException(
                    "the release folder " + out + " already exists and is not empty; choose a new folder");
        }
        Path keyTarget = keyFile == null ? null : keyFile.toAbsolutePath().normalize();
        if (keyTarget != null) {
            if (keyTarget.startsWith(target)) {
                throw new IllegalArgumentException(
                        "the key file must be outside the release folder: a key in the package would let anyone "
                                + "link its pseudonyms");
            }
            if (Files.exists(keyTarget)) {
                throw new IllegalArgumentException("the key file " + keyFile + " already exists; choose a new file");
            }
        }
        Path parent = target.getParent();
        OwnerOnlyFiles.folder(parent);
        LocalDateTime at = timestamp != null ? timestamp : LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        Path building = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        Path work = Files.createTempDirectory(parent, "." + target.getFileName() + ".work-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(building, PosixFilePermissions.fromString("rwx------"));
        byte[] key = new byte[ReleaseWork.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            ReleaseResult result;
            ProcessingLog log;
            ValueTreatment.Result treated;
            try {
                treated = ValueTreatment.apply(snapshot, work, progress);
                log = ProcessingLog.run(snapshot, progress).withTreatments(treated.treated());
            } catch (SQLException e) {
                throw new IOException("cannot check the snapshot data (" + e.getSQLState() + ")", e);
            }
            ReleaseRegister register =
                    disclosure.register() == null ? null : new ReleaseRegister(disclosure.register());
            if (register != null) {
                register.check(snapshot.id(), level, treatment());
            }
            boolean microdata = true;
            try (ReleaseWork w =
                    ReleaseWork.open(treated.snapshot(), level, thresholds, extraQuasi, key, work, progress)) {
                w.search(disclosure.scenario(), disclosure.pins(), disclosure.metric());
                String refusal = null;
                try {
                    w.apply(DisclosurePolicy.of(level));
                } catch (ReleaseRefusedException e) {
                    if (level != ReleaseLevel.PUBLIC) {
                        throw e;
                    }
                    microdata = false;
                    refusal = e.getMessage();
                }
                Map<String, Long> rows = new LinkedHashMap<>();
                List<PackagedFile> files = new ArrayList<>();
                List<ReleasedDataset> datasets = new ArrayList<>();
                StudyDocumentation doc = StudyDocumentation.of(snapshot, level, at, version, packageId());
                DisclosureReport report;
                String path;
                if (microdata) {
                    report = w.report();
                    datasets = w.datasets();
                    int step = 0;
                    for (ReleasedDataset d : datasets) {
                        progress.progress("write files", step++, datasets.size());
                        rows.put(d.form(), d.rowCount());
                        files.addAll(writeDataset(
                                building, d, at, doc.variableNotes(d.form(), d.spec(), treatments(report, d.form()))));
                    }
                    progress.progress("write files", datasets.size(), datasets.size());
                    path = level == ReleaseLevel.PUBLIC
                            ? String.format(
                                    Locale.ROOT,
                                    "public-use microdata: k = %d was met after generalization (%s) and local "
                                            + "suppression; see %s",
                                    thresholds.k(),
                                    report.scenario(),
                                    DISCLOSURE_HTML)
                            : "restricted-use microdata";
                } else {
                    path = String.format(
                            Locale.ROOT,
                            "aggregate tables only: microdata are restricted-use only, because %s. The public tier is "
                                    + "frequency tables with counts below %d withheld and complementary suppression "
                                    + "(folder %s/)",
                            refusal,
                            thresholds.k(),
                            AggregateTables.FOLDER);
                    report = w.report(path);
                    List<AggregateTables.Table> tables = AggregateTables.of(treated.snapshot(), thresholds.k());
                    for (String name :
                            AggregateTables.write(tables, building.resolve(AggregateTables.FOLDER), thresholds.k())) {
                        files.add(packaged(
                                building,
                                AggregateTables.FOLDER + "/" + name,
                                name.equals("index.csv")
                                        ? "index of the frequency tables"
                                        : name.equals("README.txt")
                                                ? "how the tables are protected"
                                                : "frequency table with withheld counts"));
                    }
                    rows.put(AggregateTables.FOLDER, (long) tables.size());
                }
                DisclosureReportWriter.writeHtml(report, building.resolve(DISCLOSURE_HTML));
                DisclosureReportWriter.writeJson(report, building.resolve(DISCLOSURE_JSON));
                Files.writeString(building.resolve(PROCESSING_LOG), log.text(), StandardCharsets.UTF_8);
                files.add(packaged(building, DISCLOSURE_HTML, "disclosure report"));
                files.add(packaged(building, DISCLOSURE_JSON, "disclosure report (JSON)"));
                files.add(packaged(building, PROCESSING_LOG, "processing log: the checks run on the snapshot data"));
                doc = documentation(doc, datasets, report, log);
                for (Material m : doc.write(
                        building,
                        snapshot.dir().resolve(Snapshot.INSTRUMENT),
                        files.stream()
                                .filter(f -> f.path().endsWith(XptNames.fileName(""))
                                        || FileFormat.ofFileName(f.path())
                                                .map(x -> x.role() != FileFormat.Role.DATA)
                                                .orElse(true))
                                .map(f -> new Material(f.path(), f.description()))
                                .toList())) {
                    files.add(packaged(building, m.path(), m.description()));
                }
                Files.writeString(
                        building.resolve(README),
                        readme(datasets, report, files, at, doc, path),
                        StandardCharsets.UTF_8);
                files.add(packaged(building, README, "this package described"));
                writeManifest(building.resolve(MANIFEST), rows, files, report, at);
                result = new ReleaseResult(
                        target,
                        level,
                        snapshot.id(),
                        rows,
                        datasets.stream().map(ReleasedDataset::spec).toList(),
                        files,
                        report,
                        microdata);
            } catch (SQLException e) {
                throw new IOException("the release failed in its working database (" + e.getSQLState() + ")", e);
            }
            if (keyTarget != null) {
                OwnerOnlyFiles.folder(keyTarget.getParent());
                // created readable by the owner only, before the key is in it
                Files.createFile(
                        keyTarget, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(
                        keyTarget,
                        HexFormat.of().formatHex(key) + "\n",
                        StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE);
            }
            if (register != null) {
                register.record(new ReleaseRegister.Entry(
                        snapshot.id(),
                        level,
                        treatment(),
                        microdata ? "microdata" : "aggregate tables",
                        at.toString(),
                        target.getFileName().toString()));
            }
            WorkFolders.deleteTree(work);
            OwnerOnlyFiles.restrict(building); // restricted files hold personal data: 0700 folders, 0600 files
            if (Files.exists(target)) {
                Files.delete(target); // empty, checked above
            }
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
            deleteQuietly(work);
            deleteQuietly(building);
        }
    }

    private List<PackagedFile> writeDataset(
            Path root, ReleasedDataset d, LocalDateTime at, Map<String, VariableNotes> notes) throws IOException {
        Path dir = Files.createDirectories(root.resolve(d.form()));
        List<String> described = new ArrayList<>();
        for (FileFormat f : FileFormat.values()) {
            if (f.role() == FileFormat.Role.DATA) {
                described.add(f.fileName(d.spec().name()));
            }
        }
        WriteOptions options = WriteOptions.defaults()
                .withTimestamp(at)
                .withStudy(studyTitle(), packageId())
                .withDescribedFiles(described)
                .withVariableNotes(notes);
        if (level == ReleaseLevel.PUBLIC) {
            options = options.withSuppressBelow(thresholds.k());
        }
        List<PackagedFile> out = new ArrayList<>();
        FileFormat[] formats = FileFormat.values();
        for (int i = 0; i < formats.length; i++) {
            FileFormat f = formats[i];
            progress.progress("write " + d.form() + " " + f.extension(), i, formats.length);
            String name = f.fileName(d.spec().name());
            f.writer(options).write(d.spec(), d.rows(), dir.resolve(name));
            out.add(packaged(root, d.form() + "/" + name, f.description()));
        }
        String xptNames = XptNames.fileName(d.spec().name());
        XptNames.write(d.spec(), dir.resolve(xptNames));
        out.add(packaged(root, d.form() + "/" + xptNames, "8-character names of the SAS transport (.xpt) file"));
        progress.progress("write " + d.form(), formats.length, formats.length);
        return out;
    }

    /** The package's identifier: {@code tfeval-<snapshot>-<level>}. */
    private String packageId() {
        return "tfeval-" + ContentHash.shortId(snapshot.id()) + "-"
                + level.name().toLowerCase(Locale.ROOT);
    }

    /** What the release's disclosure control did to each variable of a dataset, in words. */
    private static Map<String, List<String>> treatments(DisclosureReport report, String form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        report.treatments().stream()
                .filter(t -> t.form().equals(form))
                .forEach(t -> out.computeIfAbsent(t.variable(), x -> new ArrayList<>())
                        .add(t.description()));
        return out;
    }

    /** The study documentation with the released datasets and what disclosure control and processing did. */
    private StudyDocumentation documentation(
            StudyDocumentation doc, List<ReleasedDataset> datasets, DisclosureReport report, ProcessingLog log) {
        List<ReleasedFile> released = new ArrayList<>();
        for (ReleasedDataset d : datasets) {
            List<String> data = new ArrayList<>();
            for (FileFormat f : FileFormat.values()) {
                if (f.role() == FileFormat.Role.DATA) {
                    data.add(d.form() + "/" + f.fileName(d.spec().name()));
                }
            }
            released.add(new ReleasedFile(
                    d.form(),
                    d.spec().name(),
                    d.spec().label(),
                    d.rowCount(),
                    d.spec().size(),
                    data));
        }
        long treated = log.treatments().stream()
                .mapToLong(ProcessingLog.Treatment::records)
                .sum();
        String processing = treated == 0
                ? "The processing checks found no undocumented code and no out-of-range value (" + PROCESSING_LOG + ")."
                : String.format(
                        Locale.ROOT,
                        "%,d undocumented or out-of-range values in %d variables were set to a missing code before"
                                + " disclosure control (%s lists them by variable).",
                        treated,
                        log.treatments().stream()
                                .map(t -> t.form() + "." + t.variable())
                                .distinct()
                                .count(),
                        PROCESSING_LOG);
        String disclosure = String.format(
                Locale.ROOT,
                "%s. Quasi-identifier values suppressed: %.1f%%; cases left out: %d (%s).",
                report.policy(),
                100 * report.loss().suppressedQuasiShare(),
                report.loss().removedCases(),
                DISCLOSURE_HTML);
        return doc.withFiles(released).withProcessing(disclosure, processing);
    }

    private String studyTitle() {
        return snapshot.instrument().title()
                + (level == ReleaseLevel.PUBLIC ? ": public-use files" : ": restricted-use files");
    }

    /** The settings that decide what a release holds, as one canonical text (the register compares it). */
    String treatment() {
        return String.format(
                Locale.ROOT,
                "instrument %s %s; k=%d l=%d band=%d maxSuppressed=%s maxRemoved=%s; quasi=%s; scenario=%s; pins=%s; "
                        + "metric=%s",
                snapshot.instrument().id(),
                snapshot.instrument().version(),
                thresholds.k(),
                thresholds.l(),
                thresholds.bandWidth(),
                thresholds.maxSuppressedValueShare(),
                thresholds.maxRemovedCaseShare(),
                new java.util.TreeSet<>(extraQuasi),
                disclosure.scenario() == null
                        ? snapshot.instrument()
                                .disclosureModel()
                                .scenarioAt(level)
                                .key()
                        : disclosure.scenario().key(),
                new java.util.TreeMap<>(disclosure.pins()),
                disclosure.metric().name().toLowerCase(Locale.ROOT));
    }

    private String readme(
            List<ReleasedDataset> datasets,
            DisclosureReport report,
            List<PackagedFile> files,
            LocalDateTime at,
            StudyDocumentation doc,
            String path) {
        StringBuilder b = new StringBuilder();
        b.append(studyTitle())
                .append("\n")
                .append("=".repeat(studyTitle().length()))
                .append("\n\n");
        if (snapshot.manifest().synthetic()) {
            b.append("SYNTHETIC DATA: generated by tfeval for demonstration and testing; no real person or case.\n\n");
        }
        b.append("Release level: ")
                .append(
                        level == ReleaseLevel.PUBLIC
                                ? String.format(
                                        Locale.ROOT,
                                        "public-use files (k-anonymity with k = %d on the joined case-victim-suspect view, l-diversity with l = %d)",
                                        thresholds.k(),
                                        thresholds.l())
                                : "restricted-use files, for use under a data use agreement")
                .append('\n');
        b.append("Chosen path: ").append(path).append('\n');
        b.append("Snapshot: ")
                .append(snapshot.id())
                .append(" (taken ")
                .append(snapshot.manifest().createdAt())
                .append(")\n");
        b.append("Instrument: ")
                .append(snapshot.instrument().id())
                .append(' ')
                .append(snapshot.instrument().version())
                .append('\n');
        b.append("Created: ").append(at).append(" by tfeval ").append(version).append("\n\n");
        b.append(doc.readmeSection());
        if (!datasets.isEmpty()) {
            b.append("Datasets (one folder each, the same rows in every format):\n");
        }
        for (ReleasedDataset d : datasets) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-12s %,10d rows  %3d variables  %s%n",
                    d.form(),
                    d.rowCount(),
                    d.spec().size(),
                    d.spec().label()));
        }
        b.append(
                        "\nEach folder holds the data as CSV (UTF-8), Stata (.dta), SPSS (.sav), SAS transport (.xpt) and Parquet;\n")
                .append(
                        "setup programs that read the CSV for SPSS (.sps), SAS (.sas), Stata (.do) and R (.R); and codebooks as\n")
                .append("HTML, PDF/A and DDI Codebook 2.5 XML (.xml); and <dataset>_xpt_names.csv, the .xpt file's\n")
                .append("8-character names. How the datasets link: ")
                .append(StudyDocumentation.USER_GUIDE)
                .append(".\n\n");
        b.append(
                        "Identifiers (CASE_ID, VICTIM_ID, SUSPECT_ID; TF_ID in restricted files only: public files carry the task\n"
                                + "force as a generalized profile) are pseudonyms drawn for this release only: they link\n")
                .append(
                        "the datasets of this package and cannot be linked with any other release or with the study's records.\n\n");
        b.append("Reserved missing codes: ")
                .append(String.join(
                        ", ",
                        snapshot.instrument().missingCodes().stream()
                                .map(m -> m.code() + " "
                                        + snapshot.instrument().missingLabel(m).toLowerCase(Locale.ROOT))
                                .toList()))
                .append(".\n")
                .append(
                        "They are user-missing in SPSS, extended missing (.a-.d) in Stata, special missing (.A-.D) in SAS.\n\n");
        b.append(String.format(
                Locale.ROOT,
                "Disclosure control: %s (see %s). Quasi-identifier values suppressed: %.1f%%; cases left out: %d.%n",
                report.policy(),
                DISCLOSURE_HTML,
                100 * report.loss().suppressedQuasiShare(),
                report.loss().removedCases()));
        b.append("Processing notes: ").append(PROCESSING_LOG).append(" lists the checks run on the snapshot data.\n\n");
        b.append("Files (SHA-256):\n");
        for (PackagedFile f : files) {
            b.append("  ").append(f.sha256()).append("  ").append(f.path()).append('\n');
        }
        b.append("\n").append(MANIFEST).append(" lists the same files, this README included, as JSON.\n");
        return b.toString();
    }

    private void writeManifest(
            Path file, Map<String, Long> rows, List<PackagedFile> files, DisclosureReport report, LocalDateTime at)
            throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("snapshot", snapshot.id());
        m.put("level", level.name().toLowerCase(Locale.ROOT));
        m.put("created_at", at.toString());
        m.put("tfeval_version", version);
        m.put("synthetic", snapshot.manifest().synthetic());
        m.putObject("instrument")
                .put("id", snapshot.instrument().id())
                .put("version", snapshot.instrument().version());
        m.set("thresholds", JSON.valueToTree(thresholds));
        m.put("suppressed_quasi_share", report.loss().suppressedQuasiShare());
        m.put("removed_cases", report.loss().removedCases());
        m.put("scenario", report.scenario());
        ObjectNode r = m.putObject("datasets");
        rows.forEach(r::put);
        ArrayNode list = m.putArray("files");
        for (PackagedFile f : files) {
            list.addObject()
                    .put("file", f.path())
                    .put("sha256", f.sha256())
                    .put("bytes", f.bytes())
                    .put("description", f.description());
        }
        m.put("pseudonyms", "keyed HMAC-SHA-256 with a key drawn for this release; the key is not in the package");
        Files.writeString(file, JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }

    private static PackagedFile packaged(Path root, String relative, String description) throws IOException {
        Path p = root.resolve(relative);
        return new PackagedFile(relative, Files.size(p), ContentHash.sha256(p), description);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    /** Best effort, in a finally block: a leftover hidden folder must not hide the failure that left it. */
    private static void deleteQuietly(Path dir) {
        try {
            WorkFolders.deleteTree(dir);
        } catch (UncheckedIOException e) {
            // the hidden folder stays; the original failure is what matters
        }
    }
}

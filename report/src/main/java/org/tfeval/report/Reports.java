package org.tfeval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.analysis.AnalysisSuite;
import org.tfeval.analysis.StudyResults;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.report.brief.PractitionerBrief;
import org.tfeval.report.disclosure.ReportSetAudit;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Edition;
import org.tfeval.report.document.Paper;
import org.tfeval.report.document.PdfWriter;
import org.tfeval.report.document.TableView;
import org.tfeval.report.measures.MeasuresChapter;
import org.tfeval.report.taskforce.TaskForceReport;
import org.tfeval.report.technical.TechnicalReport;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.qual.QualitativeFindings;
import org.tfeval.stats.disclosure.ComplementarySuppression;

/**
 * Writes every report of a study into one folder:
 * <pre>
 * results/                   result JSON of every analysis (restricted: holds every task force's counts)
 * technical-report-restricted.html|pdf  the cross-site report naming task forces (RESTRICTED)
 * technical-report.html|pdf  its public edition: task forces anonymized, their small counts withheld
 * practitioner-brief.html|pdf
 * task-forces/ID/report.html|pdf, tables.json   one per task force, with only what it prints
 * index.html
 * </pre>
 * Immutable; configured by copy.
 */
public final class Reports {
    public static final String RESULTS = "results";
    public static final String TECHNICAL = "technical-report";
    public static final String BRIEF = "practitioner-brief";
    public static final String TASK_FORCES = "task-forces";
    public static final String TASK_FORCE_REPORT = "report";
    public static final String TASK_FORCE_TABLES = "tables.json";
    /** PDFs are laid out on at most this many threads. */
    public static final int MAX_THREADS = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Reports.class.getClassLoader(), "org.tfeval.report");

    private final int threshold;
    private final boolean pdf;
    private final ProgressListener progress;
    private final Paper paper;

    private Reports(int threshold, boolean pdf, ProgressListener progress, Paper paper) {
        ComplementarySuppression.of(threshold);
        this.threshold = threshold;
        this.pdf = pdf;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.paper = Objects.requireNonNull(paper, "paper");
    }

    /** Threshold 11, HTML and PDF. */
    public static Reports standard() {
        return new Reports(ComplementarySuppression.MINIMUM_CELL_SIZE, true, ProgressListener.NONE, Paper.DEFAULT);
    }

    /** Counts of other task forces from 1 to {@code t - 1} are withheld in task-force reports. */
    public Reports withThreshold(int t) {
        return new Reports(t, pdf, progress, paper);
    }

    public Reports withPdf(boolean b) {
        return new Reports(threshold, b, progress, paper);
    }

    public Reports withProgress(ProgressListener p) {
        return new Reports(threshold, pdf, p, paper);
    }

    /** The paper every PDF is laid out on (default US Letter). */
    public Reports withPaper(Paper p) {
        return new Reports(threshold, pdf, progress, p);
    }

    public Paper paper() {
        return paper;
    }

    public int threshold() {
        return threshold;
    }

    /** Starts loading the PDF engine in the background (when PDFs are on), to overlap with earlier work. */
    public Reports warmUp() {
        if (pdf) PdfWriter.warmUp();
        return this;
    }

    /** Runs every analysis on the snapshot, then writes the reports. */
    public ReportSet build(Snapshot snapshot, AnalysisSettings settings, String version, Path out) {
        warmUp();
        StudyResults results = AnalysisSuite.standard()
                .withSettings(settings)
                .withVersion(version)
                .withProgress(progress)
                .run(snapshot);
        return write(
                results,
                snapshot.instrument(),
                out,
                MeasuresChapter.of(snapshot, threshold),
                QualitativeFindings.of(snapshot));
    }

    /** Writes the reports of results already computed (without a performance-measures chapter). */
    public ReportSet write(StudyResults results, Instrument instrument, Path out) {
        return write(results, instrument, out, Optional.empty(), Optional.empty());
    }

    private ReportSet write(
            StudyResults results,
            Instrument instrument,
            Path out,
            Optional<MeasuresChapter> measures,
            Optional<QualitativeFindings> qualitative) {
        try {
            OwnerOnlyFiles.folder(out);
            Path resultsDir = out.resolve(RESULTS);
            results.write(resultsDir);
            Map<String, String> hashes = new LinkedHashMap<>();
            try (var s = Files.list(resultsDir)) {
                s.sorted().forEach(p -> hashes.put(RESULTS + "/" + p.getFileName(), ContentHash.sha256(p)));
            }
            List<String> tfs = TaskForceReport.taskForces(results);
            int steps = 3 + tfs.size();
            AtomicLong done = new AtomicLong();
            progress.progress("reports", 0, steps);
            List<Job> jobs = new ArrayList<>();
            ComplementarySuppression rule = ComplementarySuppression.of(threshold);
            // editions: the restricted report names task forces; the public one (technical-report.html) does not
            for (Edition e : Edition.values()) {
                jobs.add(new Job(
                        out.resolve(e.fileName(TECHNICAL) + ".html"),
                        new TechnicalReport(results, instrument, hashes, e, rule)
                                .withPaper(paper)
                                .withMeasures(measures)
                                .withQualitative(qualitative)
                                .toXhtml()));
            }
            jobs.add(new Job(
                    out.resolve(BRIEF + ".html"),
                    new PractitionerBrief(results).withPaper(paper).toXhtml()));
            Map<String, Path> tfDirs = new LinkedHashMap<>();
            for (String tf : tfs) {
                Path dir = out.resolve(TASK_FORCES).resolve(tf);
                OwnerOnlyFiles.folder(dir);
                TaskForceReport r = new TaskForceReport(results, tf, rule)
                        .withPaper(paper)
                        .withMeasures(measures)
                        .withQualitative(qualitative);
                jobs.add(new Job(dir.resolve(TASK_FORCE_REPORT + ".html"), r.toXhtml()));
                writeTables(r.publishedTables(), results, tf, dir.resolve(TASK_FORCE_TABLES));
                tfDirs.put(tf, dir);
            }
            for (Job j : jobs) Files.writeString(j.html(), j.xhtml(), StandardCharsets.UTF_8);
            audit(results, out, tfDirs);
            run(jobs, done, steps);
            Path index = out.resolve("index.html");
            Files.writeString(index, index(results, tfs), StandardCharsets.UTF_8);
            OwnerOnlyFiles.restrict(out);
            return new ReportSet(
                    out,
                    resultsDir,
                    out.resolve(Edition.RESTRICTED.fileName(TECHNICAL) + ".html"),
                    pdf ? out.resolve(Edition.RESTRICTED.fileName(TECHNICAL) + ".pdf") : null,
                    out.resolve(BRIEF + ".html"),
                    pdf ? out.resolve(BRIEF + ".pdf") : null,
                    tfDirs,
                    index,
                    out.resolve(Edition.PUBLIC.fileName(TECHNICAL) + ".html"),
                    pdf ? out.resolve(Edition.PUBLIC.fileName(TECHNICAL) + ".pdf") : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + out, e);
        }
    }

    private record Job(Path html, String xhtml) {}

    /**
     * The production check of the report set: the attacker test of {@link ReportSetAudit} over the
     * public documents and every task-force report; refuses (before any PDF is laid out) when any
     * withheld count could be worked out, exactly or to within +/-1.
     */
    private void audit(StudyResults results, Path out, Map<String, Path> tfDirs) {
        Map<String, Path> tfReports = new LinkedHashMap<>();
        tfDirs.forEach((tf, dir) -> tfReports.put(tf, dir.resolve(TASK_FORCE_REPORT + ".html")));
        ReportSetAudit.Result r = ReportSetAudit.audit(
                results,
                new ReportSetAudit.Documents(
                        List.of(
                                out.resolve(Edition.PUBLIC.fileName(TECHNICAL) + ".html"),
                                out.resolve(BRIEF + ".html")),
                        tfReports),
                threshold);
        if (!r.clean()) {
            throw Problem.refused(
                    "the report set would let a reader work out "
                            + r.recovered().size() + " withheld counts across its documents ("
                            + ReportSetAudit.summary(r) + ")",
                    "raise the threshold or report an issue: the public edition and the task-force reports must withhold together");
        }
    }

    private void run(List<Job> jobs, AtomicLong done, int steps) throws IOException {
        if (!pdf) {
            progress.progress("reports", steps, steps);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(MAX_THREADS, Math.max(1, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> {
                    String name = j.html().getFileName().toString();
                    PdfWriter.write(
                            j.xhtml(),
                            j.html().resolveSibling(name.substring(0, name.length() - ".html".length()) + ".pdf"));
                    progress.progress("reports", done.incrementAndGet(), steps);
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing PDFs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("PDF layout failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeTables(List<TableView> tables, StudyResults results, String tf, Path file)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("task_force", tf);
        root.put("snapshot", results.snapshot().id());
        root.put("synthetic", results.snapshot().synthetic());
        root.put("suppressed_marker", Cell.SUPPRESSED);
        ArrayNode arr = root.putArray("tables");
        for (TableView v : tables) {
            ObjectNode t = arr.addObject();
            t.put("caption", v.caption());
            v.headers().forEach(t.putArray("headers")::add);
            ArrayNode rows = t.putArray("rows");
            for (var r : v.rows()) {
                ArrayNode row = rows.addArray();
                r.forEach(c -> row.add(c.text()));
            }
        }
        Files.writeString(file, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    }

    /** A link of the index page: a file name without extension, its words, and whether the file is restricted. */
    record Link(String base, String label, boolean restricted) {
        Link(String base, String label) {
            this(base, label, false);
        }
    }

    /** What the template {@code index.jte} prints. */
    record Index(
            String snapshot,
            boolean synthetic,
            boolean pdf,
            List<Link> reports,
            String results,
            List<Link> taskForces,
            int threshold) {}

    private String index(StudyResults results, List<String> tfs) {
        Index index = new Index(
                results.snapshot().shortId(),
                results.snapshot().synthetic(),
                pdf,
                List.of(
                        new Link(
                                Edition.RESTRICTED.fileName(TECHNICAL),
                                "Cross-site technical report, naming task forces",
                                true),
                        new Link(Edition.PUBLIC.fileName(TECHNICAL), "Cross-site technical report, public edition"),
                        new Link(BRIEF, "Practitioner brief")),
                RESULTS + "/" + StudyResults.INDEX,
                tfs.stream()
                        .map(tf -> new Link(TASK_FORCES + "/" + tf + "/" + TASK_FORCE_REPORT, tf, true))
                        .toList(),
                threshold);
        StringOutput out = new StringOutput();
        TEMPLATES.render("index.jte", index, out);
        return out.toString();
    }
}

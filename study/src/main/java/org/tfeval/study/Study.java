package org.tfeval.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.report.ReportSet;
import org.tfeval.report.Reports;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditEvent;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.audit.AuditReplay;
import org.tfeval.store.edit.RecordEditor;
import org.tfeval.store.imports.Exporter;
import org.tfeval.store.imports.Importer;
import org.tfeval.store.query.OpenQueries;
import org.tfeval.store.sample.SampleDraw;
import org.tfeval.store.sample.SampleSize;
import org.tfeval.store.sample.Sampler;
import org.tfeval.store.snapshot.SnapshotTaker;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.store.validate.ReportWriter;
import org.tfeval.store.validate.StudyValidator;
import org.tfeval.study.measures.Measures;
import org.tfeval.study.qual.QualitativeSnapshot;

/**
 * An open study: the one door to its workflow. Adapters (cli, web) open a study and call its use
 * cases; every precondition (validation state, open data-quality queries, empty target folders, the
 * folder layout) is checked here, once, for every adapter. Close it to stop the embedded database.
 *
 * <p>A new use case (for example "withdraw a participant") is a method here, or a service in a
 * feature package of this module, that runs its transaction and audit event in the store and checks
 * its preconditions before it writes anything.
 */
public final class Study implements AutoCloseable {
    /** The validation reports in the study's reports folder. */
    public static final String VALIDATION_HTML = "validation.html";

    public static final String VALIDATION_JSON = "validation.json";

    private final StudyFolder folder;
    private final StudyWorkspace.StudySession session;
    private final Store store;

    private Study(StudyFolder folder, StudyWorkspace.StudySession session) {
        this.folder = folder;
        this.session = session;
        // sealed words: survivors' rendered text and memos under their own keys (issue 16 items 1, 4)
        this.store = session.store().withWords(org.tfeval.study.protect.SealedWords.of(folder.dir(), session.store()));
        try {
            org.tfeval.study.protect.SealedWords.upgrade(store);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Opens the study in a folder: its database (embedded unless {@code dbOverride} or the config names a server). */
    public static Study open(Path dir, String dbOverride) {
        return open(StudyFolder.at(dir), dbOverride);
    }

    /**
     * Opens the study with its audit key from a file the operator names ({@code auditKey}; null:
     * the config's {@code audit_key}, else {@code audit.key} in the study folder).
     */
    public static Study open(Path dir, String dbOverride, Path auditKey) {
        return open(dir, dbOverride, auditKey, null);
    }

    /**
     * As {@link #open(Path, String, Path)}, with an external audit anchor the operator names for this
     * run ({@code auditAnchor}, null: only the configured ones): every event committed is appended to
     * it as well, and {@link #verifyAudit} compares the chain with it.
     */
    public static Study open(Path dir, String dbOverride, Path auditKey, Path auditAnchor) {
        StudyFolder folder = StudyFolder.at(dir);
        return new Study(folder, folder.workspace().open(dbOverride, auditKey, auditAnchor));
    }

    /** Opens an existing study folder's database. */
    public static Study open(StudyFolder folder, String dbOverride) {
        Objects.requireNonNull(folder, "folder");
        return new Study(folder, folder.workspace().open(dbOverride));
    }

    /**
     * Creates a study folder with a copy of a built-in instrument and opens its database. Refuses a
     * folder that already holds a study; when creation fails, what it made is removed again.
     */
    public static Study create(Path dir, String instrument, boolean synthetic, String dbOverride) {
        Path abs = dir.toAbsolutePath().normalize();
        boolean existed = Files.exists(abs);
        StudyWorkspace ws = StudyWorkspace.init(abs, instrument, synthetic);
        try {
            return open(new StudyFolder(ws), dbOverride);
        } catch (RuntimeException e) {
            StudyFiles.removeCreated(abs, existed);
            throw e;
        }
    }

    public StudyFolder folder() {
        return folder;
    }

    public Instrument instrument() {
        return session.store().instrument();
    }

    /** Where the data lives, for people: the embedded folder or the server (no password). */
    public String databaseDisplay() {
        return session.server() != null
                ? "embedded PostgreSQL in " + folder.database()
                : session.store().settings().display();
    }

    /**
     * The store, for the study layer's own feature packages only. Adapters never call this: an
     * architecture test fails the build when cli or web depend on {@code org.tfeval.store}.
     */
    public Store store() {
        return store;
    }

    // ---------------------------------------------------------------- capture

    /**
     * Imports one file into a form: validated, atomic, audited, idempotent. The interview form also
     * goes through the interview-safety rule ({@link org.tfeval.study.protect.InterviewSafety#importCheck}).
     */
    public ImportResult importFile(String form, Path file, String actor, String reason, ProgressListener progress) {
        Importer importer =
                Importer.of(store()).withActor(actor).withReason(reason).withProgress(progress);
        if (org.tfeval.study.protect.InterviewSafety.INTERVIEW_FORM.equals(form)
                && instrument().formNames().contains("participant")) {
            importer = importer.withCheck(org.tfeval.study.protect.InterviewSafety.importCheck(store()));
        }
        return importer.importFile(form, file);
    }

    /**
     * Imports every form's {@code FORM.csv} from a folder in instrument order, stopping at the first
     * file that is refused. Each result goes to {@code each}; returns whether all were stored.
     */
    public boolean importForms(
            Path dir, String actor, String reason, ProgressListener progress, Consumer<ImportResult> each) {
        for (String form : instrument().formNames()) {
            ImportResult r = importFile(form, dir.resolve(form + ".csv"), actor, reason, progress);
            each.accept(r);
            if (!r.stored()) return false;
        }
        return true;
    }

    /** Writes a form's records in the import format; returns how many. */
    public long export(String form, Path out) {
        return exportCsv(form, out).rows();
    }

    /**
     * Writes a form's records in the import format; text cells a spreadsheet would run as formulas
     * (starting with = + - @ TAB CR) are prefixed with a single quote, which import removes again.
     */
    public Exported exportCsv(String form, Path out) {
        Exporter.Written w = new Exporter(store()).write(form, out);
        return new Exported(w.rows(), w.neutralised());
    }

    /** What an export wrote: rows, and text cells prefixed with a quote against formula injection. */
    public record Exported(long rows, long neutralised) {}

    /** Sets variables of one record (import format), audited; returns the rule violations the record now has. */
    public List<Violation> edit(
            String form, List<String> key, Map<String, String> changes, String reason, String actor) {
        return new RecordEditor(store(), actor).set(form, key, changes, reason);
    }

    /**
     * Moves one record under another parent record (a case to another task force, a victim to
     * another case): the deliberate, audited step that replaces what an import or edit refuses.
     * Its link and the values it and its child records inherit change in one audit event with
     * {@code reason}; returns how many records changed. Privileged: {@code by} is a proven operator
     * ({@link #operator}) whose key must be this study's audit key, and the reason has at least
     * {@value org.tfeval.study.operator.Operator#MINIMUM_REASON_LENGTH} characters; the audit event
     * names the proven operating-system user.
     */
    public int moveRecord(
            String form, List<String> key, String toParent, String reason, org.tfeval.study.operator.Operator by) {
        Objects.requireNonNull(by, "by");
        String why = org.tfeval.study.operator.Operator.requireReason(reason);
        boolean verified;
        try (Connection c = store().connect()) {
            verified = store().seal() != null
                    && by.holdsKeyOf(store().seal()::mac)
                    && AuditLog.verify(c).isEmpty();
        } catch (SQLException e) {
            throw Problem.internal("the database refused to read the audit log (" + e.getSQLState() + ")", e);
        }
        if (!verified) {
            throw Problem.refused(
                    "the audit key you hold does not verify this study's audit log, so the move is refused",
                    "give the study's audit key with --audit-key FILE; run 'tfeval audit verify' first");
        }
        return new RecordEditor(store(), by.actor()).move(form, key, toParent, why);
    }

    /**
     * Proves the operator of a privileged step on the study in {@code dir}, before its database opens ({@link org.tfeval.study.operator.Operator}):
     * the folder's owner holding the audit key ({@code auditKey}: the file named with {@code --audit-key},
     * null: the study's default). {@code claimed}: a {@code --user} name, recorded as a claim only.
     */
    public static org.tfeval.study.operator.Operator operator(Path dir, Path auditKey, String claimed) {
        StudyFolder folder = StudyFolder.at(dir);
        return org.tfeval.study.operator.Operator.prove(
                folder.dir(), folder.workspace().auditKeyFile(auditKey), claimed);
    }

    /** Deletes one record, audited. */
    public void delete(String form, List<String> key, String reason, String actor) {
        new RecordEditor(store(), actor).delete(form, key, reason);
    }

    // ---------------------------------------------------------------- sampling

    /**
     * How to draw a case sample: cases per site (a number, or a range scaled by the site's frame
     * size such as {@code 20-40}), the seed, ordered replacements per site, and the frame's columns.
     */
    public record SampleDesign(String perSite, long seed, int replacements, String siteColumn, String caseColumn) {
        public SampleDesign {
            Objects.requireNonNull(perSite, "perSite");
            Objects.requireNonNull(siteColumn, "siteColumn");
            Objects.requireNonNull(caseColumn, "caseColumn");
        }

        /** The design with the instrument's default frame columns (TF_ID, CASE_REF). */
        public static SampleDesign of(String perSite, long seed, int replacements) {
            return new SampleDesign(perSite, seed, replacements, "TF_ID", "CASE_REF");
        }

        Sampler sampler() {
            return Sampler.of(SampleSize.parse(perSite), seed)
                    .withReplacements(replacements)
                    .withColumns(siteColumn, caseColumn);
        }
    }

    /**
     * Draws a case sample from a frame, records it (audited) and writes the drawn cases to {@code out}
     * (default: the study's samples folder).
     */
    public Sampled sample(SampleDesign design, Path frame, String actor, String version, Path out) {
        SampleDraw draw = Sampler.record(store(), design.sampler().draw(frame), actor, version);
        Path file = out != null ? out : folder.sampleDraw(draw.id());
        writeDraw(draw, file);
        Map<String, Long> perSite = new TreeMap<>();
        draw.cases().stream().filter(c -> !c.replacement()).forEach(c -> perSite.merge(c.tfId(), 1L, Long::sum));
        return new Sampled(
                draw.id(),
                draw.sampled(),
                perSite,
                draw.sizeRule(),
                draw.seed(),
                draw.frameName(),
                draw.frameSha256(),
                file);
    }

    /** A recorded draw: its ID, the sampled cases in all and per site (replacements not counted), the design and where its cases were written. */
    public record Sampled(
            long id,
            long sampled,
            Map<String, Long> perSite,
            String sizeRule,
            long seed,
            String frameName,
            String frameSha256,
            Path file) {
        public Sampled {
            perSite = Map.copyOf(perSite);
        }
    }

    /**
     * Cases on each task force's list of recorded draw {@code drawId} (TF_ID to frame size), counted from the case
     * list it was drawn from (checked by its SHA-256): what {@code AnalysisSettings.withFrames} takes for the design
     * weights.
     */
    public Map<String, Long> sampleFrames(long drawId, Path frame) {
        return Sampler.frameSizes(store(), drawId, frame);
    }

    /** Re-derives a recorded draw from its frame; the differences (empty when it reproduces). */
    public List<String> verifySample(long drawId, Path frame) {
        return Sampler.verify(store(), drawId, frame);
    }

    private static void writeDraw(SampleDraw draw, Path file) {
        try {
            OwnerOnlyFiles.emptyFile(file);
            try (CSVPrinter p = new CSVPrinter(
                    Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                p.printRecord("DRAW_ID", "TF_ID", "CASE_REF", "DRAW_ORDER", "ROLE");
                for (SampleDraw.Drawn d : draw.cases()) {
                    p.printRecord(
                            draw.id(), d.tfId(), d.caseRef(), d.order(), d.replacement() ? "replacement" : "sample");
                }
            }
        } catch (IOException e) {
            throw new Problem.Usage("cannot write " + file + " (" + e.getMessage() + ")", null, e);
        }
    }

    // ---------------------------------------------------------------- validation and snapshots

    /** Validates every stored record and writes the HTML and JSON reports into {@code dir} (default: the study's reports folder). */
    public Validation validate(Path dir, ProgressListener progress) {
        ValidationReport report =
                StudyValidator.of(store()).withProgress(progress).validate();
        Path d = dir != null ? dir : folder.reports();
        Path json = d.resolve(VALIDATION_JSON);
        Path html = d.resolve(VALIDATION_HTML);
        ReportWriter.writeJson(report, json);
        ReportWriter.writeHtml(report, html);
        return new Validation(report, html, json);
    }

    /** A validation and where its reports are. */
    public record Validation(ValidationReport report, Path html, Path json) {
        public boolean passed() {
            return report.passed();
        }
    }

    /** How to freeze a snapshot. */
    public record Freeze(String actor, boolean allowErrors, String version) {
        public Freeze {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * Validates the study and freezes it into a snapshot. Refused while data-quality queries are open
     * or answered, and while validation errors remain unless {@link Freeze#allowErrors} (recorded in
     * the manifest). The validation reports are written either way.
     */
    public Frozen freeze(Freeze request, ProgressListener progress) {
        long open = OpenQueries.count(store());
        if (open > 0) {
            throw Problem.refused(
                    "snapshot refused: " + open + " data-quality " + (open == 1 ? "query is" : "queries are")
                            + " open or answered",
                    "close them in the web application (tfeval serve) first");
        }
        Validation validation = validate(null, progress);
        // performance measures (issue 14): frozen with the forms when the study has any
        Snapshot sn = Measures.of(this)
                .freezing(SnapshotTaker.of(store()))
                .withActor(request.actor())
                .withAllowErrors(request.allowErrors() && !validation.passed())
                .withSynthetic(folder.synthetic())
                .withVersion(request.version())
                .withProgress(progress)
                // qualitative findings: theme counts, quote candidates, reliability (study.qual.QualitativeSnapshot)
                .take(folder.snapshots(), validation.report(), QualitativeSnapshot.attachments(this));
        return new Frozen(sn, validation);
    }

    /** A snapshot and the validation it was taken after. */
    public record Frozen(Snapshot snapshot, Validation validation) {}

    // ---------------------------------------------------------------- reports and releases

    /** Runs every analysis on a snapshot and writes every report (see {@link StudyFolder#buildReports}). */
    public ReportSet reports(Snapshot snapshot, Reports reports, AnalysisSettings settings, String version, Path out) {
        return folder.buildReports(snapshot, reports, settings, version, out);
    }

    // ---------------------------------------------------------------- audit

    /**
     * Verifies the audit log: re-derives every hash and MAC, compares the chain with its anchors
     * outside the database (rewriting, re-hashing and truncation), and replays the recorded changes
     * against the study data tables (direct SQL edits, reported by record and variable, never by
     * value). A study whose log was never keyed (made before the audit key existed) and is intact
     * is keyed here: an {@code audit_keyed} event MACs the chain's head and is anchored, so the
     * earlier, plain-hashed events are sealed from then on.
     */
    public AuditCheck verifyAudit() {
        try (Connection c = store().connect()) {
            List<String> problems = new java.util.ArrayList<>(AuditLog.verify(c));
            problems.addAll(AuditReplay.compare(c, instrument()));
            long events = AuditLog.events(c, 0, Long.MAX_VALUE).size();
            if (problems.isEmpty()
                    && events > 0
                    && store().seal() != null
                    && store().seal().anchored().isEmpty()) {
                c.setAutoCommit(false);
                AuditLog.record(
                        c,
                        new org.tfeval.store.audit.AuditEntry(
                                System.getProperty("user.name", "unknown"),
                                "audit_keyed",
                                null,
                                "the audit log was verified intact and keyed: later events carry a MAC under a key kept outside the database",
                                "{\"events\":" + events + "}"));
                c.commit();
                events++;
            }
            return new AuditCheck(events, problems);
        } catch (SQLException e) {
            throw Problem.internal("the database refused to read the audit log (" + e.getSQLState() + ")", e);
        }
    }

    /** The audit log's size and what failed to re-derive (empty when intact). */
    public record AuditCheck(long events, List<String> problems) {
        public AuditCheck {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /** The last {@code n} audit events, oldest first. */
    public List<AuditEntry> auditEvents(int n) {
        try (Connection c = store().connect()) {
            List<AuditEvent> events = AuditLog.events(c, 0, Long.MAX_VALUE);
            return events.subList(Math.max(0, events.size() - n), events.size()).stream()
                    .map(e -> new AuditEntry(e.seq(), e.at(), e.actor(), e.action(), e.form(), e.changes(), e.reason()))
                    .toList();
        } catch (SQLException e) {
            throw Problem.internal("the database refused to read the audit log (" + e.getSQLState() + ")", e);
        }
    }

    /** One audit event as the log lists it: who did what to which form, with how many record changes and why. */
    public record AuditEntry(
            long seq, java.time.Instant at, String actor, String action, String form, long changes, String reason) {}

    @Override
    public void close() {
        session.close();
    }
}

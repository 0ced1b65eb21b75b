package org.tfeval.study.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.instrument.workflow.WorkFolders;
import org.tfeval.release.format.FileFormat;
import org.tfeval.release.pipeline.PackagedFile;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.release.pipeline.ReleaseResult;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.store.Store;
import org.tfeval.store.access.AccessLedger;
import org.tfeval.store.access.StoredApplication;
import org.tfeval.store.access.StoredDestruction;
import org.tfeval.store.access.StoredRenewal;
import org.tfeval.store.access.StoredReport;
import org.tfeval.store.access.StoredTransfer;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.study.Study;
import org.tfeval.study.StudyFolder;

/**
 * Restricted-use access on an open study: the steward records applications, decides them, issues
 * restricted packages under approved, unexpired accesses, renews them, records annual reports and the
 * destruction certificate that closes an access; anyone holding the study can trace a leaked copy
 * back to its issue. Every change is one transaction with its audit event (particulars: numbers,
 * IDs and hashes; names and texts stay in the access tables). Immutable; configure by copy.
 */
public final class RestrictedAccess {
    /** Months an approved access lasts unless the steward says otherwise. */
    public static final int DEFAULT_TERM_MONTHS = 24;
    /** Longest term (and renewal) a steward may grant at once. */
    public static final int MAX_TERM_MONTHS = 60;
    /** Months between annual reports. */
    public static final int REPORT_INTERVAL_MONTHS = 12;
    /** Days before an access (or an IRB approval) ends that {@code list --due} starts to show it. */
    public static final int EXPIRY_NOTICE_DAYS = 60;
    /** Days before an annual report is due that {@code list --due} starts to show it. */
    public static final int REPORT_NOTICE_DAYS = 30;
    /** Longest reason for a decision or renewal. */
    public static final int MAX_REASON = 2_000;
    /** Where issued packages go in the study folder unless another folder is named. */
    public static final String ISSUES_FOLDER = "access-issues";

    /** Random bytes of an issue ID. */
    static final int ISSUE_ID_BYTES = 6;
    /** SQL states of a transaction that lost a race with another. */
    private static final Set<String> CONCURRENT_CHANGE = Set.of("23505", "40001", "40P01");
    /** SQL state of a refusal raised by the tables' triggers. */
    private static final String RAISED = "P0001";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Study study;
    private final Store store;
    private final Clock clock;
    private final String version;

    private RestrictedAccess(Study study, Clock clock, String version) {
        this.study = study;
        this.store = study.store();
        this.clock = clock;
        this.version = version;
    }

    public static RestrictedAccess of(Study study) {
        return new RestrictedAccess(Objects.requireNonNull(study, "study"), Clock.systemUTC(), "dev");
    }

    /** The same service on another clock (what "today" is: expiry, reports due). */
    public RestrictedAccess withClock(Clock value) {
        return new RestrictedAccess(study, Objects.requireNonNull(value, "clock"), version);
    }

    /** The tfeval version recorded in the manifests of issued packages. */
    public RestrictedAccess withVersion(String value) {
        return new RestrictedAccess(study, clock, Objects.requireNonNull(value, "version"));
    }

    /** The study's snapshots a package can be issued from, newest first (their IDs). */
    public List<String> snapshots() {
        List<String> out = new ArrayList<>();
        for (Snapshot sn : study.folder().listSnapshots()) out.add(0, sn.id());
        return out;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- applications and decisions

    /** Records an application; returns its number. */
    public long apply(Application a, String actor) {
        Objects.requireNonNull(a, "application");
        if (a.agreementSigned().isAfter(today()))
            throw Problem.usage("the agreement's signing day " + a.agreementSigned() + " is in the future");
        return tx(c -> {
            long id = AccessLedger.insert(
                    c,
                    new StoredApplication(
                            0,
                            a.applicant(),
                            a.email(),
                            a.institution(),
                            a.purpose(),
                            a.irbKind().id(),
                            a.irbReference(),
                            a.irbDate(),
                            a.irbExpires(),
                            a.securityPlan(),
                            a.agreement().name(),
                            a.agreement().sha256(),
                            a.agreementSigned(),
                            "submitted",
                            actor,
                            clock.instant(),
                            null,
                            null,
                            null,
                            null,
                            null));
            audit(
                    c,
                    actor,
                    "access_apply",
                    null,
                    detail(id).put("agreement_sha256", a.agreement().sha256()));
            return id;
        });
    }

    /**
     * The steward's decision. An approval grants access from today for {@code termMonths} (the last day
     * of access is the day before the same date {@code termMonths} later); it is refused while the
     * IRB approval has lapsed. A denial is final. The reason is required either way.
     */
    public AccessRecord decide(long id, Decision decision, String reason, int termMonths, String actor) {
        Objects.requireNonNull(decision, "decision");
        String why = reason("decision", reason);
        checkTerm(termMonths);
        return tx(c -> {
            StoredApplication a = locked(c, id);
            if (!a.status().equals("submitted"))
                throw Problem.refused(
                        "application " + id + " was already decided (" + state(a).label() + ")",
                        "a decision is final; record a new application to decide again");
            LocalDate today = today();
            LocalDate granted = null;
            LocalDate expires = null;
            if (decision == Decision.APPROVE) {
                checkIrb(a, today, "approved");
                granted = today;
                expires = today.plusMonths(termMonths).minusDays(1);
            }
            AccessLedger.decide(c, id, decision.status(), actor, clock.instant(), why, granted, expires);
            ObjectNode d = detail(id).put("decision", decision.id());
            if (expires != null) d.put("expires_on", expires.toString());
            audit(c, actor, "access_decide", why, d);
            return record(c, AccessLedger.find(c, id).orElseThrow());
        });
    }

    /** Extends an approved access (active, or expired but not closed) by {@code months} from its end, or from today when it has ended. */
    public AccessRecord renew(long id, int months, String reason, String actor) {
        String why = reason("renewal", reason);
        checkTerm(months);
        return tx(c -> {
            StoredApplication a = locked(c, id);
            AccessState s = state(a);
            if (!s.holdsData())
                throw Problem.refused(
                        "application " + id + " is " + s.label() + "; only an approved access can be renewed", null);
            LocalDate today = today();
            checkIrb(a, today, "renewed");
            LocalDate from = a.expiresOn().isBefore(today) ? today.minusDays(1) : a.expiresOn();
            LocalDate to = from.plusDays(1).plusMonths(months).minusDays(1);
            int seq = AccessLedger.renewals(c, id).size() + 1;
            AccessLedger.renew(c, id, new StoredRenewal(seq, actor, clock.instant(), a.expiresOn(), to, why));
            audit(
                    c,
                    actor,
                    "access_renew",
                    why,
                    detail(id).put("previous_expiry", a.expiresOn().toString()).put("new_expiry", to.toString()));
            return record(c, AccessLedger.find(c, id).orElseThrow());
        });
    }

    /** Records the annual report due next (the earliest year not yet reported). */
    public AccessRecord report(long id, Document file, LocalDate receivedOn, String actor) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(receivedOn, "receivedOn");
        if (receivedOn.isAfter(today()))
            throw Problem.usage("the report's receipt day " + receivedOn + " is in the future");
        return tx(c -> {
            StoredApplication a = locked(c, id);
            AccessState s = state(a);
            if (!s.holdsData())
                throw Problem.refused(
                        "application " + id + " is " + s.label() + "; annual reports belong to an approved access",
                        null);
            List<StoredReport> reports = AccessLedger.reports(c, id);
            LocalDate due = nextReportDue(a, reports.size());
            if (due == null)
                throw Problem.refused(
                        "no annual report is due within the access's term (it ends on " + a.expiresOn() + ")",
                        "at the end of the term record the destruction certificate, or renew the access");
            int year = reports.size() + 1;
            AccessLedger.addReport(
                    c, id, new StoredReport(year, due, receivedOn, file.name(), file.sha256(), actor, clock.instant()));
            audit(
                    c,
                    actor,
                    "access_report",
                    null,
                    detail(id).put("year", year).put("due_on", due.toString()).put("file_sha256", file.sha256()));
            return record(c, AccessLedger.find(c, id).orElseThrow());
        });
    }

    /** Records the destruction certificate: the access is closed, nothing more is issued under it. */
    public AccessRecord destroy(
            long id, Document certificate, LocalDate destroyedOn, String certifiedBy, String actor) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(destroyedOn, "destroyedOn");
        String who = reason("certifier", certifiedBy);
        if (destroyedOn.isAfter(today()))
            throw Problem.usage("the destruction day " + destroyedOn + " is in the future");
        return tx(c -> {
            StoredApplication a = locked(c, id);
            AccessState s = state(a);
            if (!s.holdsData())
                throw Problem.refused(
                        "application " + id + " is " + s.label()
                                + "; a destruction certificate closes an approved access",
                        null);
            if (destroyedOn.isBefore(a.grantedOn()))
                throw Problem.usage("the destruction day " + destroyedOn + " is before the access began");
            AccessLedger.close(
                    c,
                    id,
                    new StoredDestruction(
                            destroyedOn, who, certificate.name(), certificate.sha256(), actor, clock.instant()));
            audit(
                    c,
                    actor,
                    "access_destroy",
                    null,
                    detail(id)
                            .put("destroyed_on", destroyedOn.toString())
                            .put("certificate_sha256", certificate.sha256()));
            return record(c, AccessLedger.find(c, id).orElseThrow());
        });
    }

    // ---------------------------------------------------------------- issuing

    /**
     * Issues a restricted package of a snapshot under an access: refused unless the access is
     * active (approved, within its term, not closed), its IRB approval has not lapsed and no annual
     * report is overdue. The release is built through {@link StudyFolder#buildRelease} with a
     * pseudonymisation key drawn for this issue alone; its identifier pseudonyms and file digests
     * are recorded as the issue's marks, a signed {@value IssueManifest#FILE} naming the recipient and
     * the issue is added, and the transfer is appended to the log, audited.
     *
     * @param snapshot the snapshot's ID, unique prefix or folder
     * @param out      the package folder (new or empty), or null for {@code access-issues/ISSUE} in the study folder
     */
    public Issued issue(long id, String snapshot, Path out, String actor, ProgressListener progress) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (store.seal() == null)
            throw Problem.refused(
                    "this study has no audit key, so an issue manifest could not be signed",
                    "open the study with its audit key");
        StoredApplication before = tx(c -> {
            StoredApplication a = AccessLedger.find(c, id).orElseThrow(() -> notFound(id));
            checkIssuable(c, a);
            return a;
        });
        StudyFolder folder = study.folder();
        Snapshot sn = folder.snapshot(snapshot);
        String issueId = newIssueId();
        Path dir = out != null ? out : folder.dir().resolve(ISSUES_FOLDER).resolve(issueId);
        ReleaseResult release = folder.buildRelease(
                ReleaseBuilder.of(sn)
                        .withLevel(ReleaseLevel.RESTRICTED)
                        .withVersion(version)
                        .withProgress(progress),
                dir);
        try {
            Path root = release.dir();
            Set<String> pseudonyms = PackageMarks.pseudonyms(root, idColumns(sn.instrument()));
            if (pseudonyms.size() < Trace.MIN_PSEUDONYM_MATCHES)
                throw Problem.internal(
                        "the restricted release carries too few identifier pseudonyms to mark it for its recipient",
                        null);
            Instant at = clock.instant();
            String manifestSha = ContentHash.sha256(root.resolve(ReleaseBuilder.MANIFEST));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(IssueManifest.ISSUE_ID, issueId);
            fields.put("application_id", Long.toString(id));
            fields.put("recipient", before.applicant());
            fields.put("institution", before.institution());
            fields.put("issued_at", at.truncatedTo(ChronoUnit.SECONDS).toString());
            fields.put("issued_by", actor);
            fields.put("snapshot", sn.id());
            fields.put("release_level", "restricted");
            fields.put("release_manifest_sha256", manifestSha);
            fields.put("access_expires_on", before.expiresOn().toString());
            fields.put(
                    "terms",
                    "Issued under a data use agreement to the recipient named here only. Do not copy or pass on;"
                            + " keep as the data security plan says; destroy all copies by the access's last day and"
                            + " return the destruction certificate. Each issued package is marked for its recipient.");
            IssueManifest manifest = new IssueManifest(fields);
            Path manifestFile = root.resolve(IssueManifest.FILE);
            manifest.write(manifestFile, store.seal()::mac);
            // the files that differ from one issue to the next: data files that themselves hold this issue's
            // pseudonyms, and the manifests (they list the files' digests). Setups, codebooks, name lists, the
            // README (two issues under one clock can be byte-identical) and the files of an empty dataset are
            // alike in every issue of a snapshot and mark nothing
            Set<String> fileDigests = new TreeSet<>();
            for (PackagedFile f : release.files()) {
                if (dataFile(f.path()) && PackageMarks.carriesAny(root.resolve(f.path()), pseudonyms)) {
                    fileDigests.add(f.sha256());
                }
            }
            fileDigests.add(manifestSha);
            fileDigests.add(ContentHash.sha256(manifestFile));
            Set<String> pseudonymDigests =
                    pseudonyms.stream().map(PackageMarks::digest).collect(Collectors.toCollection(TreeSet::new));
            Map<String, Collection<String>> marks = new LinkedHashMap<>();
            marks.put(PackageMarks.FILE, fileDigests);
            marks.put(PackageMarks.PSEUDONYM_KIND, pseudonymDigests);
            int markCount = fileDigests.size() + pseudonymDigests.size();
            StoredTransfer t = tx(c -> {
                StoredApplication a = locked(c, id);
                checkIssuable(c, a);
                StoredTransfer st = new StoredTransfer(
                        issueId,
                        id,
                        a.applicant(),
                        a.institution(),
                        at,
                        actor,
                        sn.id(),
                        "restricted",
                        manifestSha,
                        release.files().size() + 2,
                        markCount,
                        a.expiresOn());
                AccessLedger.addTransfer(c, st, marks);
                audit(
                        c,
                        actor,
                        "access_issue",
                        null,
                        detail(id)
                                .put("issue", issueId)
                                .put("snapshot", sn.id())
                                .put("release_manifest_sha256", manifestSha)
                                .put("files", st.files())
                                .put("marks", markCount));
                return st;
            });
            return new Issued(transfer(t), root, manifestFile, pseudonyms.size());
        } catch (RuntimeException e) {
            // a package that is not in the transfer log must not exist
            try {
                WorkFolders.deleteTree(release.dir());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Identifies which issue a leaked file or folder came from (audited: who traced what). */
    public Trace trace(Path fileOrFolder, String actor) {
        PackageMarks.Scan scan = PackageMarks.scan(fileOrFolder);
        return tx(c -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            List<String> all = new ArrayList<>(scan.pseudonymDigests());
            all.addAll(scan.fileDigests());
            AccessLedger.matches(c, all)
                    .forEach((issue, byKind) -> counts.put(issue, new long[] {
                        byKind.getOrDefault(PackageMarks.PSEUDONYM_KIND, 0L), byKind.getOrDefault(PackageMarks.FILE, 0L)
                    }));
            List<Trace.Candidate> candidates = new ArrayList<>();
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                StoredTransfer t = AccessLedger.transfer(c, e.getKey()).orElseThrow();
                candidates.add(new Trace.Candidate(
                        t.issueId(),
                        t.applicationId(),
                        t.recipient(),
                        t.institution(),
                        t.issuedAt(),
                        t.snapshotId(),
                        e.getValue()[0],
                        e.getValue()[1]));
            }
            candidates.sort(Comparator.comparingLong(Trace.Candidate::pseudonymMatches)
                    .thenComparingLong(Trace.Candidate::fileMatches)
                    .reversed()
                    .thenComparing(Trace.Candidate::issueId));
            List<Trace.ManifestCheck> manifests = new ArrayList<>();
            for (Path m : scan.manifests()) {
                IssueManifest.Read r = store.seal() == null ? null : IssueManifest.read(m, store.seal()::mac);
                if (r == null) continue;
                manifests.add(new Trace.ManifestCheck(
                        m.toString(),
                        r.manifest().issueId(),
                        r.manifest().fields().get("recipient"),
                        r.verified(),
                        AccessLedger.transfer(c, r.manifest().issueId()).isPresent()));
            }
            Trace trace = new Trace(scan.files(), scan.pseudonymDigests().size(), candidates, manifests);
            ObjectNode d = JSON.createObjectNode()
                    .put("files", scan.files())
                    .put(
                            "identified",
                            trace.identified().map(Trace.Candidate::issueId).orElse(null));
            audit(c, actor, "access_trace", null, d);
            return trace;
        });
    }

    // ---------------------------------------------------------------- reading

    /** Every application, newest first; with {@code dueOnly}, only those with something due or overdue today. */
    public List<AccessRecord> list(boolean dueOnly) {
        return tx(c -> {
            List<AccessRecord> out = new ArrayList<>();
            for (StoredApplication a : AccessLedger.list(c)) {
                AccessRecord r = record(c, a);
                if (!dueOnly || r.hasDue()) out.add(r);
            }
            return out;
        });
    }

    /** Everything recorded about one access. */
    public AccessFile file(long id) {
        return tx(c -> {
            StoredApplication a = AccessLedger.find(c, id).orElseThrow(() -> notFound(id));
            List<AccessFile.Renewal> renewals = AccessLedger.renewals(c, id).stream()
                    .map(r -> new AccessFile.Renewal(
                            r.seq(), r.renewedBy(), r.renewedAt(), r.previousExpiry(), r.newExpiry(), r.reason()))
                    .toList();
            List<AccessFile.AnnualReport> reports = AccessLedger.reports(c, id).stream()
                    .map(r -> new AccessFile.AnnualReport(
                            r.year(),
                            r.dueOn(),
                            r.receivedOn(),
                            new Document(r.fileRef(), r.fileSha256()),
                            r.recordedBy(),
                            r.recordedAt()))
                    .toList();
            AccessFile.Destruction destruction = AccessLedger.destruction(c, id)
                    .map(d -> new AccessFile.Destruction(
                            d.destroyedOn(),
                            d.certifiedBy(),
                            new Document(d.certificateFile(), d.certificateSha256()),
                            d.recordedBy(),
                            d.recordedAt()))
                    .orElse(null);
            List<AccessFile.Transfer> transfers = AccessLedger.transfers(c, id).stream()
                    .map(RestrictedAccess::transfer)
                    .toList();
            return new AccessFile(record(c, a), renewals, reports, destruction, transfers);
        });
    }

    /** The whole transfer log, newest first. */
    public List<AccessFile.Transfer> transfers() {
        return tx(c -> AccessLedger.transfers(c, null).stream()
                .map(RestrictedAccess::transfer)
                .toList());
    }

    // ---------------------------------------------------------------- rules

    private void checkIssuable(Connection c, StoredApplication a) throws SQLException {
        AccessState s = state(a);
        LocalDate today = today();
        switch (s) {
            case SUBMITTED:
                throw Problem.refused(
                        "application " + a.id() + " is not decided yet; nothing is issued before approval", null);
            case DENIED:
                throw Problem.refused("application " + a.id() + " was denied; nothing is issued under it", null);
            case CLOSED:
                throw Problem.refused(
                        "access " + a.id() + " is closed (its destruction certificate is recorded); nothing more is"
                                + " issued under it",
                        "record a new application");
            case EXPIRED:
                throw Problem.refused(
                        "access " + a.id() + " ended on " + a.expiresOn(),
                        "renew it (tfeval access renew) or record the destruction certificate");
            default:
                break;
        }
        checkIrb(a, today, "issued to");
        LocalDate due = nextReportDue(a, AccessLedger.reports(c, a.id()).size());
        if (due != null && due.isBefore(today))
            throw Problem.refused(
                    "access " + a.id() + " has an annual report overdue since " + due,
                    "record it (tfeval access report) before anything more is issued");
    }

    private static void checkIrb(StoredApplication a, LocalDate today, String what) {
        if (a.irbExpires() != null && a.irbExpires().isBefore(today))
            throw Problem.refused(
                    "the IRB approval of application " + a.id() + " ended on " + a.irbExpires() + "; it cannot be "
                            + what,
                    "record a new application with the renewed IRB approval");
    }

    private static void checkTerm(int months) {
        if (months < 1 || months > MAX_TERM_MONTHS)
            throw Problem.usage("a term must be 1 to " + MAX_TERM_MONTHS + " months, not " + months);
    }

    private static String reason(String what, String text) {
        if (text == null || text.isBlank()) throw Problem.usage("the " + what + " needs a reason or name");
        String t = text.strip();
        if (t.length() > MAX_REASON)
            throw Problem.usage("the " + what + "'s text is longer than " + MAX_REASON + " characters");
        return t;
    }

    /** The day the next annual report is due, or null when none falls within the access's term. */
    static LocalDate nextReportDue(StoredApplication a, int reported) {
        if (a.grantedOn() == null || !a.status().equals("approved")) return null;
        LocalDate due = a.grantedOn().plusMonths((long) REPORT_INTERVAL_MONTHS * (reported + 1));
        return due.isAfter(a.expiresOn()) ? null : due;
    }

    private AccessState state(StoredApplication a) {
        return AccessState.of(a.status(), a.expiresOn(), today());
    }

    private AccessRecord record(Connection c, StoredApplication a) throws SQLException {
        LocalDate today = today();
        AccessState s = state(a);
        List<StoredReport> reports = AccessLedger.reports(c, a.id());
        LocalDate nextDue = s.holdsData() ? nextReportDue(a, reports.size()) : null;
        List<String> due = new ArrayList<>();
        switch (s) {
            case SUBMITTED:
                due.add("waiting for the steward's decision since "
                        + a.submittedAt().atZone(clock.getZone()).toLocalDate());
                break;
            case ACTIVE:
                long left = ChronoUnit.DAYS.between(today, a.expiresOn());
                if (left <= EXPIRY_NOTICE_DAYS)
                    due.add(String.format(
                            Locale.ROOT,
                            "access ends on %s (in %d days): renew it or plan the destruction certificate",
                            a.expiresOn(),
                            left));
                if (a.irbExpires() != null
                        && a.irbExpires().isBefore(a.expiresOn())
                        && ChronoUnit.DAYS.between(today, a.irbExpires()) <= EXPIRY_NOTICE_DAYS)
                    due.add("IRB approval ends on " + a.irbExpires());
                break;
            case EXPIRED:
                due.add("access ended on " + a.expiresOn() + ": the destruction certificate (or a renewal) is due");
                break;
            default:
                break;
        }
        if (nextDue != null) {
            int year = reports.size() + 1;
            if (nextDue.isBefore(today)) due.add("annual report for year " + year + " overdue since " + nextDue);
            else if (ChronoUnit.DAYS.between(today, nextDue) <= REPORT_NOTICE_DAYS)
                due.add("annual report for year " + year + " due on " + nextDue);
        }
        return new AccessRecord(
                a.id(),
                a.applicant(),
                a.email(),
                a.institution(),
                a.purpose(),
                IrbKind.of(a.irbKind()),
                a.irbReference(),
                a.irbDate(),
                a.irbExpires(),
                a.securityPlan(),
                new Document(a.agreementFile(), a.agreementSha256()),
                a.agreementSigned(),
                s,
                a.submittedBy(),
                a.submittedAt(),
                a.decidedBy(),
                a.decidedAt(),
                a.decisionReason(),
                a.grantedOn(),
                a.expiresOn(),
                nextDue,
                due);
    }

    private static AccessFile.Transfer transfer(StoredTransfer t) {
        return new AccessFile.Transfer(
                t.issueId(),
                t.applicationId(),
                t.recipient(),
                t.institution(),
                t.issuedAt(),
                t.issuedBy(),
                t.snapshotId(),
                t.releaseLevel(),
                t.manifestSha256(),
                t.files(),
                t.marks(),
                t.expiresOn());
    }

    /** Whether a package file is a data file (CSV, Stata, SPSS, SAS transport, Parquet). */
    static boolean dataFile(String path) {
        for (FileFormat f : FileFormat.values()) {
            if (f.role() == FileFormat.Role.DATA && path.endsWith("." + f.extension())) return true;
        }
        return false;
    }

    /** The identifier variables of an instrument, by name (upper case), as the release names its columns. */
    static Set<String> idColumns(Instrument instrument) {
        Set<String> out = new TreeSet<>();
        instrument
                .forms()
                .forEach(f -> f.variables().stream()
                        .filter(v -> v.type() == VariableType.ID)
                        .forEach(v -> out.add(v.name().toUpperCase(Locale.ROOT))));
        return out;
    }

    /** A new issue ID: the year and 48 random bits ({@code ISS-2026-3F9A0C11B2D4}), unguessable and unique in practice (the log's key refuses a repeat). */
    private String newIssueId() {
        byte[] b = new byte[ISSUE_ID_BYTES];
        RANDOM.nextBytes(b);
        return "ISS-" + today().getYear() + "-" + HexFormat.of().withUpperCase().formatHex(b);
    }

    private static StoredApplication locked(Connection c, long id) throws SQLException {
        return AccessLedger.lock(c, id).orElseThrow(() -> notFound(id));
    }

    private static Problem notFound(long id) {
        return Problem.usage("no access application " + id, "list them with: tfeval access list");
    }

    private static ObjectNode detail(long id) {
        return JSON.createObjectNode().put("application", id);
    }

    private static void audit(Connection c, String actor, String action, String reason, ObjectNode detail)
            throws SQLException {
        AuditLog.record(c, new AuditEntry(actor, action, null, reason, detail.toString()));
    }

    /** Runs work in one transaction; the database's refusals become problems here, once. */
    private <T> T tx(Store.Work<T, RuntimeException> work) {
        try {
            return store.tx(work);
        } catch (SQLException e) {
            if (CONCURRENT_CHANGE.contains(e.getSQLState()))
                throw new Problem.Refused(
                        "someone else changed this access at the same moment, so this change was not made",
                        "look at it again and repeat the change if it is still needed",
                        e);
            if (RAISED.equals(e.getSQLState()))
                throw new Problem.Refused("the access records refuse the change (they are append-only)", null, e);
            throw Problem.internal("the database refused the request (SQL state " + e.getSQLState() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new Problem.Usage(e.getMessage(), null, e);
        } catch (IllegalStateException e) {
            throw new Problem.Refused(e.getMessage(), null, e);
        }
    }
}

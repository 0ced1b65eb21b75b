package org.tfeval.study.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.study.Study;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/**
 * Restricted-use access on a real study database: the lifecycle of an access, the refusals, the
 * append-only transfer log, and the fingerprint attacked the way a leaker would (manifest stripped,
 * columns reordered, one CSV taken, a forged manifest) without tracing a package to the wrong person.
 */
@ExtendWith(PostgresExtension.class)
class RestrictedAccessTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    static String url(ConnectionSettings db) {
        return db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
    }

    private Study study(ConnectionSettings db) {
        Study s = Study.create(dir.resolve("s"), "ecm", true, url(db));
        Path data = s.folder().syntheticFiles();
        StudyGenerator.defaults()
                .withCases(24)
                .withSites(3)
                .withErrors(false)
                .generate(s.instrument(), data, org.tfeval.synth.ProgressListener.none());
        assertThat(s.importForms(data, "test", "test data", ProgressListener.NONE, r -> {}))
                .isTrue();
        return s;
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    private Application application(String who, String institution) throws IOException {
        Path agreement = dir.resolve("agreement-" + who + ".pdf");
        Files.writeString(agreement, "signed agreement of " + who);
        return new Application(
                who,
                who.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org",
                institution,
                "Secondary analysis of case outcomes",
                IrbKind.APPROVAL,
                "IRB-2026-" + who.length(),
                LocalDate.of(2026, 1, 10),
                LocalDate.of(2029, 1, 9),
                "Encrypted laptop, no network share; only the applicant opens the files",
                Document.of(agreement),
                LocalDate.of(2026, 2, 1));
    }

    @Test
    void
            an_issued_package_is_traced_to_its_recipient_after_the_manifest_is_stripped_columns_reordered_and_one_csv_taken(
                    ConnectionSettings db) throws Exception {
        try (Study s = study(db)) {
            Snapshot sn = s.freeze(new Study.Freeze("test", false, "t"), ProgressListener.NONE)
                    .snapshot();
            RestrictedAccess access = RestrictedAccess.of(s).withClock(at(NOW));
            long a = access.apply(application("Ada Analyst", "University A"), "steward");
            long b = access.apply(application("Bo Researcher", "Institute B"), "steward");
            access.decide(a, Decision.APPROVE, "complete application", RestrictedAccess.DEFAULT_TERM_MONTHS, "steward");
            access.decide(b, Decision.APPROVE, "complete application", RestrictedAccess.DEFAULT_TERM_MONTHS, "steward");
            Issued toA = access.issue(a, sn.id(), dir.resolve("pkg-a"), "steward", ProgressListener.NONE);
            Issued toB = access.issue(b, sn.id(), dir.resolve("pkg-b"), "steward", ProgressListener.NONE);
            assertThat(toA.pseudonyms()).isGreaterThan(24);
            assertThat(toA.manifest()).isRegularFile();
            // an unrecorded restricted release of the same snapshot: the same data, no issue
            Path unrecorded = dir.resolve("pkg-unrecorded");
            s.folder().buildRelease(ReleaseBuilder.of(sn).withLevel(ReleaseLevel.RESTRICTED), unrecorded);

            Trace whole = access.trace(toA.dir(), "steward");
            assertThat(whole.identified())
                    .map(Trace.Candidate::issueId)
                    .contains(toA.transfer().issueId());
            assertThat(whole.manifests()).singleElement().satisfies(m -> {
                assertThat(m.verified()).isTrue();
                assertThat(m.logged()).isTrue();
                assertThat(m.recipient()).isEqualTo("Ada Analyst");
            });

            // the attack: strip the manifests and README, reorder the columns and rows of one CSV, take it alone
            Path leak = Files.createDirectories(dir.resolve("leak"));
            Path victims = leak.resolve("victims.csv");
            shuffleColumnsAndRows(firstCsv(toA.dir(), "victim"), victims);
            Trace one = access.trace(victims, "steward");
            assertThat(one.manifests()).isEmpty();
            assertThat(one.identified())
                    .as("one reordered CSV without any manifest still names its recipient")
                    .hasValueSatisfying(c -> {
                        assertThat(c.issueId()).isEqualTo(toA.transfer().issueId());
                        assertThat(c.recipient()).isEqualTo("Ada Analyst");
                        assertThat(c.fileMatches()).isZero();
                        assertThat(c.pseudonymMatches()).isGreaterThanOrEqualTo(Trace.MIN_PSEUDONYM_MATCHES);
                    });
            assertThat(one.candidates())
                    .extracting(Trace.Candidate::issueId)
                    .doesNotContain(toB.transfer().issueId());

            // B's files are never traced to A, whichever file is taken
            // (a dataset without rows holds nothing to trace, and nothing that could be traced wrongly)
            for (Path f : dataFiles(toB.dir())) {
                Trace t = access.trace(f, "steward");
                if (rows(f) > 0) {
                    assertThat(t.identified())
                            .as(toB.dir().relativize(f).toString())
                            .map(Trace.Candidate::issueId)
                            .contains(toB.transfer().issueId());
                }
                assertThat(t.candidates())
                        .extracting(Trace.Candidate::issueId)
                        .doesNotContain(toA.transfer().issueId());
            }

            // a binary file with its pseudonyms in it is traced by them, not only by its digest
            Path dta = firstFile(toA.dir(), ".dta");
            Path edited = leak.resolve("edited.dta");
            byte[] bytes = Files.readAllBytes(dta);
            bytes[bytes.length - 1] ^= 1; // no longer byte-identical
            Files.write(edited, bytes);
            assertThat(access.trace(edited, "steward").identified()).hasValueSatisfying(c -> {
                assertThat(c.issueId()).isEqualTo(toA.transfer().issueId());
                assertThat(c.fileMatches()).isZero();
            });

            // a forged manifest naming A placed in B's package does not verify, and the marks still name B
            Path forged = toB.dir().resolve(IssueManifest.FILE);
            Files.writeString(
                    forged, Files.readString(forged).replace("Bo Researcher", "Ada Analyst"), StandardCharsets.UTF_8);
            Trace t = access.trace(toB.dir(), "steward");
            assertThat(t.manifests())
                    .singleElement()
                    .satisfies(m -> assertThat(m.verified()).isFalse());
            assertThat(t.identified())
                    .map(Trace.Candidate::issueId)
                    .contains(toB.transfer().issueId());

            // a restricted release that was never issued is traced to nobody
            assertThat(access.trace(unrecorded, "steward").candidates()).isEmpty();
            assertThat(access.trace(firstCsv(unrecorded, "victim"), "steward").identified())
                    .isEmpty();

            // the transfer log names both issues, and every step is audited
            assertThat(access.transfers())
                    .extracting(AccessFile.Transfer::recipient)
                    .containsExactlyInAnyOrder("Ada Analyst", "Bo Researcher");
            assertThat(s.auditEvents(100))
                    .extracting(Study.AuditEntry::action)
                    .contains("access_apply", "access_decide", "access_issue", "access_trace");
        }
    }

    @Test
    void nothing_is_issued_for_a_submitted_denied_expired_overdue_or_destroyed_access(ConnectionSettings db)
            throws Exception {
        try (Study s = study(db)) {
            String sn = s.freeze(new Study.Freeze("test", false, "t"), ProgressListener.NONE)
                    .snapshot()
                    .id();
            RestrictedAccess access = RestrictedAccess.of(s).withClock(at(NOW));
            long submitted = access.apply(application("Sam Submitted", "U"), "steward");
            assertThatThrownBy(() -> issue(access, submitted, sn))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("not decided");

            long denied = access.apply(application("Dee Denied", "U"), "steward");
            access.decide(denied, Decision.DENY, "no security plan worth the name", 24, "steward");
            assertThatThrownBy(() -> issue(access, denied, sn))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("denied");
            assertThatThrownBy(() -> access.decide(denied, Decision.APPROVE, "second thoughts", 24, "steward"))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("already decided");

            long approved = access.apply(application("Ed Expired", "U"), "steward");
            AccessRecord r = access.decide(approved, Decision.APPROVE, "ok", 24, "steward");
            assertThat(r.state()).isEqualTo(AccessState.ACTIVE);
            assertThat(r.grantedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(r.expiresOn()).isEqualTo(LocalDate.of(2028, 3, 1));
            assertThat(r.nextReportDue()).isEqualTo(LocalDate.of(2027, 3, 2));

            // 13 months on: the first annual report is overdue, so nothing is issued
            RestrictedAccess later = access.withClock(at(Instant.parse("2027-04-02T10:00:00Z")));
            assertThat(later.list(true))
                    .filteredOn(x -> x.id() == approved)
                    .singleElement()
                    .satisfies(x -> assertThat(x.due()).anyMatch(d -> d.contains("overdue since 2027-03-02")));
            assertThatThrownBy(() -> issue(later, approved, sn))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("annual report overdue");
            Path report = Files.writeString(dir.resolve("report-1.pdf"), "year 1");
            later.report(approved, Document.of(report), LocalDate.of(2027, 4, 1), "steward");
            assertThat(later.file(approved).reports())
                    .singleElement()
                    .satisfies(x -> assertThat(x.dueOn()).isEqualTo(LocalDate.of(2027, 3, 2)));

            // 25 months on: the term is over
            RestrictedAccess expired = access.withClock(at(Instant.parse("2028-04-02T10:00:00Z")));
            assertThat(expired.file(approved).access().state()).isEqualTo(AccessState.EXPIRED);
            assertThatThrownBy(() -> issue(expired, approved, sn))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("ended on 2028-03-01");
            assertThat(expired.list(true))
                    .filteredOn(x -> x.id() == approved)
                    .singleElement()
                    .satisfies(x -> assertThat(x.due()).anyMatch(d -> d.contains("destruction certificate")));

            // renewed: active again for 24 months from today
            AccessRecord renewed = expired.renew(approved, 24, "project extended", "steward");
            assertThat(renewed.state()).isEqualTo(AccessState.ACTIVE);
            assertThat(renewed.expiresOn()).isEqualTo(LocalDate.of(2030, 4, 1));

            // destroyed: closed for good
            Path cert = Files.writeString(dir.resolve("certificate.pdf"), "destroyed");
            AccessRecord closed =
                    expired.destroy(approved, Document.of(cert), LocalDate.of(2028, 4, 1), "Ed Expired", "steward");
            assertThat(closed.state()).isEqualTo(AccessState.CLOSED);
            assertThatThrownBy(() -> issue(expired, approved, sn))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> expired.renew(approved, 12, "again", "steward"))
                    .isInstanceOf(Problem.Refused.class);
            assertThat(access.transfers()).isEmpty();
            assertThat(s.folder().dir().resolve(RestrictedAccess.ISSUES_FOLDER)).doesNotExist();
        }
    }

    @Test
    void the_transfer_log_and_a_closed_application_refuse_update_and_delete(ConnectionSettings db) throws Exception {
        try (Study s = study(db)) {
            String sn = s.freeze(new Study.Freeze("test", false, "t"), ProgressListener.NONE)
                    .snapshot()
                    .id();
            RestrictedAccess access = RestrictedAccess.of(s).withClock(at(NOW));
            long id = access.apply(application("Lee Logged", "U"), "steward");
            access.decide(id, Decision.APPROVE, "ok", 24, "steward");
            Issued issued = issue(access, id, sn);
            try (Connection c = s.store().connect();
                    Statement st = c.createStatement()) {
                for (String attack : List.of(
                        "UPDATE access_transfer SET recipient = 'Someone Else'",
                        "DELETE FROM access_transfer",
                        "DELETE FROM access_mark",
                        "UPDATE access_mark SET issue_id = 'ISS-0'",
                        "TRUNCATE access_mark")) {
                    assertThatThrownBy(() -> st.execute(attack))
                            .as(attack)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                }
            }
            Path cert = Files.writeString(dir.resolve("certificate.pdf"), "destroyed");
            access.destroy(id, Document.of(cert), LocalDate.of(2026, 3, 2), "Lee Logged", "steward");
            try (Connection c = s.store().connect();
                    Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("UPDATE access_application SET status = 'approved'"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("closed access application cannot be changed");
            }
            assertThat(access.transfers())
                    .singleElement()
                    .satisfies(t -> assertThat(t.recipient()).isEqualTo("Lee Logged"));
            assertThat(access.trace(issued.dir(), "steward").identified()).isPresent();
        }
    }

    @Test
    void an_application_that_is_incomplete_is_refused_with_the_rule_it_breaks() throws IOException {
        Application ok = application("Val Valid", "U");
        assertThatThrownBy(() -> new Application(
                        ok.applicant(),
                        "not-an-address",
                        ok.institution(),
                        ok.purpose(),
                        ok.irbKind(),
                        ok.irbReference(),
                        ok.irbDate(),
                        ok.irbExpires(),
                        ok.securityPlan(),
                        ok.agreement(),
                        ok.agreementSigned()))
                .hasMessageContaining("email");
        assertThatThrownBy(() -> new Application(
                        ok.applicant(),
                        ok.email(),
                        ok.institution(),
                        ok.purpose(),
                        IrbKind.APPROVAL,
                        ok.irbReference(),
                        ok.irbDate(),
                        null,
                        ok.securityPlan(),
                        ok.agreement(),
                        ok.agreementSigned()))
                .hasMessageContaining("end date");
        assertThatThrownBy(() -> new Application(
                        ok.applicant(),
                        ok.email(),
                        ok.institution(),
                        ok.purpose(),
                        ok.irbKind(),
                        ok.irbReference(),
                        ok.irbDate(),
                        ok.irbExpires(),
                        " ",
                        ok.agreement(),
                        ok.agreementSigned()))
                .hasMessageContaining("data security plan");
    }

    private Issued issue(RestrictedAccess access, long id, String snapshot) {
        return access.issue(id, snapshot, null, "steward", ProgressListener.NONE);
    }

    private static Path firstCsv(Path pkg, String form) throws IOException {
        try (Stream<Path> s = Files.walk(pkg.resolve(form))) {
            return s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
    }

    private static Path firstFile(Path pkg, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(pkg)) {
            return s.filter(p -> p.toString().endsWith(suffix))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static List<Path> dataFiles(Path pkg) throws IOException {
        try (Stream<Path> s = Files.walk(pkg)) {
            // data files only: the .xpt name lists (*_xpt_names.csv) are alike in every issue
            return s.filter(p -> (p.toString().endsWith(".csv") && !p.toString().endsWith("_xpt_names.csv"))
                            || p.toString().endsWith(".dta")
                            || p.toString().endsWith(".xpt"))
                    .sorted()
                    .toList();
        }
    }

    /** The data rows of the CSV file of a data file's dataset. */
    private static long rows(Path dataFile) throws IOException {
        // the dataset's own CSV (its folder also holds the .xpt name list)
        Path csv = dataFile.getParent().resolve(dataFile.getParent().getFileName() + ".csv");
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }

    /** Writes the CSV with its columns reversed and its rows shuffled. */
    private static void shuffleColumnsAndRows(Path in, Path out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> header;
        try (Reader r = Files.newBufferedReader(in);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            header = new ArrayList<>(p.getHeaderNames());
            for (CSVRecord rec : p) {
                List<String> row = new ArrayList<>(rec.toList());
                Collections.reverse(row);
                rows.add(row);
            }
        }
        Collections.reverse(header);
        Collections.shuffle(rows, new java.util.Random(7));
        try (CSVPrinter pr = new CSVPrinter(Files.newBufferedWriter(out), CSVFormat.RFC4180)) {
            pr.printRecord(header);
            for (List<String> row : rows) pr.printRecord(row);
        }
    }
}

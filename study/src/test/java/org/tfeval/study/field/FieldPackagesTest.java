package org.tfeval.study.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.AccountTable;
import org.tfeval.study.accounts.Accounts;
import org.tfeval.study.accounts.LockoutPolicy;
import org.tfeval.study.accounts.PasswordHasher;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.coding.Coding;
import org.tfeval.study.coding.DoubleCoding;
import org.tfeval.study.sampling.Sampling;
import org.tfeval.study.transaction.Transactions;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 15: two laptops code one site offline, their packages are checked in (twice), the
 * overlapping edit is resolved by a coordinator, and the study holds exactly the expected values
 * with its audit chain intact; packages with a wrong passphrase, expired, revoked, of another
 * study or changed are refused.
 */
class FieldPackagesTest {
    static final String PASSWORD = "correct horse battery staple";
    static final Passphrase PASS = Passphrase.field("laptop passphrase 2026");
    /** Saves the killed laptop acknowledges before it is killed. */
    static final int KILL_AFTER_SAVES = 5;
    /** How long a killed laptop's PostgreSQL may keep running: the watchdog polls twice a second. */
    static final Duration ORPHAN_BOUND = Duration.ofSeconds(20);

    /** Victim records in the big package (beyond its few case records). */
    static final int BIG_PACKAGE_RECORDS = 40;

    static final PasswordHasher CHEAP = PasswordHasher.defaults().withCost(64, 1);

    @TempDir
    Path dir;

    private Study office;
    private Transactions tx;
    private Field field;
    private Coding coding;
    private Account admin;
    private Account coderA;
    private long draw;
    private String baseCase;
    private String site;
    private String other;
    private long baseRoot;

    @BeforeEach
    void anOfficeStudyWithOneSiteSampledAndOneCaseStarted() throws Exception {
        office = Study.create(dir.resolve("office"), "ecm", false, url(PostgresExtension.freshDatabase()));
        Path data = dir.resolve("synthetic");
        org.tfeval.synth.StudyGenerator.defaults()
                .withCases(4)
                .withSites(2)
                .withErrors(false)
                .generate(office.instrument(), data, org.tfeval.synth.ProgressListener.none());
        assertThat(office.importFile(
                                "task_force",
                                data.resolve("task_force.csv"),
                                "test",
                                "task forces",
                                org.tfeval.instrument.workflow.ProgressListener.NONE)
                        .stored())
                .isTrue();
        List<String> sites = Files.readAllLines(data.resolve("task_force.csv")).stream()
                .skip(1)
                .map(l -> l.substring(0, l.indexOf(',')))
                .toList();
        site = sites.get(0);
        other = sites.get(1);
        tx = Transactions.open(office, 4);
        Accounts accounts = new Accounts(tx, CHEAP, new LockoutPolicy(5, Duration.ofMinutes(5)));
        admin = accounts.create("test", "admin", Role.ADMINISTRATOR, Set.of(), PASSWORD);
        coderA = accounts.create("test", "coder-a", Role.CODER, Set.of(site), PASSWORD);
        accounts.create("test", "coder-b", Role.CODER, Set.of(site), PASSWORD);
        Path frame = dir.resolve("frame.csv");
        Files.writeString(
                frame,
                "TF_ID,CASE_REF\n" + site + ",R1\n" + site + ",R2\n" + site + ",R3\n" + other + ",R9\n",
                StandardCharsets.UTF_8);
        Sampling.Outcome o = new Sampling(tx, "test").draw(admin, frame, "3", "7", "0");
        assertThat(o.drawn()).as(o.problems().toString()).isTrue();
        draw = o.drawId();
        coding = new Coding(tx);
        baseCase = coding.start(coderA, site, Long.toString(draw), "R1");
        baseRoot = coding.open(coderA, baseCase, 1).sheet().root().id();
        coding.save(coderA, baseRoot, Map.of("N_AGENCIES", "2", "NARRATIVE", "office"), null);
        field = new Field(tx);
    }

    @AfterEach
    void close() {
        if (tx != null) tx.close();
        if (office != null) office.close();
    }

    @Test
    void two_laptops_merge_field_by_field_and_an_overlap_is_resolved_by_a_coordinator() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        Path b = dir.resolve("b.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        field.checkout("coord", site, "coder-b", null, b, PASS);
        assertThat(Files.readString(a, StandardCharsets.ISO_8859_1)).doesNotContain("office");

        // laptop A: changes N_AGENCIES, starts a sampled case and adds a victim to it
        String started;
        try (Laptop l = new Laptop(a, "coder-a")) {
            l.coding.save(l.user, baseRoot, Map.of("N_AGENCIES", "3"), null);
            assertThat(l.session.sync()).isPositive();
            started = l.coding.start(l.user, site, Long.toString(draw), "R2");
            long root = l.coding.open(l.user, started, 1).sheet().root().id();
            l.coding.save(l.user, root, Map.of("NARRATIVE", "started on laptop A"), null);
            l.coding.add(l.user, root, "victim");
            l.session.sync();
        }
        // laptop B: the same field differently, and another field
        try (Laptop l = new Laptop(b, "coder-b")) {
            l.coding.save(l.user, baseRoot, Map.of("N_AGENCIES", "5", "EVID_PHONE", "1"), null);
            l.session.sync();
        }
        // the office meanwhile changes a third field
        coding.save(coderA, baseRoot, Map.of("EVID_WITNESS", "0"), null);

        Field.Checkin ia = field.checkin("coord", a, PASS);
        assertThat(ia.conflicts()).isZero();
        assertThat(ia.activity()).as("the activity log is uploaded").isPositive();
        List<String> afterA = codingRows();
        Field.Checkin again = field.checkin("coord", a, PASS);
        assertThat(again.newEvents()).isZero();
        assertThat(codingRows()).as("checking in twice changes nothing").isEqualTo(afterA);

        Field.Checkin ib = field.checkin("coord", b, PASS);
        assertThat(ib.conflicts()).isEqualTo(1);
        List<Field.Conflict> queue = field.conflicts(true);
        assertThat(queue).hasSize(1);
        Field.Conflict k = queue.get(0);
        assertThat(List.of(k.variable(), k.baseValue(), k.fieldValue(), k.officeValue()))
                .containsExactly("N_AGENCIES", "2", "5", "3");
        assertThat(cell(baseCase, "N_AGENCIES")).as("never last-writer-wins").isEqualTo("3");

        field.resolve("coord", k.id(), Choice.FIELD);
        Field.Conflict done = field.conflicts(false).get(0);
        assertThat(done.open()).isFalse();
        assertThat(done.resolvedFromConflict()).isTrue();
        assertThat(done.losingValue()).isEqualTo("3");
        assertThatThrownBy(() -> field.resolve("coord", k.id(), Choice.OFFICE)).isInstanceOf(Problem.Refused.class);

        assertThat(cell(baseCase, "N_AGENCIES")).isEqualTo("5");
        assertThat(cell(baseCase, "EVID_PHONE")).isEqualTo("1");
        assertThat(cell(baseCase, "EVID_WITNESS")).isEqualTo("0");
        assertThat(cell(baseCase, "NARRATIVE")).isEqualTo("office");
        String r2 = caseOf("R2");
        assertThat(cell(r2, "NARRATIVE")).isEqualTo("started on laptop A");
        assertThat(count("SELECT count(*) FROM coding_record WHERE case_id = '" + r2 + "' AND form = 'victim'"))
                .isEqualTo(1);
        assertThat(office.verifyAudit().problems()).isEmpty();
    }

    @Test
    void a_removal_on_the_laptop_is_reviewed_not_applied() throws Exception {
        long victim = coding.add(coderA, baseRoot, "victim").id();
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        try (Laptop l = new Laptop(a, "coder-a")) {
            l.coding.remove(l.user, victim);
            l.session.sync();
        }
        field.checkin("coord", a, PASS);
        assertThat(count("SELECT count(*) FROM coding_record WHERE id = " + victim))
                .isEqualTo(1);
        Field.Conflict k = field.conflicts(true).get(0);
        assertThat(k.kind()).isEqualTo("deletion");
        field.resolve("coord", k.id(), Choice.FIELD);
        assertThat(count("SELECT count(*) FROM coding_record WHERE id = " + victim))
                .isZero();
    }

    @Test
    void a_second_coders_package_has_no_first_pass_values() throws Exception {
        coding.complete(coderA, baseCase, 1);
        try (Connection c = office.store().connect()) {
            org.tfeval.store.coding.CaseFiles.assignSecond(
                    c, org.tfeval.store.coding.CaseForms.of(office.instrument()), baseCase, "coder-b", "coord");
        }
        Path b = dir.resolve("b.tfpkg");
        field.checkout("coord", site, "coder-b", null, b, PASS);
        try (Laptop l = new Laptop(b, "coder-b")) {
            assertThat(l.count("SELECT count(*) FROM coding_record WHERE pass = 1 AND case_id = '" + baseCase + "'"))
                    .isZero();
            assertThat(l.count("SELECT count(*) FROM coding_record WHERE pass = 2"))
                    .isEqualTo(1);
            assertThat(l.count("SELECT count(*) FROM coding_record WHERE cells::text LIKE '%office%'"))
                    .isZero();
        }
    }

    @Test
    void a_package_with_a_wrong_passphrase_is_refused() {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        Passphrase wrong = Passphrase.field("not the laptop passphrase");
        assertThatThrownBy(() -> FieldSession.open(a, wrong, null, Clock.systemUTC()))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> field.checkin("coord", a, wrong)).isInstanceOf(Problem.Refused.class);
    }

    @Test
    void an_expired_package_is_refused_on_the_laptop() {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", Duration.ofDays(1), a, PASS);
        Clock later = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.ofDays(2));
        assertThatThrownBy(() -> FieldSession.open(a, PASS, null, later))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("expired");
    }

    @Test
    void an_expiry_moved_in_the_header_is_refused() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", Duration.ofDays(1), a, PASS);
        byte[] bytes = Files.readAllBytes(a);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"expires\":\"") + "\"expires\":\"".length();
        bytes[at + 3] = (byte) (bytes[at + 3] == '9' ? '8' : bytes[at + 3] + 1); // a later year
        Files.write(a, bytes);
        assertThatThrownBy(() -> FieldSession.open(a, PASS, null, Clock.systemUTC()))
                .isInstanceOf(Problem.Refused.class);
    }

    @Test
    void a_revoked_device_is_refused_at_check_in() {
        Path a = dir.resolve("a.tfpkg");
        Field.Checkout co = field.checkout("coord", site, "coder-a", null, a, PASS);
        assertThat(field.revoke("coord", co.deviceId(), "laptop lost")).isTrue();
        assertThatThrownBy(() -> field.checkin("coord", a, PASS))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("revoked");
        assertThat(field.devices().get(0).revoked()).isTrue();
    }

    @Test
    void a_package_of_another_study_is_refused() {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        try (Study other = Study.create(dir.resolve("other"), "ecm", false, url(PostgresExtension.freshDatabase()));
                Transactions otx = Transactions.open(other, 2)) {
            assertThatThrownBy(() -> new Field(otx).checkin("coord", a, PASS))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("another study");
        }
    }

    @Test
    void a_changed_package_is_refused() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        try (Laptop l = new Laptop(a, "coder-a")) {
            l.coding.save(l.user, baseRoot, Map.of("N_AGENCIES", "3"), null);
            l.session.sync();
        }
        byte[] bytes = Files.readAllBytes(a);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(a, bytes);
        assertThatThrownBy(() -> field.checkin("coord", a, PASS)).isInstanceOf(Problem.Refused.class);
        assertThatThrownBy(() -> FieldSession.open(a, PASS, null, Clock.systemUTC()))
                .isInstanceOf(Problem.Refused.class);
    }

    @Test
    void a_save_cut_off_mid_write_is_dropped_and_every_earlier_save_is_kept() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        try (Laptop l = new Laptop(a, "coder-a")) {
            l.coding.save(l.user, baseRoot, Map.of("N_AGENCIES", "7"), null);
            l.session.sync();
        }
        long intact = Files.size(a);
        try (var out = Files.newOutputStream(a, java.nio.file.StandardOpenOption.APPEND)) {
            out.write(new byte[] {0, 0, 1, 0, 9, 9, 9}); // a frame header promising 256 bytes, then power loss
        }
        try (Laptop l = new Laptop(a, "coder-a")) {
            assertThat(l.session.droppedBytes()).isEqualTo(7);
            assertThat(l.count("SELECT count(*) FROM coding_record WHERE cells->>'N_AGENCIES' = '7'"))
                    .isEqualTo(1);
        }
        assertThat(Files.size(a)).isGreaterThan(intact);
        field.checkin("coord", a, PASS);
        assertThat(cell(baseCase, "N_AGENCIES")).isEqualTo("7");
    }

    @Test
    void a_laptop_killed_mid_case_loses_nothing_it_acknowledged() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LaptopProcess.class.getName(),
                a.toString(),
                url(PostgresExtension.freshDatabase()),
                "coder-a",
                Long.toString(baseRoot));
        pb.environment().put(Passphrase.Purpose.FIELD_PACKAGE.environment(), PASS.value());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        int acknowledged = 0;
        try (var in =
                new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < KILL_AFTER_SAVES && (line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) acknowledged = Integer.parseInt(line.substring(4));
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-save
            p.waitFor();
        }
        assertThat(acknowledged).isEqualTo(KILL_AFTER_SAVES);
        try (Laptop l = new Laptop(a, "coder-a")) {
            String kept = l.tx.tx(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT cells->>'NARRATIVE' FROM coding_record WHERE id = ?")) {
                    ps.setLong(1, baseRoot);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            assertThat(Integer.parseInt(kept.substring("save ".length())))
                    .as("the last acknowledged save, or a later one")
                    .isGreaterThanOrEqualTo(acknowledged);
        }
    }

    @Test
    void a_save_on_the_laptop_reads_only_the_rows_it_changed_whatever_the_size_of_the_package() throws Exception {
        String second = coding.start(coderA, site, Long.toString(draw), "R2");
        long secondRoot = coding.open(coderA, second, 1).sheet().root().id();
        List<Long> victims = new ArrayList<>();
        for (int i = 0; i < BIG_PACKAGE_RECORDS; i++)
            victims.add(coding.add(coderA, secondRoot, "victim").id());
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        try (Laptop l = new Laptop(a, "coder-a")) {
            assertThat(l.count("SELECT count(*) FROM coding_record")).isGreaterThan(BIG_PACKAGE_RECORDS);

            l.coding.save(l.user, baseRoot, Map.of("NARRATIVE", "keyed on the laptop"), null);
            assertThat(l.session.sync()).isPositive();
            assertThat(l.session.lastRowsRead())
                    .as("one field saved: its record")
                    .isEqualTo(1);

            l.coding.save(l.user, victims.get(3), Map.of("V_AGE", "31"), null);
            l.coding.remove(l.user, victims.get(7));
            l.session.sync();
            assertThat(l.session.lastRowsRead())
                    .as("a record saved and one removed: the saved one read, the removed one has no row")
                    .isEqualTo(1);

            String third = l.coding.start(l.user, site, Long.toString(draw), "R3");
            long victim = l.coding
                    .add(l.user, l.coding.open(l.user, third, 1).sheet().root().id(), "victim")
                    .id();
            l.coding.save(l.user, victim, Map.of("V_AGE", "40"), null);
            l.session.sync();
            assertThat(l.session.lastRowsRead())
                    .as("a case started and a victim added: the case, its pass, its two records")
                    .isEqualTo(4);
            assertThat(l.session.sync()).as("nothing changed since").isZero();
            assertThat(l.session.lastRowsRead()).isZero();

            // what the package holds, replayed as an open does, is what the laptop's database holds
            FieldPackage.Opened opened = FieldPackage.open(a, PASS, Instant.now(), false);
            LaptopState replayed = LaptopState.of(PackageBody.parse(opened.body()));
            for (byte[] b : opened.batches()) FieldEvent.read(b).forEach(replayed::apply);
            List<FieldEvent> missing = l.tx.tx(c -> replayed.diff(LaptopState.read(c), "test", Instant.now()));
            assertThat(missing).as("changes in the database the package lacks").isEmpty();
        }
        field.checkin("coord", a, PASS);
        assertThat(cell(baseCase, "NARRATIVE")).isEqualTo("keyed on the laptop");
    }

    @Test
    void a_package_open_on_the_laptop_cannot_be_opened_by_a_second_writer() {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        try (Laptop l = new Laptop(a, "coder-a")) {
            assertThatThrownBy(
                            () -> FieldSession.open(a, PASS, url(PostgresExtension.freshDatabase()), Clock.systemUTC()))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("open in another");
            assertThat(l.session.batches()).isPositive();
        }
    }

    @Test
    void a_package_past_its_lease_is_refused_on_the_laptop_until_it_is_renewed_online() {
        Path a = dir.resolve("a.tfpkg");
        Field.Checkout co = field.checkout("coord", site, "coder-a", Duration.ofDays(14), Lease.DEFAULT, a, PASS);
        assertThat(co.leaseUntil()).isBefore(co.expiresAt());
        Clock fourDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(4));
        assertThatThrownBy(() -> FieldSession.open(a, PASS, url(PostgresExtension.freshDatabase()), fourDaysOn))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("lease");

        Field.Renewal r = field.withClock(fourDaysOn).renew("coord", a, PASS, Lease.DEFAULT);
        assertThat(r.leaseUntil()).isAfter(fourDaysOn.instant().plus(Duration.ofHours(71)));
        assertThat(FieldPackage.header(a).leaseUntil()).isEqualTo(r.leaseUntil());
        assertThat(field.devices().get(0).leaseUntil()).isEqualTo(r.leaseUntil());
        try (Laptop l = new Laptop(a, "coder-a", fourDaysOn)) {
            assertThat(l.session.leaseUntil()).isEqualTo(r.leaseUntil());
        }
    }

    @Test
    void a_lease_moved_in_the_header_is_refused() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", Duration.ofDays(14), Lease.DEFAULT, a, PASS);
        byte[] bytes = Files.readAllBytes(a);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"lease\":\"") + "\"lease\":\"".length();
        bytes[at + 9] = (byte) (bytes[at + 9] == '9' ? '8' : bytes[at + 9] + 1); // a later day
        Files.write(a, bytes);
        Clock fourDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(4));
        assertThatThrownBy(() -> FieldSession.open(a, PASS, url(PostgresExtension.freshDatabase()), fourDaysOn))
                .isInstanceOf(Problem.Refused.class);
    }

    @Test
    void a_revoked_device_cannot_renew_its_lease_nor_pass_the_check_when_serve_reaches_the_study() {
        Path a = dir.resolve("a.tfpkg");
        Field.Checkout co = field.checkout("coord", site, "coder-a", null, a, PASS);
        assertThat(field.admit("laptop", a).deviceId()).isEqualTo(co.deviceId());
        field.revoke("coord", co.deviceId(), "coder left the project");
        Instant lease = FieldPackage.header(a).leaseUntil();
        assertThatThrownBy(() -> field.renew("coord", a, PASS, Lease.DEFAULT))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("revoked");
        assertThat(FieldPackage.header(a).leaseUntil())
                .as("the package is unchanged")
                .isEqualTo(lease);
        assertThatThrownBy(() -> field.admit("laptop", a))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void a_laptop_clock_set_back_behind_the_last_use_is_refused() {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", Duration.ofDays(14), Lease.DEFAULT, a, PASS);
        Clock twoDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
        try (Laptop l = new Laptop(a, "coder-a", twoDaysOn)) {
            l.coding.save(l.user, baseRoot, Map.of("N_AGENCIES", "4"), null);
            l.session.sync();
        }
        // four days on, the lease has ended; the coder sets the clock back to the first day
        assertThatThrownBy(() -> FieldSession.open(a, PASS, url(PostgresExtension.freshDatabase()), Clock.systemUTC()))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("clock is behind");
    }

    @Test
    void an_expired_package_is_refused_at_check_in_unless_a_coordinator_accepts_it_with_a_reason() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", Duration.ofDays(1), Lease.hours("--lease-hours", 24), a, PASS);
        try (Laptop l = new Laptop(a, "coder-a")) {
            l.coding.save(l.user, baseRoot, Map.of("N_AGENCIES", "6"), null);
            l.session.sync();
        }
        Field late = field.withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));
        assertThatThrownBy(() -> late.checkin("coord", a, PASS))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> late.checkin("coord", a, PASS, " "))
                .as("a blank reason is no reason")
                .isInstanceOf(Problem.Refused.class);
        assertThat(cell(baseCase, "N_AGENCIES")).isEqualTo("2");

        late.checkin("coord", a, PASS, "coder fell ill; keyed on the visit of 3 December");
        assertThat(cell(baseCase, "N_AGENCIES")).isEqualTo("6");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'field_checkin_expired_accepted'"
                        + " AND detail::text LIKE '%fell ill%'"))
                .isEqualTo(1);
        assertThat(office.verifyAudit().problems()).isEmpty();
    }

    @Test
    void without_a_memory_file_system_the_laptop_refuses_unless_a_disk_folder_is_allowed_and_wipes_it() {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        Path noMemory = dir.resolve("no-shm");
        Path disk = dir.resolve("disk");
        FieldSession.Options options = FieldSession.Options.defaults()
                .withDb(url(PostgresExtension.freshDatabase()))
                .withFolders(noMemory, disk);
        assertThatThrownBy(() -> FieldSession.open(a, PASS, options))
                .isInstanceOf(Problem.Refused.class)
                .hasMessageContaining("no memory file system");
        Path work;
        try (FieldSession s = FieldSession.open(a, PASS, options.allowingDiskWorkdir(true))) {
            work = s.workFolder();
            assertThat(work.getParent()).isEqualTo(disk);
            assertThat(Files.exists(work)).isTrue();
            try {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(work)))
                        .isEqualTo("rwx------");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(Files.exists(work)).as("wiped on close").isFalse();
    }

    @Test
    void a_killed_laptop_leaves_no_database_running_and_its_folder_is_removed_on_the_next_open() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        Path noMemory = dir.resolve("no-shm");
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LaptopProcess.class.getName(),
                a.toString(),
                "embedded",
                "coder-a",
                Long.toString(baseRoot),
                noMemory.toString(),
                disk.toString());
        pb.environment().put(Passphrase.Purpose.FIELD_PACKAGE.environment(), PASS.value());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        Path work = null;
        long postmaster;
        try (var in =
                new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("ACK ")) {
                if (line.startsWith("WORK ")) work = Path.of(line.substring(5));
            }
            assertThat(line).as("the laptop saved once").isNotNull();
            assertThat(work).isNotNull();
            postmaster = Long.parseLong(Files.readAllLines(work.resolve("study/db/data/postmaster.pid"))
                    .get(0)
                    .strip());
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
            p.destroyForcibly(); // kill -9: no shutdown hook, no close
            p.waitFor();
        }
        java.time.Instant deadline = java.time.Instant.now().plus(ORPHAN_BOUND);
        while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)
                && java.time.Instant.now().isBefore(deadline)) Thread.sleep(200);
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                .as("the watchdog stopped the laptop's PostgreSQL")
                .isFalse();
        assertThat(Files.exists(work)).as("left by the killed process").isTrue();

        FieldSession.Options options = FieldSession.Options.defaults()
                .withDb(url(PostgresExtension.freshDatabase()))
                .withFolders(noMemory, disk)
                .allowingDiskWorkdir(true);
        try (FieldSession s = FieldSession.open(a, PASS, options)) {
            assertThat(Files.exists(work)).as("removed on the next open").isFalse();
            assertThat(s.workFolder()).isNotEqualTo(work);
        }
    }

    @Test
    void two_laptops_double_code_one_case_blind_and_the_passes_are_reconciled_into_the_final_record() throws Exception {
        Path a = dir.resolve("a.tfpkg");
        field.checkout("coord", site, "coder-a", null, a, PASS);
        try (Laptop l = new Laptop(a, "coder-a")) {
            codeValidCase(l.coding, l.user, baseRoot, "1");
            assertThat(l.coding.complete(l.user, baseCase, 1))
                    .as("pass 1 completes")
                    .isEmpty();
            l.session.sync();
        }
        Field.Checkin ia = field.checkin("coord", a, PASS);
        assertThat(ia.completed()).isEqualTo(1);
        assertThat(ia.conflicts()).isZero();

        DoubleCoding doubleCoding = new DoubleCoding(tx);
        doubleCoding.assignOne(admin, baseCase, "coder-b");
        Path b = dir.resolve("b.tfpkg");
        field.checkout("coord", site, "coder-b", null, b, PASS);
        assertThat(Files.readString(b, StandardCharsets.ISO_8859_1)).doesNotContain("office");
        try (Laptop l = new Laptop(b, "coder-b")) {
            assertThat(l.count("SELECT count(*) FROM coding_record WHERE pass = 1"))
                    .as("blind")
                    .isZero();
            long secondRoot = l.coding.open(l.user, baseCase, 2).sheet().root().id();
            codeValidCase(l.coding, l.user, secondRoot, "2");
            assertThat(l.coding.complete(l.user, baseCase, 2))
                    .as("pass 2 completes")
                    .isEmpty();
            l.session.sync();
        }
        Field.Checkin ib = field.checkin("coord", b, PASS);
        assertThat(ib.completed()).isEqualTo(1);
        assertThat(ib.conflicts())
                .as("the passes are separate: nothing to merge")
                .isZero();

        DoubleCoding.Reconciling r = doubleCoding.reconciliation(admin, baseCase);
        assertThat(r.ready()).isTrue();
        assertThat(List.of(r.firstCoder(), r.secondCoder())).containsExactly("coder-a", "coder-b");
        List<DoubleCoding.Difference> location = r.differences().stream()
                .filter(d -> d.variable() != null && d.variable().name().equals("LOCATION"))
                .toList();
        assertThat(location).hasSize(1);
        assertThat(List.of(location.get(0).first(), location.get(0).second())).containsExactly("1", "2");
        assertThat(doubleCoding.reconcile(
                        admin, baseCase, Set.of(location.get(0).id())))
                .as("the reconciled case validates")
                .isEmpty();
        assertThat(count("SELECT count(*) FROM d_case WHERE location = 2 AND case_id = '" + baseCase + "'"))
                .as("the final record holds the value the coordinator chose")
                .isEqualTo(1);
        assertThat(office.verifyAudit().problems()).isEmpty();
    }

    /** Codes a valid case with one victim and one suspect with one offense, the incident location as given. */
    private static void codeValidCase(Coding coding, Account user, long root, String location) {
        coding.save(user, root, valid(coding, "case", Map.of("LOCATION", location)), null);
        long victim = coding.add(user, root, "victim").id();
        coding.save(user, victim, valid(coding, "victim", Map.of()), null);
        long suspect = coding.add(user, root, "suspect").id();
        coding.save(user, suspect, valid(coding, "suspect", Map.of()), null);
        long offense = coding.add(user, suspect, "offense").id();
        coding.save(user, offense, valid(coding, "offense", Map.of()), null);
    }

    /** Valid values for every required variable of a form (as the web tests' fixture makes them). */
    private static Map<String, String> valid(Coding coding, String form, Map<String, String> overrides) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (var v : coding.enteredVariables(coding.instrument().form(form))) {
            if (!v.required()) continue;
            String value;
            switch (v.type()) {
                case CODE:
                    value = Long.toString(v.valueLabels().keySet().stream()
                            .filter(k -> k > 0)
                            .findFirst()
                            .orElseThrow());
                    break;
                case INTEGER:
                case DECIMAL:
                    value = (v.min() == null
                                    ? java.math.BigDecimal.valueOf(30)
                                    : v.min()
                                            .max(java.math.BigDecimal.valueOf(30)
                                                    .min(v.max())))
                            .toPlainString();
                    break;
                case DATE:
                    value = "2018-06-01";
                    break;
                case STRING:
                    value = "XX";
                    break;
                default:
                    value = "x";
            }
            cells.put(v.name(), value);
        }
        if (form.equals("case"))
            cells.putAll(Map.of(
                    "INCIDENT_DATE", "2018-01-01", "CASE_OPEN_DATE", "2018-02-01", "CASE_CLOSE_DATE", "2019-01-01"));
        if (form.equals("victim")) cells.putAll(Map.of("V_AGE", "30", "V_MINOR", "0"));
        cells.putAll(overrides);
        return cells;
    }

    /** A package opened on a laptop, with the coding service the screens use. */
    private static final class Laptop implements AutoCloseable {
        final FieldSession session;
        final Transactions tx;
        final Coding coding;
        final Account user;

        Laptop(Path pkg, String coder) {
            this(pkg, coder, Clock.systemUTC());
        }

        Laptop(Path pkg, String coder, Clock clock) {
            session = FieldSession.open(pkg, PASS, url(PostgresExtension.freshDatabase()), clock);
            tx = Transactions.open(session.study(), 2);
            coding = new Coding(tx);
            user = tx.tx(c -> AccountTable.find(c, coder).orElseThrow());
        }

        long count(String sql) throws SQLException {
            try (Connection c = session.study().store().connect();
                    var st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() {
            tx.close();
            session.close();
        }
    }

    private String cell(String caseId, String variable) throws SQLException {
        try (Connection c = office.store().connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT cells->>? FROM coding_record WHERE case_id = ? AND pass = 1 AND parent_id IS NULL")) {
            ps.setString(1, variable);
            ps.setString(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private String caseOf(String ref) throws SQLException {
        try (Connection c = office.store().connect();
                PreparedStatement ps = c.prepareStatement("SELECT case_id FROM coding_case WHERE case_ref = ?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = office.store().connect();
                var st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> codingRows() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = office.store().connect();
                var st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT id, case_id, pass, record_key, cells::text, saves FROM coding_record ORDER BY id")) {
            while (rs.next())
                out.add(rs.getString(1)
                        + rs.getString(2)
                        + rs.getString(3)
                        + rs.getString(4)
                        + rs.getString(5)
                        + rs.getString(6));
        }
        return out;
    }

    static String url(ConnectionSettings db) {
        StringBuilder u = new StringBuilder(db.jdbcUrl()).append(db.jdbcUrl().contains("?") ? '&' : '?');
        u.append("user=").append(URLEncoder.encode(db.user(), StandardCharsets.UTF_8));
        if (db.password() != null)
            u.append("&password=").append(URLEncoder.encode(db.password(), StandardCharsets.UTF_8));
        return u.toString();
    }
}

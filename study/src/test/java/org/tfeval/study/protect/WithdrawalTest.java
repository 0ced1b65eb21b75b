package org.tfeval.study.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.analysis.AnalysisSettings;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.pg.DatabaseDump;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.report.Reports;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.study.Demo;
import org.tfeval.study.Study;
import org.tfeval.study.backup.Backups;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.qual.Interviews;
import org.tfeval.study.qual.SyntheticInterviews;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 16 item 4: a demo survivor withdraws at level remove, and none of their words is in any
 * output built afterwards (snapshot, reports, release, REFI-QDA export, agreement, matrix), in the
 * live database, nor in a study restored afterwards from a backup made before or after the withdrawal.
 * The search is byte-level over every file (zip entries opened) and over a binary dump of every
 * database (COPY binary keeps text as UTF-8).
 */
@ExtendWith(PostgresExtension.class)
public class WithdrawalTest {
    private static final Passphrase PASSPHRASE = new Passphrase("correct horse battery staple");
    private static final String ANALYST = "ana";
    private static final String ADMIN = "admin";

    @TempDir
    Path dir;

    @Test
    void a_removed_survivor_is_in_no_output_built_afterwards_and_in_no_restored_backup(ConnectionSettings db)
            throws Exception {
        Path live = dir.resolve("study");
        try (Study s = Study.create(live, "ecm", true, url(db))) {
            Demo.Outcome demo = Demo.defaults().withCases(60).withSites(2).run(s);
            String survivor =
                    firstQuotableSurvivor(live.resolve(Demo.INTERVIEWS).resolve("participant.csv"));
            String interview = survivor + "-I1";
            String phrase = SyntheticInterviews.survivorStory(survivor).substring("Respondent: ".length());
            account(s, ADMIN, "administrator");
            account(s, ANALYST, "analyst");
            TranscriptAccess.of(s).grantSurvivorAccess(ANALYST, ADMIN);
            Interviews q = Interviews.of(s);
            // sealed copy of their words (as de-identification keeps the original), inside the study folder
            byte[] sealed = ParticipantKeys.of(live)
                    .seal(
                            survivor,
                            "transcript-original",
                            q.transcript(interview, ANALYST).text());
            Files.write(live.resolve("sealed-original.bin"), sealed);

            // before: the words are there, so the search can find them
            Path before = dir.resolve("before");
            Files.createDirectories(before);
            q.exportProject(before.resolve("all.qdpx"), ANALYST, "partner-university");
            Path releaseBefore = dir.resolve("release-before");
            s.folder()
                    .buildRelease(
                            ReleaseBuilder.of(demo.frozen().snapshot()).withLevel(ReleaseLevel.RESTRICTED),
                            releaseBefore);
            Path backupBefore = dir.resolve("backups/before.tfbackup");
            Files.createDirectories(backupBefore.getParent());
            Backups.backup(s, backupBefore, PASSPHRASE, "operator");
            assertThat(find(phrase, List.of(before.resolve("all.qdpx")))).isNotEmpty();
            assertThat(find(phrase, List.of(dump(s.store().settings(), dir.resolve("live-before.dump")))))
                    .as("sealed at rest: even before the withdrawal the database holds no plain word of theirs")
                    .isEmpty();

            Withdrawals.Withdrawn w =
                    Withdrawals.of(s).withdraw(survivor, Withdrawal.Level.REMOVE, "participant asked", ADMIN);
            assertThat(w.deleted()).containsKeys("qual_transcript", "qual_turn", "qual_coding");
            assertThat(w.keyDestroyed()).isTrue();
            assertThat(w.superseded())
                    .extracting(OutputRegister.Superseded::kind)
                    .contains("snapshot", "reports", "release");
            assertThat(w.notices()).hasSize(1);
            assertThat(OutputRegister.of(live)
                            .acknowledge(w.notices().get(0).id(), "partner-university", java.time.Instant.now())
                            .acknowledged())
                    .isTrue();
            assertThatThrownBy(() -> ParticipantKeys.of(live).open(survivor, "transcript-original", sealed))
                    .isInstanceOf(Problem.Refused.class);
            assertThatThrownBy(() -> q.transcript(interview, ANALYST))
                    .isInstanceOf(org.tfeval.study.accounts.NotVisible.class);

            // after: every output built now
            List<Path> outputs = new ArrayList<>();
            Study.Frozen frozen = s.freeze(new Study.Freeze("test", true, "after"), ProgressListener.NONE);
            Snapshot after = frozen.snapshot();
            assertThat(after.id()).isNotEqualTo(demo.frozen().snapshot().id());
            outputs.add(after.dir());
            s.reports(after, Reports.standard(), AnalysisSettings.defaults(), "after", null);
            outputs.add(s.folder().reportsOf(after.id()));
            Path releaseAfter = dir.resolve("release-after");
            s.folder().buildRelease(ReleaseBuilder.of(after).withLevel(ReleaseLevel.RESTRICTED), releaseAfter);
            outputs.add(releaseAfter);
            Path qdpx = dir.resolve("after.qdpx");
            Interviews.ProjectExport export = q.exportProject(qdpx, ANALYST, "partner-university");
            assertThat(export.project().sources()).noneMatch(x -> x.name().equals(interview));
            outputs.add(qdpx);
            ReliabilityRound.Figures agreement = q.agreement(
                    demo.interviews().round(), ReliabilityRound.standard().withReplicates(20));
            Path agreementFile = dir.resolve("agreement.txt");
            Files.writeString(agreementFile, agreement.toString());
            outputs.add(agreementFile);
            ThemeMatrix.Result matrix = q.matrix(Interviews.Rows.PARTICIPANT, null, ThemeMatrix.Audience.RESTRICTED);
            assertThat(matrix.rows()).doesNotContain(survivor);
            Path backupAfter = dir.resolve("backups/after.tfbackup");
            Backups.backup(s, backupAfter, PASSPHRASE, "operator");
            outputs.add(dump(s.store().settings(), dir.resolve("live-after.dump")));
            outputs.add(live.resolve("registers"));
            outputs.add(live.resolve("keys"));

            Map<String, Integer> found = new LinkedHashMap<>();
            found.put(
                    "outputs built after the withdrawal and the live database",
                    find(phrase, outputs).size());
            // restores of both backups, each with the live key store and withdrawal register
            int restored = 0;
            for (Path backup : List.of(backupBefore, backupAfter)) {
                Path target = dir.resolve("restored-" + (restored++));
                Backups.restore(backup, target, PASSPHRASE, live);
                List<Path> searched = new ArrayList<>();
                searched.add(target);
                try (Study r = Study.open(target, "embedded")) {
                    searched.add(dump(r.store().settings(), dir.resolve("restored-" + restored + ".dump")));
                    long left = r.store().tx(c -> count(c, survivor));
                    assertThat(left).isZero();
                }
                assertThatThrownBy(() -> ParticipantKeys.of(target)
                                .open(
                                        survivor,
                                        "transcript-original",
                                        Files.readAllBytes(target.resolve("sealed-original.bin"))))
                        .isInstanceOf(Problem.Refused.class);
                found.put(
                        "study restored from " + backup.getFileName(),
                        find(phrase, searched).size());
            }
            System.out.printf(
                    "withdrawal test: searched for \"%s\"; found %s; superseded %d outputs (%s), %d notice(s)%n",
                    phrase,
                    found,
                    w.superseded().size(),
                    w.superseded().stream().map(OutputRegister.Superseded::kind).toList(),
                    w.notices().size());
            assertThat(found).allSatisfy((where, n) -> assertThat(n).as(where).isZero());
            // a restore without the live key store is refused: it could not re-apply the withdrawal
            assertThatThrownBy(() -> Backups.restore(backupBefore, dir.resolve("no-keys"), PASSPHRASE))
                    .isInstanceOf(Problem.Usage.class)
                    .hasMessageContaining("key store");
        }
    }

    private static long count(Connection c, String survivor) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT count(*) FROM qual_transcript WHERE interview_id LIKE ?")) {
            ps.setString(1, survivor + "-I%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static String url(ConnectionSettings db) {
        return db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
    }

    public static void account(Study s, String name, String role) throws SQLException {
        s.store().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_account (name, role, password_hash,"
                    + " created_at, created_by) VALUES (?, ?, 'not-a-hash', now(), 'test')")) {
                ps.setString(1, name);
                ps.setString(2, role);
                return ps.executeUpdate();
            }
        });
    }

    /** The first survivor (group 6) whose consent allows quotes. */
    static String firstQuotableSurvivor(Path participants) throws IOException {
        for (String line : Files.readAllLines(participants)) {
            String[] f = line.split(",");
            if (f[2].equals("6")) {
                int n = Integer.parseInt(f[0].substring(f[0].indexOf("-P") + 2));
                if (n % 3 != 0) return f[0];
            }
        }
        throw new IllegalStateException("the corpus has no quotable survivor");
    }

    private static Path dump(ConnectionSettings db, Path file) {
        DatabaseDump.dump(db, file);
        return file;
    }

    /** Files (and zip entries) under the paths whose bytes contain the phrase (UTF-8). */
    public static List<String> find(String phrase, List<Path> roots) throws IOException {
        byte[] needle = phrase.getBytes(StandardCharsets.UTF_8);
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                    if (f.startsWith(root.resolve("db")))
                        continue; // a restored study's server files: searched via the dump
                    byte[] bytes = Files.readAllBytes(f);
                    if (contains(bytes, needle)) hits.add(f.toString());
                    if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
                        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(f))) {
                            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                                if (contains(readAll(z), needle)) hits.add(f + "!" + e.getName());
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}

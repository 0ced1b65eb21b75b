package org.tfeval.study.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.text.Span;
import org.tfeval.store.WordSeal;
import org.tfeval.store.study.StudyWorkspace;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.backup.Backups;
import org.tfeval.study.backup.Passphrase;
import org.tfeval.study.qual.Interviews;
import org.tfeval.study.qual.QualCoding;
import org.tfeval.testkit.PostgresExtension;

/**
 * Issue 16 items 1 and 4: a survivor's rendered transcript text and the memos on their words are stored
 * only sealed under their own key, so after a {@code remove} withdrawal no file of the study folder (its
 * embedded database's table files and pg_wal included, after a CHECKPOINT) holds the words, and a backup
 * made before the withdrawal, restored into a fresh folder, cannot show them: the sealed value it held
 * does not open without the destroyed key.
 */
@ExtendWith(PostgresExtension.class)
class SealedWordsTest {
    private static final Passphrase PASSPHRASE = new Passphrase("correct horse battery staple");
    private static final String MEMO_WORDS = "she still keeps the blue notebook under the stairs";

    @TempDir
    Path dir;

    private static Account analyst() {
        return new Account(2, "dana", Role.ANALYST, new TreeSet<>(), true, 0, null);
    }

    @Test
    void a_removed_survivors_words_are_in_no_study_file_nor_wal_and_an_earlier_backup_cannot_show_them()
            throws Exception {
        Path live = dir.resolve("s");
        Path backup = dir.resolve("backups/before.tfbackup");
        Files.createDirectories(backup.getParent());
        byte[] sealedBefore;
        try (Study s = TranscriptAccessTest.study(dir, StudyWorkspace.EMBEDDED)) {
            // the analyst with the survivor grant reads the words and writes a memo on them: reads open the seal
            assertThat(Interviews.of(s).transcript("TF01-P2-I1", "dana").text())
                    .contains(TranscriptAccessTest.SURVIVOR_WORDS);
            QualCoding q = QualCoding.of(s);
            q.saveMemo(
                    analyst(),
                    "TF01-P2-I1",
                    QualCoding.MemoTarget.SEGMENT,
                    new Span(13, 20),
                    null,
                    MEMO_WORDS,
                    null,
                    null);
            assertThat(q.open(analyst(), "TF01-P2-I1").memos())
                    .extracting(QualCoding.Memo::body)
                    .containsExactly(MEMO_WORDS);
            sealedBefore = s.store().tx(c -> sealedText(c, "TF01-P2-I1"));
            assertThat(sealedBefore)
                    .as("the survivor's rendered text is stored sealed")
                    .isNotNull();
            byte[] professional = s.store().tx(c -> sealedText(c, "TF01-P1-I1"));
            assertThat(professional).as("a professional's stays plain").isNull();
            checkpoint(s);
            assertThat(holding(TranscriptAccessTest.PROFESSIONAL_WORDS, live))
                    .as("the search finds plain words in the database's files (it works)")
                    .anyMatch(f -> f.contains("/db/"));
            assertThat(holding(TranscriptAccessTest.SURVIVOR_WORDS, live))
                    .as("sealed at rest, before any withdrawal")
                    .isEmpty();
            assertThat(holding(MEMO_WORDS, live)).isEmpty();
            Backups.backup(s, backup, PASSPHRASE, "operator");

            Withdrawals.of(s).withdraw("TF01-P2", Withdrawal.Level.REMOVE, "participant asked", "admin");
            checkpoint(s);
        }
        // (a) no file under the study folder: table files, pg_wal, registers, keys, logs
        assertThat(holding(TranscriptAccessTest.SURVIVOR_WORDS, live)).isEmpty();
        assertThat(holding(MEMO_WORDS, live)).isEmpty();

        // (b) the earlier backup restored into a fresh folder, the withdrawal register applied as today
        Path restored = dir.resolve("restored");
        Backups.restore(backup, restored, PASSPHRASE, live);
        try (Study r = Study.open(restored, StudyWorkspace.EMBEDDED)) {
            WordSeal words = SealedWords.of(restored, r.store());
            assertThatThrownBy(() -> words.open("TF01-P2", WordSeal.RENDERED, sealedBefore))
                    .as("the sealed text the backup held does not open without the destroyed key")
                    .isInstanceOf(Problem.Refused.class);
            byte[] left = r.store().tx(c -> sealedText(c, "TF01-P2-I1"));
            assertThat(left).as("the restore re-applied the removal").isNull();
            assertThat(Interviews.of(r).transcript("TF01-P1-I1", "dana").text())
                    .contains(TranscriptAccessTest.PROFESSIONAL_WORDS);
            checkpoint(r);
        }
        assertThat(holding(TranscriptAccessTest.SURVIVOR_WORDS, restored)).isEmpty();
        assertThat(holding(MEMO_WORDS, restored)).isEmpty();
    }

    /**
     * Rows stored plain before sealing existed (as a study made by an earlier tfeval holds them) are sealed
     * by the study-open upgrade step, audited with counts only; the words read back unchanged.
     */
    @Test
    void a_survivors_memo_arriving_in_a_refi_project_is_sealed_like_one_typed_on_the_coding_screen(
            ConnectionSettings db) throws Exception {
        try (Study s = TranscriptAccessTest.study(dir, WithdrawalTest.url(db))) {
            String guid = java.util.UUID.randomUUID().toString();
            s.store().tx(c -> {
                org.tfeval.store.qual.MemoExchangeTables.insert(
                        c,
                        new org.tfeval.store.qual.MemoExchangeTables.ExchangedMemo(
                                guid, "participant", null, null, "TF01-P2", null, null, "analyst", MEMO_WORDS),
                        java.time.Instant.now());
                return null;
            });
            // the plain column is empty and the stored blob does not hold the words
            long plain = s.store()
                    .tx(c -> count(
                            c,
                            "SELECT count(*) FROM qual_memo WHERE participant_id = 'TF01-P2'"
                                    + " AND (body IS NOT NULL OR sealed_body IS NULL)"));
            assertThat(plain).isZero();
            byte[] blob = s.store().tx(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                                "SELECT sealed_body FROM qual_memo WHERE participant_id = 'TF01-P2'");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            });
            assertThat(new String(blob, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(MEMO_WORDS);
            // and the exchange reads the words back through the seal
            assertThat(s.store().tx(org.tfeval.store.qual.MemoExchangeTables::all))
                    .extracting(org.tfeval.store.qual.MemoExchangeTables.ExchangedMemo::body)
                    .contains(MEMO_WORDS);
        }
    }

    @Test
    void opening_a_study_seals_the_survivor_words_an_earlier_version_stored_plain(ConnectionSettings db)
            throws Exception {
        String url = WithdrawalTest.url(db);
        String rendered;
        try (Study s = TranscriptAccessTest.study(dir, url)) {
            QualCoding.of(s)
                    .saveMemo(
                            analyst(),
                            "TF01-P2-I1",
                            QualCoding.MemoTarget.PARTICIPANT,
                            null,
                            null,
                            MEMO_WORDS,
                            null,
                            null);
            rendered = Interviews.of(s).transcript("TF01-P2-I1", "dana").text();
            // what an earlier version stored: the rendered text and the memo in plain (triggers off for the set-up)
            s.store().tx(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL session_replication_role = replica");
                }
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE qual_transcript SET text = ?, sealed_text = NULL,"
                                + " sealed_for = NULL WHERE interview_id = 'TF01-P2-I1'")) {
                    ps.setString(1, rendered);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE qual_memo SET body = ?, sealed_body = NULL, sealed_for = NULL")) {
                    ps.setString(1, MEMO_WORDS);
                    return ps.executeUpdate();
                }
            });
            byte[] plain = s.store().tx(c -> sealedText(c, "TF01-P2-I1"));
            assertThat(plain).isNull();
        }
        try (Study s = Study.open(dir.resolve("s"), url)) {
            byte[] sealed = s.store().tx(c -> sealedText(c, "TF01-P2-I1"));
            assertThat(sealed).as("sealed at open").isNotNull();
            long plainLeft = s.store()
                    .tx(c -> count(
                            c,
                            "SELECT count(*) FROM qual_transcript t JOIN"
                                    + " qual_transcript_original o ON o.transcript_id = t.id WHERE o.participant_id = 'TF01-P2'"
                                    + " AND t.text IS NOT NULL"));
            long plainMemos = s.store().tx(c -> count(c, "SELECT count(*) FROM qual_memo WHERE body IS NOT NULL"));
            assertThat(plainLeft).isZero();
            assertThat(plainMemos).isZero();
            String detail = s.store().tx(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                                "SELECT detail FROM audit_event WHERE action = 'words_sealed' ORDER BY seq");
                        ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(detail).isEqualTo("{\"transcripts\":1,\"memos\":1}");
            assertThat(Interviews.of(s).transcript("TF01-P2-I1", "dana").text()).isEqualTo(rendered);
            assertThat(QualCoding.of(s).open(analyst(), "TF01-P2-I1").memos())
                    .extracting(QualCoding.Memo::body)
                    .containsExactly(MEMO_WORDS);
        }
        try (Study s = Study.open(dir.resolve("s"), url)) {
            long events = s.store().tx(c -> count(c, "SELECT count(*) FROM audit_event WHERE action = 'words_sealed'"));
            assertThat(events)
                    .as("a second open has nothing to seal and records nothing")
                    .isEqualTo(1);
        }
    }

    private static long count(Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every file under the folder (the embedded database's included) whose bytes contain the words (UTF-8). */
    private static List<String> holding(String words, Path root) throws java.io.IOException {
        byte[] needle = words.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> hits = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (java.nio.file.NoSuchFileException | java.nio.file.AccessDeniedException gone) {
                    continue; // a server file removed meanwhile, or a lock file
                }
                if (indexOf(bytes, needle) >= 0) hits.add(f.toString());
            }
        }
        return hits;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void checkpoint(Study s) throws Exception {
        try (Connection c = s.store().connect();
                Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    private static byte[] sealedText(Connection c, String interviewId) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sealed_text FROM qual_transcript WHERE interview_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, interviewId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }
}

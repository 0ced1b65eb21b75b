package org.tfeval.study.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.qual.text.Span;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.qual.Interviews;
import org.tfeval.study.qual.QualCoding;
import org.tfeval.testkit.PostgresExtension;

/**
 * The coding screen's memos and coding versions go with a participant's words when they are removed
 * (issue 16 item 4), and the screen's reads follow {@link TranscriptAccess} (issue 16 item 2).
 */
@ExtendWith(PostgresExtension.class)
class CodingScreenWithdrawalTest {
    @TempDir
    Path dir;

    private static Account account(long id, String name, Role role) {
        return new Account(
                id, name, role, role.scoped() ? new TreeSet<>(Set.of("TF01")) : new TreeSet<>(), true, 0, null);
    }

    private static long count(Study s, String sql) throws Exception {
        return s.store().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void a_removed_survivors_memos_and_coding_versions_are_deleted_with_their_words(ConnectionSettings db)
            throws Exception {
        try (Study s = TranscriptAccessTest.study(dir, db)) {
            Code theme = Code.of("ROTATION", null, "Staff rotation");
            Path qdc = dir.resolve("book.qdc");
            Files.write(qdc, Qdc.write(Codebook.of(List.of(theme))));
            Interviews.of(s).importCodebook(qdc, "test");
            QualCoding q = QualCoding.of(s);
            Account carl = account(1, "carl", Role.CODER);
            Account dana = account(2, "dana", Role.ANALYST);
            // the attack: carl opens a transcript nobody assigned to him
            assertThatThrownBy(() -> q.open(carl, "TF01-P3-I1")).isInstanceOf(NotAllowed.class);
            // carl codes and memos the professional's transcript; dana memos the survivor's
            assertThat(q.apply(carl, "TF01-P1-I1", 1, new Span(0, 5), List.of(theme.guid()), 0)
                            .conflicted())
                    .isFalse();
            q.saveMemo(carl, "TF01-P1-I1", QualCoding.MemoTarget.SEGMENT, new Span(0, 5), null, "note", null, null);
            q.saveMemo(dana, "TF01-P2-I1", QualCoding.MemoTarget.SEGMENT, new Span(13, 20), null, "words", null, null);
            q.saveMemo(dana, "TF01-P2-I1", QualCoding.MemoTarget.PARTICIPANT, null, null, "person", null, null);
            assertThat(q.open(dana, "TF01-P2-I1").memos()).hasSize(2);
            // an analyst reads but does not code
            assertThatThrownBy(() -> q.apply(dana, "TF01-P2-I1", 1, new Span(0, 5), List.of(theme.guid()), 0))
                    .isInstanceOf(NotAllowed.class);

            Withdrawals.of(s).withdraw("TF01-P2", Withdrawal.Level.REMOVE, "participant asked", "admin");

            assertThat(count(
                            s,
                            "SELECT count(*) FROM qual_memo WHERE interview_id = 'TF01-P2-I1'"
                                    + " OR participant_id = 'TF01-P2'"))
                    .isZero();
            assertThat(count(s, "SELECT count(*) FROM qual_memo WHERE author = 'carl'"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM qual_coding_version WHERE interview_id = 'TF01-P1-I1'"))
                    .isEqualTo(1);
        }
    }
}

package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.study.Study;
import org.tfeval.study.protect.Withdrawal;
import org.tfeval.study.protect.Withdrawals;
import org.tfeval.testkit.PostgresExtension;

/** The framework matrix: participant x theme, the analyst's versioned summary and the supporting quotes. */
@ExtendWith(PostgresExtension.class)
class FrameworkMatrixTest {
    @TempDir
    Path dir;

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
    void cells_hold_the_newest_summary_and_only_consented_quotes_and_a_category_stands_for_its_codes(
            ConnectionSettings db) throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            for (String id : QualFixture.INTERVIEWS) {
                q.code(id, QualFixture.span("Trust took years."), "TRUST", "c1", null);
            }
            q.code("TF01-P1-I1", QualFixture.span("Funding ends next year"), "FUNDING", "c1", null);
            FrameworkMatrix f = FrameworkMatrix.of(s);
            assertThat(f.summarise("TF01-P1", "TRUST", "Trust built slowly.", "test"))
                    .isEqualTo(1);
            assertThat(f.summarise("TF01-P1", "TRUST", "Trust built slowly over years of joint work.", "test"))
                    .isEqualTo(2);
            assertThat(f.history("TF01-P1", "TRUST"))
                    .extracting(FrameworkMatrix.Version::version)
                    .containsExactly(1, 2);

            FrameworkMatrix.Framework m = f.show(List.of("Collaboration", "FUNDING"), "TF01", "test", "Dr Ng");
            assertThat(m.themes()).containsExactly("TRUST", "FUNDING");
            assertThat(m.mark()).contains("Dr Ng").contains(m.exportId());
            assertThat(m.rows()).extracting(FrameworkMatrix.Row::participant).containsExactly("TF01-P1", "TF01-P2");
            FrameworkMatrix.Cell trust1 = m.rows().get(0).cells().get(0);
            assertThat(trust1.summary()).isEqualTo("Trust built slowly over years of joint work.");
            assertThat(trust1.summaryVersion()).isEqualTo(2);
            assertThat(trust1.quotes()).containsExactly("Trust took years.");
            assertThat(m.rows().get(0).cells().get(1).quotes()).containsExactly("Funding ends next year");
            // P2 gave no consent to quotes: the segment counts, its words stay out
            FrameworkMatrix.Cell trust2 = m.rows().get(1).cells().get(0);
            assertThat(trust2.segments()).isEqualTo(1);
            assertThat(trust2.quotes()).isEmpty();
            assertThat(trust2.quotesWithheld()).isEqualTo(1);
            assertThat(trust2.summary()).isNull();
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE action = 'qual_framework_summary'"))
                    .isEqualTo(2);
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE action = 'qual_framework_show'"))
                    .isEqualTo(1);

            assertThatThrownBy(() -> f.summarise("TF01-P1", "Collaboration", "x", "test"))
                    .isInstanceOf(Problem.Usage.class);
            assertThatThrownBy(() -> f.summarise("TF01-P9", "TRUST", "x", "test"))
                    .isInstanceOf(Problem.Refused.class);
            assertThatThrownBy(() -> f.show(List.of("NOSUCH"), null, "test", null))
                    .isInstanceOf(Problem.Usage.class);
        }
    }

    @Test
    void a_withdrawn_participant_leaves_the_matrix_and_a_removal_deletes_their_summaries(ConnectionSettings db)
            throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            q.code("TF01-P1-I1", QualFixture.span("Trust took years."), "TRUST", "c1", null);
            FrameworkMatrix f = FrameworkMatrix.of(s);
            f.summarise("TF01-P1", "TRUST", "Trust built slowly.", "test");
            Withdrawals.of(s).withdraw("TF01-P1", Withdrawal.Level.REMOVE, "participant asked", "admin");
            FrameworkMatrix.Framework m = f.show(List.of("TRUST"), null, "test", null);
            assertThat(m.rows()).extracting(FrameworkMatrix.Row::participant).doesNotContain("TF01-P1");
            assertThat(m.rows())
                    .flatExtracting(FrameworkMatrix.Row::cells)
                    .noneMatch(c -> c.quotes().contains("Trust took years."));
            // the attack: summarise the withdrawn participant anyway
            assertThatThrownBy(() -> f.summarise("TF01-P1", "TRUST", "more", "test"))
                    .isInstanceOf(Problem.Refused.class);
            assertThat(count(s, "SELECT count(*) FROM qual_framework_summary WHERE participant_id = 'TF01-P1'"))
                    .isZero();
        }
    }
}

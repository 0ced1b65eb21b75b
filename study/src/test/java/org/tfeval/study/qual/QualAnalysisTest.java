package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tfeval.study.qual.QualFixture.span;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.study.Study;
import org.tfeval.testkit.PostgresExtension;

/** Drill-down to quotes and code co-occurrence. */
@ExtendWith(PostgresExtension.class)
class QualAnalysisTest {
    @TempDir
    Path dir;

    @Test
    void quotes_respect_consent_and_the_tier_and_cooccurrence_counts_segments_and_turns(ConnectionSettings db)
            throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c1", null);
            q.code("TF01-P1-I1", span("We share every tip the same day. Trust"), "FUNDING", "c1", null);
            q.code("TF01-P1-I1", span("Funding ends next year"), "FUNDING", "c1", null);
            q.code("TF01-P1-I1", span("the shelter has no beds"), "SHELTER", "c1", null);
            q.code("TF01-P2-I1", span("Trust took years."), "TRUST", "c1", null); // P2: no consent to quotes
            QualAnalysis a = QualAnalysis.of(s);
            List<QualAnalysis.Quote> trust = a.quotes("TRUST", null, "TF01", ThemeMatrix.Audience.RESTRICTED);
            assertThat(trust)
                    .extracting(QualAnalysis.Quote::interviewId, QualAnalysis.Quote::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("TF01-P1-I1", "Trust took years."));
            assertThat(a.quotes("TRUST", "Victim service provider", null, ThemeMatrix.Audience.RESTRICTED))
                    .hasSize(1);
            assertThat(a.quotes("TRUST", "Law enforcement", null, ThemeMatrix.Audience.RESTRICTED))
                    .isEmpty();
            // two interviewees are a small count: outside the restricted tier the cell gives no quotes
            assertThatThrownBy(() -> a.quotes("TRUST", null, null, ThemeMatrix.Audience.PUBLISHED))
                    .isInstanceOf(Problem.Refused.class);

            List<QualAnalysis.Pair> pairs = a.cooccurrence(null, ThemeMatrix.Audience.RESTRICTED);
            assertThat(pairs)
                    .containsExactly(
                            new QualAnalysis.Pair("FUNDING", "SHELTER", 0, 1, 1, false),
                            new QualAnalysis.Pair("FUNDING", "TRUST", 1, 1, 1, false));
            assertThat(a.cooccurrence(null, ThemeMatrix.Audience.PUBLISHED))
                    .allSatisfy(p -> assertThat(p.withheld()).isTrue());
        }
    }
}

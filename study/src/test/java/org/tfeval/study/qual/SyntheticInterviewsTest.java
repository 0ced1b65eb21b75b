package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.study.Study;
import org.tfeval.testkit.PostgresExtension;

/** The demo corpus loads, and the matrices recover the themes planted in it. */
@ExtendWith(PostgresExtension.class)
class SyntheticInterviewsTest {
    @TempDir
    Path dir;

    @Test
    void the_matrix_recovers_each_groups_planted_leading_theme(ConnectionSettings db) throws Exception {
        try (Study s = Study.create(dir.resolve("s"), "ecm", true, InterviewsTest.url(db))) {
            SyntheticInterviews.Summary sum =
                    SyntheticInterviews.withSeed(7).run(s, dir.resolve("corpus"), 10, "demo", ProgressListener.NONE);
            // 143 stakeholders + (community member + 2 survivors) x 10 sites
            assertThat(sum.transcripts()).isEqualTo(173);
            assertThat(Files.readAllLines(dir.resolve("corpus/planted_identifiers.csv"))
                            .size())
                    .isGreaterThan(100);
            // the transcripts reached codable through review, and review replaced every planted identifier
            ScriptedReview.Figures deid = sum.deidentification();
            assertThat(deid.transcripts()).isEqualTo(173);
            assertThat(deid.byKind().keySet()).containsExactly("agency", "date", "name", "phone", "place", "all");
            assertThat(deid.byKind().get("all").recallAfterReview()).isEqualTo(1.0);
            assertThat(deid.byKind().values())
                    .allSatisfy(f -> assertThat(f.recallAfterReview()).isEqualTo(1.0));
            // the suggestions alone: patterns and the roster find phones, dates and agencies; names the
            // roster does not know are left to the reviewer
            assertThat(deid.byKind().get("phone").recall()).isEqualTo(1.0);
            assertThat(deid.byKind().get("date").recall()).isEqualTo(1.0);
            assertThat(deid.byKind().get("agency").recall()).isEqualTo(1.0);
            assertThat(deid.byKind().get("name").recall()).isBetween(0.2, 0.8);
            assertThat(deid.added()).isPositive();
            assertThat(Deidentification.of(s).status())
                    .allSatisfy(t -> assertThat(t.state().codable()).isTrue());
            System.out.printf(
                    "de-identification: %d transcripts, %.2f decisions each (max %d), review %d ms%n",
                    deid.transcripts(), deid.decisionsPerTranscript(), deid.maxDecisions(), deid.reviewMillis());
            deid.byKind()
                    .forEach((k, f) -> System.out.printf(
                            "  %-7s planted %4d recall %.3f precision %.3f after review %.3f%n",
                            k, f.planted(), f.recall(), f.precision(), f.recallAfterReview()));
            ThemeMatrix.Result m =
                    Interviews.of(s).matrix(Interviews.Rows.GROUP, null, ThemeMatrix.Audience.RESTRICTED);
            assertThat(leading(m, "Prosecutor")).isEqualTo("CHARGING_OTHER_STATUTES");
            assertThat(leading(m, "Victim service provider")).isEqualTo("HOUSING");
            assertThat(leading(m, "Law enforcement")).isEqualTo("TRUST");
            long m0 = System.nanoTime();
            for (Interviews.Rows rows : Interviews.Rows.values()) {
                Interviews.of(s).matrix(rows, null, ThemeMatrix.Audience.RESTRICTED);
                Interviews.of(s)
                        .matrix(
                                rows == Interviews.Rows.PARTICIPANT ? Interviews.Rows.GROUP : rows,
                                "TF01",
                                ThemeMatrix.Audience.PUBLISHED);
            }
            long m1 = System.nanoTime();
            System.out.printf("matrices (3 restricted, 3 published for one site): %d ms%n", (m1 - m0) / 1_000_000);
            // the demo's round is finished: closed, its figures frozen, and the snapshot carries them
            Rounds.Summary closed = Rounds.of(s).list().get(0);
            assertThat(closed.status()).isEqualTo("closed");
            assertThat(closed.transcripts()).isEqualTo(SyntheticInterviews.DOUBLE_CODED);
            org.tfeval.snapshot.qual.QualitativeFindings findings =
                    QualitativeSnapshot.of(s).findings();
            assertThat(findings.reliability().codes()).hasSize(6);
            assertThat(findings.quotes()).isNotEmpty();
            ReliabilityRound.Figures f = Interviews.of(s)
                    .agreement(sum.round(), ReliabilityRound.standard().withReplicates(200));
            assertThat(f.codes()).hasSize(6);
            assertThat(f.codes()).allSatisfy(c -> assertThat(c.kappa().value()).isBetween(0.5, 1.0));
            System.out.printf(
                    "synthetic corpus: %d transcripts imported in %d ms; coding %d ms; agreement (1000 replicates) %d ms%n",
                    sum.transcripts(), sum.importMillis(), sum.codingMillis(), sum.agreementMillis());
            for (ReliabilityRound.CodeFigures c : f.codes()) {
                System.out.printf(
                        "  %-24s agree %.1f%% kappa %.3f [%.3f, %.3f] alpha_turns %.3f [%.3f, %.3f] P<.8 %.2f alpha_U %.3f [%.3f, %.3f]%n",
                        c.code(),
                        c.percentAgreement(),
                        c.kappa().value(),
                        c.kappa().lower(),
                        c.kappa().upper(),
                        c.turnAlpha().value(),
                        c.turnAlpha().lower(),
                        c.turnAlpha().upper(),
                        c.turnAlpha().belowThreshold(),
                        c.unitizingAlpha().value(),
                        c.unitizingAlpha().lower(),
                        c.unitizingAlpha().upper());
            }
        }
    }

    private static String leading(ThemeMatrix.Result m, String row) {
        int i = m.rows().indexOf(row);
        int best = 0;
        for (int j = 1; j < m.columns().size(); j++) {
            if (m.cells()[i][j].interviewees() > m.cells()[i][best].interviewees()) best = j;
        }
        return m.columns().get(best);
    }
}

package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tfeval.study.qual.QualFixture.span;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.agreement.Disagreement;
import org.tfeval.qual.agreement.PairwiseKappa;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.text.Span;
import org.tfeval.study.Study;
import org.tfeval.testkit.PostgresExtension;

/** A blind round from opening to the consensus coding, with three coders. */
@ExtendWith(PostgresExtension.class)
class RoundsTest {
    @TempDir
    Path dir;

    @Test
    void a_round_opens_closes_with_pairwise_figures_and_its_adjudication_writes_the_consensus(ConnectionSettings db)
            throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            Rounds rounds = Rounds.of(s);
            int round = rounds.openSample(2, 7, List.of("c1", "c2", "c3"), "test");
            assertThatThrownBy(() -> q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c9", round))
                    .isInstanceOf(Problem.Refused.class);
            for (String id : QualFixture.INTERVIEWS) {
                q.code(id, span("Trust took years."), "TRUST", "c1", round);
                q.code(id, span("Trust took years."), "TRUST", "c2", round);
                q.code(id, span("Trust took years."), "TRUST", "c3", round);
                q.code(id, span("Funding ends next year"), "FUNDING", "c1", round);
                q.code(id, span("Funding ends"), "FUNDING", "c2", round);
            }
            q.code("TF01-P1-I1", span("the shelter has no beds"), "SHELTER", "c2", round);
            assertThatThrownBy(() -> rounds.adjudicate(round, "c1", "c2", List.of(), "lead"))
                    .isInstanceOf(Problem.Refused.class);

            Rounds.Agreement a = rounds.close(round, ReliabilityRound.standard().withReplicates(50), "test");
            // three pairs per code; c1-c3 never agree on FUNDING (c3 did not code it)
            assertThat(a.pairs()).hasSize(9);
            PairwiseKappa.Pair trust12 = a.pairs().stream()
                    .filter(p -> p.code().equals("TRUST")
                            && p.coderA().equals("c1")
                            && p.coderB().equals("c2"))
                    .findFirst()
                    .orElseThrow();
            assertThat(trust12.kappa()).isEqualTo(1.0);
            PairwiseKappa.Pair funding12 = a.pairs().stream()
                    .filter(p -> p.code().equals("FUNDING")
                            && p.coderA().equals("c1")
                            && p.coderB().equals("c2"))
                    .findFirst()
                    .orElseThrow();
            // by hand: each transcript has n characters; c1 codes 22 ("Funding ends next year"), c2 the first 12
            long n = 2L * QualFixture.TEXT.codePointCount(0, QualFixture.TEXT.length());
            double po = (n - 20.0) / n;
            double pa = 44.0 / n;
            double pb = 24.0 / n;
            double pe = pa * pb + (1 - pa) * (1 - pb);
            assertThat(funding12.kappa()).isCloseTo((po - pe) / (1 - pe), org.assertj.core.data.Offset.offset(1e-12));
            // the first two coders' kappa of the per-code figures is the same pair's
            assertThat(a.figures().codes().stream()
                            .filter(c -> c.code().equals("FUNDING"))
                            .findFirst()
                            .orElseThrow()
                            .kappa()
                            .value())
                    .isCloseTo(funding12.kappa(), org.assertj.core.data.Offset.offset(1e-12));
            assertThatThrownBy(() ->
                            rounds.close(round, ReliabilityRound.standard().withReplicates(10), "test"))
                    .isInstanceOf(Problem.Refused.class);
            assertThatThrownBy(() -> q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c1", round))
                    .isInstanceOf(Problem.Refused.class);

            List<Rounds.Open> open = rounds.disagreements(round, "c1", "c2");
            // FUNDING in both transcripts, SHELTER in one; TRUST agrees
            assertThat(open).extracting(Rounds.Open::code).containsExactlyInAnyOrder("FUNDING", "FUNDING", "SHELTER");
            List<Rounds.Decision> decisions = new ArrayList<>();
            for (Rounds.Open o : open) {
                Disagreement.Decision d = o.code().equals("SHELTER")
                        ? Disagreement.Decision.NEITHER
                        : o.interviewId().equals("TF01-P1-I1") ? Disagreement.Decision.A : Disagreement.Decision.B;
                decisions.add(new Rounds.Decision(
                        o.interviewId(), o.code(), o.disagreement().region(), d, "codebook rule 3"));
            }
            assertThatThrownBy(() ->
                            new Rounds.Decision("TF01-P1-I1", "TRUST", new Span(0, 1), Disagreement.Decision.A, " "))
                    .isInstanceOf(Problem.Usage.class);
            Rounds.Adjudicated first = rounds.adjudicate(round, "c1", "c2", decisions.subList(0, 1), "lead");
            assertThat(first.left()).isEqualTo(2);
            assertThat(first.consensusCodings()).isZero();
            Rounds.Adjudicated rest = rounds.adjudicate(round, "c1", "c2", decisions.subList(1, 3), "lead");
            assertThat(rest.left()).isZero();
            // TRUST agreed twice, FUNDING as A in P1 and as B in P2, SHELTER dropped
            assertThat(rest.consensusCodings()).isEqualTo(4);
            List<String> consensus = s.store().tx(c -> {
                List<String> out = new ArrayList<>();
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT t.interview_id, k.name, substr(t.text, g.start_cp + 1,"
                                + " g.end_cp - g.start_cp) FROM qual_coding g JOIN qual_transcript t ON t.id ="
                                + " g.transcript_id JOIN qual_code k ON k.guid = g.code WHERE g.coder = 'consensus'"
                                + " ORDER BY 1, 2")) {
                    while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
                return out;
            });
            assertThat(consensus)
                    .containsExactly(
                            "TF01-P1-I1 FUNDING Funding ends next year",
                            "TF01-P1-I1 TRUST Trust took years.",
                            "TF01-P2-I1 FUNDING Funding ends",
                            "TF01-P2-I1 TRUST Trust took years.");
            assertThatThrownBy(() -> rounds.adjudicate(round, "c1", "c2", List.of(), "lead"))
                    .isInstanceOf(Problem.Refused.class);
            Rounds.Summary listed = rounds.list().get(0);
            assertThat(listed.status()).isEqualTo("closed");
            assertThat(listed.coders()).containsExactly("c1", "c2", "c3");
            assertThat(listed.decisions()).isEqualTo(3);
            assertThat(listed.adjudicatedAt()).isNotNull();
            assertThat(listed.figuresJson()).contains("\"pairs\"", "\"alpha_u\"");
        }
    }
}

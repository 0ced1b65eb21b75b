package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tfeval.study.qual.QualFixture.span;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.snapshot.Manifest;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.qual.QualitativeFindings;
import org.tfeval.study.Study;
import org.tfeval.study.protect.Withdrawal;
import org.tfeval.study.protect.Withdrawals;
import org.tfeval.testkit.PostgresExtension;

/** What a snapshot freezes of the interviews: never a non-consented quote, never a withdrawn participant. */
@ExtendWith(PostgresExtension.class)
class QualitativeSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void the_snapshot_holds_counts_consented_quotes_and_reliability_and_drops_a_withdrawn_participant(
            ConnectionSettings db) throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            // P1 (victim service provider) consents to quotes; P2 (the other group) does not
            q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c1", null);
            q.code("TF01-P1-I1", span("Funding ends next year"), "FUNDING", "c1", null);
            q.code("TF01-P2-I1", span("Trust took years."), "TRUST", "c1", null);
            q.code("TF01-P2-I1", span("the shelter has no beds"), "SHELTER", "c1", null);
            Rounds r = Rounds.of(s);
            int round = r.open(QualFixture.INTERVIEWS, List.of("c1", "c2"), "test");
            for (String id : QualFixture.INTERVIEWS) {
                q.code(id, span("Trust took years."), "TRUST", "c1", round);
                q.code(id, span("Trust took years."), "TRUST", "c2", round);
            }
            r.close(round, ReliabilityRound.standard().withReplicates(20), "test");

            QualitativeFindings f = QualitativeSnapshot.of(s).findings();
            assertThat(f.themes())
                    .extracting(t -> t.theme() + "/" + t.question() + "/" + t.site() + "/" + t.interviewees())
                    .containsExactlyInAnyOrder(
                            "TRUST/Collaboration/TF01/1",
                            "TRUST/Collaboration/TF01/1",
                            "FUNDING/Other themes/TF01/1",
                            "SHELTER/Other themes/TF01/1");
            String vsp = f.themes().stream()
                    .filter(t -> t.theme().equals("FUNDING"))
                    .findFirst()
                    .orElseThrow()
                    .group();
            assertThat(f.quotes())
                    .extracting(QualitativeFindings.Quote::text)
                    .containsExactlyInAnyOrder("Trust took years.", "Funding ends next year");
            assertThat(f.quotes()).allSatisfy(x -> assertThat(x.group()).isEqualTo(vsp));
            assertThat(f.quotes()).noneMatch(x -> x.theme().equals("SHELTER")); // P2's only: no consent
            assertThat(f.reliability().round()).isEqualTo(round);
            assertThat(f.reliability().codes())
                    .extracting(QualitativeFindings.CodeReliability::code)
                    .containsExactly("TRUST");
            assertThat(f.reliability().codes().get(0).kappa()).isEqualTo(1.0);

            Snapshot sn = s.freeze(new Study.Freeze("test", true, "test"), ProgressListener.NONE)
                    .snapshot();
            assertThat(sn.manifest().files())
                    .extracting(Manifest.FileHash::file)
                    .contains(QualitativeFindings.FILE);
            assertThat(sn.verify()).isEmpty();
            assertThat(QualitativeFindings.of(sn).orElseThrow()).isEqualTo(f);

            Withdrawals.of(s).withdraw("TF01-P1", Withdrawal.Level.NO_FURTHER_USE, "participant asked", "admin");
            QualitativeFindings after = QualitativeSnapshot.of(s).findings();
            assertThat(after.quotes()).isEmpty();
            assertThat(after.themes()).noneMatch(t -> t.group().equals(vsp));
            assertThat(after.interviewed()).noneMatch(i -> i.group().equals(vsp));
        }
    }
}

package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.disclosure.GroupProfile;
import org.tfeval.release.disclosure.ReleaseRefusedException;
import org.tfeval.release.disclosure.Thresholds;
import org.tfeval.release.tables.AggregateTables;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.synth.StudyGenerator;

/**
 * The attacks of issue 12 re-run on public packages (k = 11): each
 * test fails if an attack succeeds beyond the declared threshold (a task-force profile covering fewer
 * than three task forces, a docket target matched by fewer than k cases, a suppressed year narrowed to
 * two years, a second release that differs in treatment). The attack code is {@link ReleaseAttacks},
 * apart from the protection code. The demo package is built at the defaults (its public tier is
 * aggregate tables); the 2,000-case package at k = 11 with the loss and suppression limits lifted, so that there are
 * microdata to attack.
 */
class ReleaseAttackTest {
    private static final int K = Thresholds.DEFAULT_K;
    /** About 2,000 cases: large enough for public microdata at k = 11. */
    static final int LARGE_CASES = 2_000;
    /** The 2,000-case study needs most quasi-identifier values suppressed (top of a hierarchy or local) for k = 11. */
    static final double LARGE_MAX_SUPPRESSED = 0.95;

    private static Snapshot large;
    private static ReleaseResult largePublic;
    private static Path largeKey;
    private static ReleaseResult demoPublic;
    private static Path demoKey;

    static synchronized Snapshot large() {
        if (large == null) {
            large = GeneratedSnapshots.generate(
                    StudyGenerator.defaults()
                            .withCases(LARGE_CASES)
                            .withSites(20)
                            .withErrors(false),
                    "large");
        }
        return large;
    }

    static synchronized ReleaseResult largePublic() throws Exception {
        if (largePublic == null) {
            largeKey = GeneratedSnapshots.root().resolve("keys").resolve("large.key");
            largePublic = ReleaseBuilder.of(large())
                    // the variables generalized to the top of their hierarchy count against the suppression limit
                    .withThresholds(
                            Thresholds.defaults().withMaxLoss(1.0).withMaxSuppressedValueShare(LARGE_MAX_SUPPRESSED))
                    .withKeyFile(largeKey)
                    .withTimestamp(ReleasedPackages.AT)
                    .build(GeneratedSnapshots.root().resolve("attack").resolve("large-public"));
        }
        return largePublic;
    }

    static synchronized ReleaseResult demoPublic() throws Exception {
        if (demoPublic == null) {
            demoKey = GeneratedSnapshots.root().resolve("keys").resolve("demo.key");
            demoPublic = ReleaseBuilder.of(GeneratedSnapshots.demo())
                    .withKeyFile(demoKey)
                    .withTimestamp(ReleasedPackages.AT)
                    .build(GeneratedSnapshots.root().resolve("attack").resolve("demo-public"));
        }
        return demoPublic;
    }

    @Test
    void the_demo_public_release_at_the_defaults_is_produced_and_states_its_path() throws Exception {
        ReleaseResult r = demoPublic();
        String readme = Files.readString(r.dir().resolve(ReleaseBuilder.README), StandardCharsets.UTF_8);
        assertThat(readme).contains("Chosen path: ");
        if (!r.microdata()) {
            assertThat(readme).contains("microdata are restricted-use only");
            assertThat(r.dir().resolve(AggregateTables.FOLDER).resolve("index.csv"))
                    .exists();
        }
    }

    @Test
    void no_withheld_count_of_the_aggregate_tables_can_be_worked_out_from_the_published_ones() throws Exception {
        ReleaseResult r = demoPublic();
        Path dir = r.dir().resolve(AggregateTables.FOLDER);
        if (r.microdata()) {
            assertThat(dir).doesNotExist();
            return;
        }
        List<Path> tables = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".csv")
                            && !p.getFileName().toString().equals("index.csv"))
                    .forEach(tables::add);
        }
        assertThat(tables).isNotEmpty();
        int withheld = 0;
        for (Path t : tables) {
            TableAttack.Result a = TableAttack.attack(Files.readAllLines(t, StandardCharsets.UTF_8));
            assertThat(a.recovered())
                    .as("%s: withheld counts worked out", t.getFileName())
                    .isEmpty();
            assertThat(a.smallPublished())
                    .as("%s: counts from 1 to k-1 published", t.getFileName())
                    .isZero();
            withheld += a.withheld();
        }
        assertThat(withheld).as("the attack had withheld counts to work on").isPositive();
    }

    @Test
    void the_task_force_profile_link_finds_no_case_whose_profile_covers_fewer_than_three_task_forces()
            throws Exception {
        ReleaseResult r = largePublic();
        assertThat(r.microdata())
                .as("the 2,000-case study is released as microdata")
                .isTrue();
        assertThat(r.dir().resolve("task_force")).doesNotExist();
        assertThat(ReleasedPackages.csv(r, "case").header()).doesNotContain("TF_ID");
        int atRisk = ReleaseAttacks.profileLink(r, large(), ReleaseAttacks.key(largeKey), GroupProfile.MIN_GROUPS);
        assertThat(atRisk).isZero();
    }

    @Test
    void docket_matching_on_dates_charge_disposition_and_sentence_finds_every_sentenced_suspect_among_k_cases()
            throws Exception {
        ReleaseResult r = largePublic();
        int[] docket = ReleaseAttacks.docket(r, large(), ReleaseAttacks.key(largeKey), K);
        assertThat(docket[2]).as("sentenced suspects to look for").isPositive();
        assertThat(docket[1]).as("suspects matched by exactly one released row").isZero();
        assertThat(docket[0]).as("suspects matched by fewer than k cases").isZero();
    }

    @Test
    void suppressed_years_cannot_be_narrowed_from_the_released_intervals() throws Exception {
        assertThat(ReleaseAttacks.yearRestoration(largePublic())).isZero();
    }

    @Test
    void a_second_public_release_of_a_snapshot_at_another_k_is_refused_and_the_same_settings_give_the_same_values()
            throws Exception {
        Path register = GeneratedSnapshots.root().resolve("register").resolve("releases.json");
        Path parent = GeneratedSnapshots.root().resolve("differencing");
        ReleaseBuilder first = ReleaseBuilder.of(GeneratedSnapshots.demo())
                .withTimestamp(ReleasedPackages.AT)
                .withDisclosure(DisclosureOptions.defaults().withRegister(register));
        ReleaseResult a = first.build(parent.resolve("k11"));
        assertThatThrownBy(() ->
                        first.withThresholds(Thresholds.defaults().withK(5)).build(parent.resolve("k5")))
                .isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("can be differenced");
        assertThat(parent.resolve("k5")).doesNotExist();
        ReleaseResult b = first.build(parent.resolve("k11-again"));
        assertThat(new ReleaseRegister(register).entries()).hasSize(2);
        assertThat(b.microdata()).isEqualTo(a.microdata());
        if (a.microdata()) {
            assertThat(withoutIdentifiers(b, "victim")).isEqualTo(withoutIdentifiers(a, "victim"));
        } else {
            Path t = Path.of(AggregateTables.FOLDER, "index.csv");
            assertThat(Files.readString(b.dir().resolve(t)))
                    .isEqualTo(Files.readString(a.dir().resolve(t)));
        }
    }

    /** The rows of a released dataset without its identifier columns (pseudonyms differ per release), sorted. */
    private static List<String> withoutIdentifiers(ReleaseResult r, String dataset) {
        ReleasedPackages.Csv csv = ReleasedPackages.csv(r, dataset);
        List<String> out = new ArrayList<>();
        for (List<String> row : csv.rows()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (!csv.header().get(i).endsWith("_ID")) {
                    b.append(row.get(i)).append('|');
                }
            }
            out.add(b.toString());
        }
        out.sort(null);
        return out;
    }
}

package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.release.disclosure.Thresholds;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.synth.StudyGenerator;

/** The processing log finds the coding errors of a snapshot taken despite them, and names no value. */
class ProcessingLogTest {

    private static Snapshot withErrors;

    /** A small study with three coding errors, frozen despite them (as {@code tfeval demo} does). */
    private static synchronized Snapshot withErrors() {
        if (withErrors == null) {
            withErrors = GeneratedSnapshots.generate(
                    StudyGenerator.defaults()
                            .withCases(60)
                            .withSites(3)
                            .withSeed(5)
                            .withErrors(false),
                    "errors",
                    data -> {
                        CSVRecord victim = first(data.resolve("victim.csv"));
                        CSVRecord kase = first(data.resolve("case.csv"));
                        GeneratedSnapshots.setCell(
                                data.resolve("victim.csv"),
                                "VICTIM_ID",
                                victim.get("VICTIM_ID"),
                                "V_AGE",
                                "130"); // out of range
                        GeneratedSnapshots.setCell(
                                data.resolve("case.csv"),
                                "CASE_ID",
                                kase.get("CASE_ID"),
                                "LOCATION",
                                "77"); // undocumented code
                        GeneratedSnapshots.setCell(
                                data.resolve("case.csv"),
                                "CASE_ID",
                                kase.get("CASE_ID"),
                                "CASE_OPEN_DATE",
                                "2029-12-31"); // dates out of order
                    });
        }
        return withErrors;
    }

    @Test
    void counts_each_kind_of_coding_error_by_variable_or_rule_without_naming_records_or_values() throws Exception {
        Snapshot sn = withErrors();
        ProcessingLog log = ProcessingLog.run(sn, ProgressListener.NONE);
        Map<String, ProcessingLog.Check> byName = new java.util.HashMap<>();
        log.checks().forEach(c -> byName.put(c.name(), c));
        assertThat(byName.get("Out-of-range values").findings()).containsEntry("victim.V_AGE", 1L);
        assertThat(byName.get("Undocumented codes").findings()).containsEntry("case.LOCATION", 1L);
        assertThat(byName.get("Consistency rules").findings()).containsEntry("case.case_dates_in_order", 1L);
        assertThat(byName.get("Unique keys").findings()).isEmpty();
        assertThat(byName.get("Links to parent records").findings()).isEmpty();
        assertThat(byName.get("Snapshot integrity").findings()).isEmpty();
        String text = log.text();
        assertThat(text)
                .contains("victim.V_AGE")
                .contains("1 problem.")
                .doesNotContain("130")
                .doesNotContain("2029-12-31");
        CSVRecord victim = first(GeneratedSnapshots.root().resolve("errors/data/victim.csv"));
        assertThat(text).doesNotContain(victim.get("VICTIM_ID"));
    }

    @Test
    void a_snapshot_taken_despite_coding_errors_is_released_with_the_errors_in_its_processing_log() throws Exception {
        Path root = Files.createTempDirectory(GeneratedSnapshots.root(), "errors-");
        ReleaseResult r = ReleaseBuilder.of(withErrors())
                .withThresholds(Thresholds.defaults()
                        .withK(3)
                        .withMaxSuppressedValueShare(1)
                        .withMaxRemovedCaseShare(1)
                        .withMaxLoss(1))
                .build(root.resolve("public"));
        assertThat(Files.readString(r.dir().resolve(ReleaseBuilder.PROCESSING_LOG)))
                .contains("victim.V_AGE")
                .contains("case.LOCATION")
                .contains("case.case_dates_in_order");
        // the case closed "before" it opened gives a blank interval (unless generalization or k takes the case),
        // never a negative number that reads as a missing code
        assertThat(ReleasedPackages.csv(r, "case").values("CASE_DAYS_OPEN_TO_CLOSE"))
                .noneMatch(d -> d.startsWith("-") && !d.matches("-[6-9]"));
        assertThat(ReleasedPackages.csv(r, "victim").values("V_AGE")).doesNotContain("130");
    }

    @Test
    void invalid_values_are_set_to_a_missing_code_before_release_and_the_log_records_the_action() throws Exception {
        Path root = Files.createTempDirectory(GeneratedSnapshots.root(), "treated-");
        ReleaseResult r = ReleaseBuilder.of(withErrors())
                .withLevel(org.tfeval.instrument.ReleaseLevel.RESTRICTED)
                .build(root.resolve("restricted"));
        // restricted files keep every value as it is: the planted age of 130 and the undocumented location 77 would
        // be there if they were passed on
        java.util.List<String> ages = ReleasedPackages.csv(r, "victim").values("V_AGE");
        java.util.List<String> locations = ReleasedPackages.csv(r, "case").values("LOCATION");
        assertThat(ages).doesNotContain("130").contains("-8");
        assertThat(locations).doesNotContain("77").contains("-8");
        // the snapshot had no -8 in either column: exactly the planted cells were treated
        assertThat(ages.stream().filter("-8"::equals).count())
                .isEqualTo(1 + countIn(withErrors(), "victim.csv", "V_AGE", "-8"));
        assertThat(locations.stream().filter("-8"::equals).count())
                .isEqualTo(1 + countIn(withErrors(), "case.csv", "LOCATION", "-8"));
        String log = Files.readString(r.dir().resolve(ReleaseBuilder.PROCESSING_LOG));
        assertThat(log)
                .containsPattern("victim\\.V_AGE\\s+out of range\\s+1 record: set to missing code -8 \\(Unknown")
                .containsPattern("case\\.LOCATION\\s+undocumented code\\s+1 record: set to missing code -8 \\(Unknown")
                .doesNotContain("130");
        // the codebook counts the treated cells as missing, never as a value of a category
        String codebook = Files.readString(r.dir().resolve("case/case.html"));
        assertThat(codebook).doesNotContain(">77<");
    }

    private static long countIn(Snapshot sn, String file, String column, String value) throws Exception {
        Path csv = GeneratedSnapshots.root().resolve("errors/data").resolve(file);
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .filter(rec -> rec.get(column).equals(value))
                    .count();
        }
    }

    private static CSVRecord first(Path csv) throws java.io.IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords()
                    .get(0);
        }
    }
}

package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.analysis.data.StudyData;
import org.tfeval.snapshot.Snapshot;

/** Every analysis on a real snapshot: named, documented, written as JSON that names the snapshot, reproducible. */
class AnalysisSuiteTest {
    static Snapshot snapshot;
    static StudyResults results;

    @BeforeAll
    static void run() {
        snapshot = SyntheticSnapshots.standard();
        results = AnalysisSuite.standard().withVersion("test").run(snapshot);
    }

    /** Tables that are empty for a snapshot without a recorded draw and without double-coded files. */
    static final java.util.Set<String> EMPTY_WITHOUT_DRAW_OR_DOUBLE_CODING =
            java.util.Set.of("coding-reliability/agreement", "sample-design/draw");

    @Test
    void every_analysis_is_named_documented_and_returns_tables() {
        List<String> ids = new ArrayList<>();
        for (AnalysisResult a : results.analyses()) {
            ids.add(a.analysis());
            assertThat(a.method()).as(a.analysis()).isNotBlank();
            assertThat(a.tables()).as(a.analysis()).isNotEmpty();
            a.tables().forEach(t -> {
                // a snapshot of generated files has no recorded draw and no double coding: those tables are empty
                // and say why in a note
                if (EMPTY_WITHOUT_DRAW_OR_DOUBLE_CODING.contains(a.analysis() + "/" + t.id())) {
                    assertThat(t.rowCount()).isZero();
                    assertThat(t.notes()).isNotEmpty();
                } else {
                    assertThat(t.rowCount()).as(a.analysis() + "/" + t.id()).isPositive();
                }
            });
        }
        assertThat(ids)
                .containsExactly(
                        "sample",
                        "funnel",
                        "charging",
                        "identification",
                        "survivors",
                        "disparity",
                        "disposition",
                        "prediction",
                        "comparison",
                        "coding-reliability",
                        "sample-design");
    }

    @Test
    void results_are_written_as_json_naming_the_snapshot_and_read_back_unchanged(@TempDir Path dir) throws Exception {
        results.write(dir);
        ObjectMapper json = new ObjectMapper();
        for (AnalysisResult a : results.analyses()) {
            JsonNode n =
                    json.readTree(dir.resolve(StudyResults.fileOf(a.analysis())).toFile());
            assertThat(n.path("snapshot").path("id").asText()).isEqualTo(snapshot.id());
            assertThat(n.path("snapshot").path("synthetic").asBoolean()).isTrue();
            assertThat(n.path("tables").size()).isEqualTo(a.tables().size());
        }
        StudyResults back = StudyResults.read(dir);
        assertThat(back).isEqualTo(results);
    }

    @Test
    void the_same_snapshot_gives_byte_identical_results(@TempDir Path dir) throws Exception {
        results.write(dir.resolve("a"));
        AnalysisSuite.standard()
                .withVersion("test")
                .run(StudyData.load(snapshot))
                .write(dir.resolve("b"));
        try (var s = Files.list(dir.resolve("a"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                assertThat(Files.readString(dir.resolve("b").resolve(p.getFileName())))
                        .as(p.getFileName().toString())
                        .isEqualTo(Files.readString(p));
            }
        }
    }

    @Test
    void analyses_read_only_the_snapshot_folder_so_a_copy_of_it_gives_the_same_results(@TempDir Path dir)
            throws Exception {
        Path copy = dir.resolve(snapshot.id());
        Files.createDirectories(copy);
        try (var s = Files.list(snapshot.dir())) {
            for (Path p : (Iterable<Path>) s::iterator) Files.copy(p, copy.resolve(p.getFileName()));
        }
        StudyResults fromCopy = AnalysisSuite.standard().withVersion("test").run(Snapshot.open(copy));
        assertThat(fromCopy).isEqualTo(results);
    }
}

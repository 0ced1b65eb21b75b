package org.tfeval.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.release.pipeline.ReleaseBuilder;
import org.tfeval.synth.StudyGenerator;
import org.tfeval.testkit.PostgresExtension;

/** The study layer's preconditions, for every adapter alike. */
@ExtendWith(PostgresExtension.class)
class StudyTest {
    @TempDir
    Path dir;

    static String url(ConnectionSettings db) {
        return db.jdbcUrl()
                .replaceFirst("^jdbc:postgresql://", "postgresql://" + db.user() + ":" + db.password() + "@");
    }

    /** A small clean study on the given database. */
    Study cleanStudy(ConnectionSettings db) {
        Study s = Study.create(dir.resolve("s"), "ecm", true, url(db));
        Path data = s.folder().syntheticFiles();
        StudyGenerator.defaults()
                .withCases(40)
                .withSites(4)
                .withErrors(false)
                .generate(s.instrument(), data, org.tfeval.synth.ProgressListener.none());
        assertThat(s.importForms(data, "test", "test data", ProgressListener.NONE, r -> {}))
                .isTrue();
        return s;
    }

    @Test
    void a_study_that_cannot_reach_its_database_is_not_left_half_made() {
        Path target = dir.resolve("new-study");
        assertThatThrownBy(() -> Study.create(target, "ecm", false, "postgresql://nobody@127.0.0.1:1/none"))
                .isInstanceOf(RuntimeException.class);
        assertThat(target).doesNotExist();
        // and the same folder can be used again
        assertThatThrownBy(() -> StudyFolder.at(target))
                .isInstanceOf(Problem.Usage.class)
                .hasMessageContaining("no study in");
    }

    @Test
    void a_second_study_in_the_same_folder_is_a_usage_problem_and_the_first_stays(ConnectionSettings db)
            throws Exception {
        try (Study s = Study.create(dir.resolve("s"), "ecm", false, url(db))) {
            assertThat(s.folder().dir()).isDirectory();
        }
        assertThatThrownBy(() -> Study.create(dir.resolve("s"), "ecm", false, url(db)))
                .isInstanceOf(Problem.Usage.class)
                .hasMessageContaining("already holds a study");
        assertThat(dir.resolve("s").resolve("tfeval-study.yaml")).isRegularFile();
    }

    @Test
    void freeze_is_refused_while_validation_errors_remain_unless_allowed_and_the_manifest_records_it(
            ConnectionSettings db) throws Exception {
        try (Study s = cleanStudy(db)) {
            String caseId = Files.readAllLines(s.folder().syntheticFiles().resolve("case.csv"))
                    .get(1)
                    .split(",")[0];
            s.edit("case", List.of(caseId), Map.of("CASE_CLOSE_DATE", "1990-01-02"), "planted by the test", "test");
            assertThatThrownBy(() -> s.freeze(new Study.Freeze("test", false, "t"), ProgressListener.NONE))
                    .isInstanceOf(Problem.Refused.class)
                    .hasMessageContaining("validation found");
            assertThat(s.folder().listSnapshots()).isEmpty();
            assertThat(s.folder().reports().resolve(Study.VALIDATION_HTML))
                    .as("the reports say why")
                    .isRegularFile();
            Study.Frozen f = s.freeze(new Study.Freeze("test", true, "t"), ProgressListener.NONE);
            assertThat(f.snapshot().allowErrors()).isTrue();
            assertThat(s.folder().listSnapshots())
                    .extracting(sn -> sn.id())
                    .containsExactly(f.snapshot().id());
            assertThat(s.folder()
                            .snapshot(org.tfeval.instrument.workflow.ContentHash.shortId(
                                    f.snapshot().id()))
                            .id())
                    .isEqualTo(f.snapshot().id());
        }
    }

    @Test
    void allowing_errors_on_clean_data_records_no_errors(ConnectionSettings db) {
        try (Study s = cleanStudy(db)) {
            Study.Frozen f = s.freeze(new Study.Freeze("test", true, "t"), ProgressListener.NONE);
            assertThat(f.validation().passed()).isTrue();
            assertThat(f.snapshot().allowErrors())
                    .as("nothing was allowed: there were no errors")
                    .isFalse();
        }
    }

    @Test
    void a_release_into_a_folder_that_holds_files_is_refused_before_anything_is_written(ConnectionSettings db)
            throws Exception {
        try (Study s = cleanStudy(db)) {
            var sn = s.freeze(new Study.Freeze("test", false, "t"), ProgressListener.NONE)
                    .snapshot();
            Path out = Files.createDirectories(dir.resolve("release"));
            Files.writeString(out.resolve("notes.txt"), "mine");
            assertThatThrownBy(() -> s.folder().buildRelease(ReleaseBuilder.of(sn), out))
                    .isInstanceOf(Problem.Usage.class)
                    .hasMessageContaining("not empty");
            try (var l = Files.list(out)) {
                assertThat(l.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
            }
            assertThatThrownBy(() -> s.folder().snapshot("zzzz"))
                    .isInstanceOf(Problem.Usage.class)
                    .hasMessageContaining("no snapshot zzzz");
        }
    }

    @Test
    void problems_classify_foreign_failures_once_for_both_edges() {
        assertThat(Problems.of(new IllegalArgumentException("k must be at least 2"))
                        .kind())
                .isEqualTo(Problem.Kind.USAGE);
        assertThat(Problems.of(new org.tfeval.stats.InvalidInputException(new org.tfeval.stats.InputViolation(
                                org.tfeval.stats.InputViolation.UNKNOWN_COLUMN, "x", 0, "no such column x")))
                        .kind())
                .isEqualTo(Problem.Kind.USAGE);
        assertThat(Problems.of(new IllegalStateException("boom")).kind()).isEqualTo(Problem.Kind.INTERNAL);
        Problem refused = Problem.refused("snapshot refused", "close the queries");
        assertThat(Problems.of(refused)).isSameAs(refused);
        assertThat(refused.describe()).isEqualTo("snapshot refused; close the queries");
    }
}

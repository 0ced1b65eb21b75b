package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tfeval.study.qual.QualFixture.span;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.study.Study;
import org.tfeval.testkit.PostgresExtension;

/** Every kind of codebook change on a stored codebook, and what it does to the stored codings. */
@ExtendWith(PostgresExtension.class)
class CodebookChangesTest {
    @TempDir
    Path dir;

    /** code name of each stored ordinary coding, by the coded words. */
    private static Map<String, String> codeOfWords(Study s) throws Exception {
        return s.store().tx(c -> {
            Map<String, String> m = new java.util.TreeMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT t.text, g.start_cp, g.end_cp, k.name FROM qual_coding g"
                            + " JOIN qual_transcript t ON t.id = g.transcript_id JOIN qual_code k ON k.guid = g.code"
                            + " WHERE g.round_id IS NULL")) {
                while (rs.next()) {
                    String text = rs.getString(1);
                    m.put(text.substring(rs.getInt(2), rs.getInt(3)) + "@" + rs.getInt(2), rs.getString(4));
                }
            }
            return m;
        });
    }

    @Test
    void rename_and_move_keep_codings_merge_moves_them_and_retire_blocks_new_ones(ConnectionSettings db)
            throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            CodebookChanges book = CodebookChanges.of(s);
            int v0 = book.version();
            q.code("TF01-P1-I1", span("Trust took years."), "TRUST", "c1", null);
            q.code("TF01-P1-I1", span("the shelter has no beds"), "SHELTER", "c1", null);
            q.code("TF01-P1-I1", span("Funding ends next year"), "FUNDING", "c1", null);

            CodebookChanges.Applied renamed = book.rename("TRUST", "Trust between agencies", "test");
            assertThat(renamed.version()).isEqualTo(v0 + 1);
            CodebookChanges.Applied moved = book.move("Trust between agencies", null, "test");
            assertThat(moved.codingsMoved()).isZero();
            assertThat(q.codebook()
                            .named("Trust between agencies")
                            .orElseThrow()
                            .parent())
                    .isNull();
            assertThat(codeOfWords(s)).containsValue("Trust between agencies");

            book.add("Resources", null, "", true, "test");
            book.add("Money and beds", "Resources", "Funding or shelter", false, "test");
            CodebookChanges.Applied merged = book.merge(List.of("FUNDING", "SHELTER"), "Money and beds", "test");
            assertThat(merged.codingsMoved()).isEqualTo(2);
            assertThat(codeOfWords(s).values())
                    .containsExactlyInAnyOrder("Trust between agencies", "Money and beds", "Money and beds");
            // the merged codes are retired: no new coding on them, and their first code is remembered
            assertThatThrownBy(() -> q.code("TF01-P2-I1", span("Funding ends next year"), "FUNDING", "c1", null))
                    .isInstanceOf(Problem.Usage.class);
            long remembered = s.store().tx(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs =
                                st.executeQuery("SELECT count(*) FROM qual_coding WHERE original_code IS NOT NULL")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(remembered).isEqualTo(2);

            CodebookChanges.Applied retired = book.retire("Money and beds", "test");
            assertThat(codeOfWords(s).values()).contains("Money and beds"); // kept
            assertThatThrownBy(() -> q.code("TF01-P2-I1", span("Funding ends next year"), "Money and beds", "c1", null))
                    .isInstanceOf(Problem.class);

            List<CodebookChanges.Version> history = book.history();
            assertThat(history)
                    .extracting(CodebookChanges.Version::kind)
                    .endsWith("rename", "move", "add", "add", "merge", "retire");
            assertThat(history.get(history.size() - 2).codingsMoved()).isEqualTo(2);
            assertThat(retired.version()).isEqualTo(history.size());
            assertThat(history.get(history.size() - 2).description()).contains("FUNDING", "SHELTER", "Money and beds");
            // a category cannot take codings by a merge
            assertThatThrownBy(() -> book.merge(List.of("Trust between agencies"), "Resources", "test"))
                    .isInstanceOf(Problem.Usage.class);
            long audited = s.store().tx(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs =
                                st.executeQuery("SELECT count(*) FROM audit_event WHERE action = 'codebook_change'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(audited).isEqualTo(history.size());
        }
    }

    @Test
    void a_split_places_codings_by_assignment_and_rule_and_leaves_the_rest_to_review(ConnectionSettings db)
            throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            CodebookChanges book = CodebookChanges.of(s);
            String assigned = q.code("TF01-P1-I1", span("Trust took years."), "FUNDING", "c1", null);
            q.code("TF01-P1-I1", span("Funding ends next year"), "FUNDING", "c1", null);
            q.code("TF01-P2-I1", span("We share every tip the same day."), "FUNDING", "c1", null);
            CodebookChanges.Applied split = book.split(
                    "FUNDING",
                    List.of("Funding: ending", "Funding: other"),
                    Map.of(assigned, "Funding: other"),
                    List.of(CodebookChanges.Rule.parse("Funding: ending=ends|cut")),
                    "test");
            assertThat(split.codingsMoved()).isEqualTo(2);
            assertThat(split.toReview()).isEqualTo(1);
            Map<String, String> codes = codeOfWords(s);
            assertThat(codes)
                    .containsEntry(
                            "Trust took years.@" + span("Trust took years.").start(), "Funding: other");
            assertThat(codes)
                    .containsEntry(
                            "Funding ends next year@"
                                    + span("Funding ends next year").start(),
                            "Funding: ending");
            List<CodebookChanges.Waiting> waiting = book.waiting();
            assertThat(waiting).hasSize(1);
            assertThat(waiting.get(0).span()).isEqualTo(span("We share every tip the same day."));
            // the split code is retired: no new codings
            assertThatThrownBy(() -> q.code("TF01-P2-I1", span("Trust took years."), "FUNDING", "c1", null))
                    .isInstanceOf(Problem.Usage.class);
            book.sort(waiting.get(0).coding(), "Funding: other", "test");
            assertThat(book.waiting()).isEmpty();
            assertThat(codeOfWords(s).values()).doesNotContain("FUNDING");
            assertThatThrownBy(() -> book.sort(waiting.get(0).coding(), "Funding: other", "test"))
                    .isInstanceOf(Problem.Usage.class);
            assertThatThrownBy(() -> book.split(
                            "TRUST", List.of("A", "B"), Map.of(), List.of(CodebookChanges.Rule.parse("C=x")), "test"))
                    .isInstanceOf(Problem.Usage.class);
        }
    }

    @Test
    void importing_a_qdc_is_one_version_that_retires_codes_missing_from_it(ConnectionSettings db) throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            CodebookChanges book = CodebookChanges.of(s);
            int before = book.version();
            Codebook now = q.codebook();
            Code trust = now.named("TRUST").orElseThrow();
            Codebook next = Codebook.of(List.of(trust.withParent(null).withName("Trust"), Code.of("NEW", null, "")));
            Path qdc = dir.resolve("next.qdc");
            Files.write(qdc, Qdc.write(next));
            CodebookChanges.Applied imported = book.importQdc(qdc, "test");
            assertThat(imported.version()).isEqualTo(before + 1);
            assertThat(imported.description()).contains("1 added", "1 updated", "3 retired");
            Codebook after = q.codebook();
            assertThat(after.named("Trust").orElseThrow().guid()).isEqualTo(trust.guid());
            assertThat(after.named("FUNDING")).isEmpty();
            assertThat(after.code(now.named("FUNDING").orElseThrow().guid())
                            .orElseThrow()
                            .retired())
                    .isTrue();
        }
    }
}

package org.tfeval.study.qual;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.pg.ConnectionSettings;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.refi.QdaProject;
import org.tfeval.qual.refi.Qdpx;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.Role;
import org.tfeval.testkit.PostgresExtension;

/** Memos travel in the .qdpx as REFI-QDA notes and come back onto what they were on (issue 11 item 7). */
@ExtendWith(PostgresExtension.class)
class MemoExchangeTest {
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
    void memos_export_as_notes_and_export_import_export_gives_the_same_project(ConnectionSettings db) throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            QualCoding screen = QualCoding.of(s);
            Account test = new Account(1, "test", Role.ANALYST, new TreeSet<>(), true, 0, null);
            q.code("TF01-P1-I1", QualFixture.span("Trust took years."), "TRUST", "c1", null);
            String trust = s.store()
                    .tx(c -> QualTables.codes(c).stream()
                            .filter(k -> k.name().equals("TRUST"))
                            .map(Code::guid)
                            .findFirst()
                            .orElseThrow());
            String p1 = "TF01-P1-I1";
            screen.saveMemo(
                    test,
                    p1,
                    QualCoding.MemoTarget.SEGMENT,
                    QualFixture.span("Trust took years."),
                    null,
                    "coded",
                    null,
                    null);
            screen.saveMemo(
                    test,
                    p1,
                    QualCoding.MemoTarget.SEGMENT,
                    QualFixture.span("Funding ends next year"),
                    null,
                    "uncoded",
                    null,
                    null);
            screen.saveMemo(test, p1, QualCoding.MemoTarget.TRANSCRIPT, null, null, "whole interview", null, null);
            screen.saveMemo(test, p1, QualCoding.MemoTarget.PARTICIPANT, null, null, "the person", null, null);
            screen.saveMemo(test, p1, QualCoding.MemoTarget.CODE, null, trust, "about trust", null, null);
            // P2 gave no consent to quotes: the export leaves out the transcript and the memo on it
            screen.saveMemo(test, "TF01-P2-I1", QualCoding.MemoTarget.TRANSCRIPT, null, null, "stays home", null, null);

            Path out = dir.resolve("memos.qdpx");
            q.exportProject(out, "test");
            Qdpx.Imported first = Qdpx.read(out);
            QdaProject p = first.project();
            assertThat(first.dataLoss()).isEmpty();
            assertThat(p.notes())
                    .extracting(QdaProject.Note::text)
                    .containsExactly("coded", "uncoded", "whole interview", "the person", "about trust");
            assertThat(p.notes()).allMatch(n -> n.creatingUser() != null);
            QdaProject.TextSource src = p.sources().get(0);
            // the coded span's selection carries its memo; the uncoded span got a selection of its own
            assertThat(src.selections()).hasSize(2);
            assertThat(p.notesOn(src.selections().get(0).guid())).hasSize(1);
            assertThat(src.selections().get(1).codings()).isEmpty();
            assertThat(src.selections().get(1).span()).isEqualTo(QualFixture.span("Funding ends next year"));
            assertThat(p.notesOn(src.guid())).hasSize(1);
            assertThat(p.notesOn(trust)).hasSize(1);
            assertThat(p.notesOn(p.cases().get(0).guid())).hasSize(1);

            // a second import of the same project adds nothing and loses nothing
            assertThat(q.importProject(out, "test")).isEmpty();
            assertThat(count(s, "SELECT count(*) FROM qual_memo")).isEqualTo(6);

            // a memo edited here since the export keeps its words, and the report says so
            s.store().tx(c -> {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE qual_memo SET body = 'edited' WHERE body = 'whole interview'")) {
                    return ps.executeUpdate();
                }
            });
            assertThat(q.importProject(out, "test")).singleElement().asString().contains("other words");
            assertThat(count(s, "SELECT count(*) FROM qual_memo WHERE body = 'edited'"))
                    .isEqualTo(1);

            // a study without the memos gets them back from the project, on the same things
            s.store().tx(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM qual_memo WHERE interview_id = 'TF01-P1-I1'"
                        + " OR participant_id = 'TF01-P1' OR target = 'code'")) {
                    return ps.executeUpdate();
                }
            });
            assertThat(count(s, "SELECT count(*) FROM qual_memo")).isEqualTo(1);
            assertThat(q.importProject(out, "test")).isEmpty();
            assertThat(count(s, "SELECT count(*) FROM qual_memo WHERE author = 'test'"))
                    .isEqualTo(6);
            Path again = dir.resolve("again.qdpx");
            q.exportProject(again, "test");
            QdaProject second = Qdpx.read(again).project();
            assertThat(second.notes()).isEqualTo(p.notes());
            assertThat(second.noteRefs()).isEqualTo(p.noteRefs());
            assertThat(second.sources()).isEqualTo(p.sources());
            assertThat(second.cases()).isEqualTo(p.cases());
            assertThat(second.users()).isEqualTo(p.users());
            // and the memos are back on the coding screen of their author
            assertThat(screen.open(test, p1).memos())
                    .extracting(QualCoding.Memo::body)
                    .contains("coded", "uncoded", "whole interview", "the person", "about trust");
        }
    }

    @Test
    void a_note_on_nothing_tfeval_keeps_memos_on_is_reported_as_lost(ConnectionSettings db) throws Exception {
        try (Study s = QualFixture.study(dir, db)) {
            Interviews q = Interviews.of(s);
            Path out = dir.resolve("plain.qdpx");
            q.exportProject(out, "test");
            QdaProject p = Qdpx.read(out).project();
            QdaProject withNote = new QdaProject(
                    p.name(),
                    p.users(),
                    p.codes(),
                    p.cases(),
                    p.sources(),
                    List.of(new QdaProject.Note("a1111111-9999-4999-8999-999999999999", "free", "free-floating")));
            Path in = dir.resolve("note.qdpx");
            Qdpx.write(withNote, in);
            assertThat(q.importProject(in, "test"))
                    .singleElement()
                    .asString()
                    .contains("a1111111-9999-4999-8999-999999999999")
                    .contains("not carried");
            assertThat(count(s, "SELECT count(*) FROM qual_memo")).isZero();
        }
    }
}

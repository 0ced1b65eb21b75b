package org.tfeval.qual.refi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.Reference;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

class RefiQdaTest {
    private static final String U1 = "11111111-1111-4111-8111-111111111111";
    private static final String CAT = "22222222-2222-4222-8222-222222222222";
    private static final String CODE = "33333333-3333-4333-8333-333333333333";
    private static final String CASE = "55555555-5555-4555-8555-555555555555";
    private static final String SRC = "66666666-6666-4666-8666-666666666666";

    @TempDir
    Path dir;

    private static QdaProject project() {
        Code cat = new Code(CAT, "Collaboration", null, false, "", "", "", "", "#3366CC", false);
        Code code = new Code(
                CODE,
                "Information sharing",
                CAT,
                true,
                "Members pass case information to each other",
                "Any mention of sharing leads or files",
                "Formal MOUs (use Agreements)",
                "\"We send every tip to the detective the same day.\"",
                null,
                false);
        CanonicalText text =
                CanonicalText.of("Interviewer: How do you share?\nP1: We send every tip \u00e0 la minute.");
        QdaProject.Selection sel = new QdaProject.Selection(
                "77777777-7777-4777-8777-777777777777",
                new Span(31, 61),
                U1,
                List.of(new QdaProject.Coding("88888888-8888-4888-8888-888888888888", CODE, U1)));
        return new QdaProject(
                "tfeval test",
                List.of(new QdaProject.User(U1, "coder1")),
                List.of(cat, code),
                List.of(new QdaProject.Case(
                        CASE, "TF01-P1", Map.of("group", "Law enforcement", "site", "TF01"), List.of(SRC))),
                List.of(new QdaProject.TextSource(SRC, "TF01-P1-I1", text, List.of(sel))),
                List.of(new QdaProject.Note("99999999-9999-4999-8999-999999999999", "memo", "Analytic memo")));
    }

    private static byte[] qdpx(QdaProject p) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Qdpx.write(p, out);
        return out.toByteArray();
    }

    @Test
    void exported_project_is_valid_against_project_xsd() throws Exception {
        XmlLint.assertValid(Qdpx.projectXml(project()), dir);
    }

    @Test
    void export_import_export_gives_the_same_bytes() throws Exception {
        byte[] first = qdpx(project());
        Qdpx.Imported back = Qdpx.read(new ByteArrayInputStream(first));
        assertThat(back.dataLoss()).isEmpty();
        assertThat(back.project()).isEqualTo(project());
        assertThat(qdpx(back.project())).isEqualTo(first);
    }

    @Test
    void the_reference_example_imports_with_its_coding_and_case_variable() throws Exception {
        byte[] qde = Files.readAllBytes(Reference.folder("refi-qda").resolve("example-project.qde"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("project.qde"));
            z.write(qde);
            z.putNextEntry(new ZipEntry("sources/" + SRC + ".txt"));
            z.write("Officer A: we share tips daily.\r\nP: yes".getBytes(StandardCharsets.UTF_8));
        }
        Qdpx.Imported in = Qdpx.read(new ByteArrayInputStream(zip.toByteArray()));
        QdaProject p = in.project();
        assertThat(p.codes()).extracting(Code::codable).containsExactly(false, true);
        assertThat(p.cases().get(0).variables()).containsEntry("role", "law enforcement");
        assertThat(p.sources().get(0).selections().get(0).span()).isEqualTo(new Span(0, 10));
        assertThat(p.notes()).extracting(QdaProject.Note::text).containsExactly("Analytic memo");
    }

    @Test
    void import_accepts_braced_upper_case_guids_and_crlf_and_maps_positions() throws Exception {
        String qde = new String(Qdpx.projectXml(project()), StandardCharsets.UTF_8)
                .replace("guid=\"" + CODE + "\"", "guid=\"{" + CODE.toUpperCase() + "}\"");
        String text = project().sources().get(0).text().text().replace("\n", "\r\n");
        // the selection started after the line end: one CR earlier in the raw text
        qde = qde.replace("startPosition=\"31\" endPosition=\"61\"", "startPosition=\"32\" endPosition=\"62\"");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("project.qde"));
            z.write(qde.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("sources/" + SRC + ".txt"));
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        QdaProject p = Qdpx.read(new ByteArrayInputStream(zip.toByteArray())).project();
        assertThat(p).isEqualTo(project());
    }

    @Test
    void export_refuses_a_coding_on_a_category_and_a_selection_beyond_the_text() {
        QdaProject good = project();
        QdaProject.Selection onCategory = new QdaProject.Selection(
                "aaaaaaaa-7777-4777-8777-777777777777",
                new Span(0, 5),
                U1,
                List.of(new QdaProject.Coding("bbbbbbbb-8888-4888-8888-888888888888", CAT, U1)));
        QdaProject.Selection beyond =
                new QdaProject.Selection("cccccccc-7777-4777-8777-777777777777", new Span(0, 500), U1, List.of());
        QdaProject.TextSource s = good.sources().get(0);
        QdaProject bad = new QdaProject(
                good.name(),
                good.users(),
                good.codes(),
                good.cases(),
                List.of(new QdaProject.TextSource(s.guid(), s.name(), s.text(), List.of(onCategory, beyond))),
                good.notes());
        List<String> problems = ProjectCheck.of(bad, Set.of(s.fileName()));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("not codable");
        assertThat(problems.get(1)).contains("beyond");
        assertThat(ProjectCheck.of(good, Set.of())).singleElement().asString().contains("missing");
        assertThatThrownBy(() -> Qdpx.projectXml(bad)).isInstanceOf(Problem.Data.class);
    }

    /** The test project with a memo on its code, its selection, its source and its case. */
    private static QdaProject memoed() {
        QdaProject p = project();
        List<QdaProject.Note> notes = List.of(
                new QdaProject.Note("a1111111-9999-4999-8999-999999999999", "memo on code", "Code memo", U1),
                new QdaProject.Note("a2222222-9999-4999-8999-999999999999", "memo on segment", "Segment memo", U1),
                new QdaProject.Note("a3333333-9999-4999-8999-999999999999", "memo on transcript", "Source memo", U1),
                new QdaProject.Note("a4444444-9999-4999-8999-999999999999", "memo on participant", "Case memo", U1));
        return new QdaProject(
                p.name(),
                p.users(),
                p.codes(),
                p.cases(),
                p.sources(),
                notes,
                Map.of(
                        CODE,
                        List.of(notes.get(0).guid()),
                        "77777777-7777-4777-8777-777777777777",
                        List.of(notes.get(1).guid()),
                        SRC,
                        List.of(notes.get(2).guid()),
                        CASE,
                        List.of(notes.get(3).guid())));
    }

    @Test
    void memos_on_a_code_a_selection_a_source_and_a_case_travel_and_stay_valid() throws Exception {
        QdaProject p = memoed();
        byte[] xml = Qdpx.projectXml(p);
        XmlLint.assertValid(xml, dir);
        String qde = new String(xml, StandardCharsets.UTF_8);
        assertThat(qde).contains("<NoteRef targetGUID=\"a2222222-9999-4999-8999-999999999999\"");
        assertThat(qde).contains("<Set ").contains("name=\"Memos on case TF01-P1\"");
        byte[] first = qdpx(p);
        Qdpx.Imported back = Qdpx.read(new ByteArrayInputStream(first));
        assertThat(back.dataLoss()).isEmpty();
        assertThat(back.project()).isEqualTo(p);
        assertThat(back.project().notesOn(CASE)).containsExactly("a4444444-9999-4999-8999-999999999999");
        assertThat(qdpx(back.project())).isEqualTo(first);
    }

    @Test
    void a_note_reference_to_a_missing_note_is_refused() {
        QdaProject p = project();
        QdaProject bad = new QdaProject(
                p.name(),
                p.users(),
                p.codes(),
                p.cases(),
                p.sources(),
                p.notes(),
                Map.of(CODE, List.of("deadbeef-9999-4999-8999-999999999999")));
        assertThatThrownBy(() -> Qdpx.projectXml(bad))
                .isInstanceOf(Problem.Data.class)
                .hasMessageContaining("not found");
    }

    @Test
    void a_set_that_is_not_a_case_memo_set_is_reported_as_lost() throws Exception {
        String qde = new String(Qdpx.projectXml(memoed()), StandardCharsets.UTF_8)
                .replace("name=\"Memos on case TF01-P1\"", "name=\"My favourite quotes\"");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("project.qde"));
            z.write(qde.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("sources/" + SRC + ".txt"));
            z.write(project().sources().get(0).text().text().getBytes(StandardCharsets.UTF_8));
        }
        Qdpx.Imported in = Qdpx.read(new ByteArrayInputStream(zip.toByteArray()));
        assertThat(in.dataLoss()).singleElement().asString().contains("set ").contains("not carried");
        assertThat(in.project().notesOn(CASE)).isEmpty();
        assertThat(in.project().notes()).hasSize(4);
    }

    @Test
    void a_project_with_a_dtd_is_refused() {
        String qde = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"&x;\"/>";
        assertThatThrownBy(() -> {
                    ByteArrayOutputStream zip = new ByteArrayOutputStream();
                    try (ZipOutputStream z = new ZipOutputStream(zip)) {
                        z.putNextEntry(new ZipEntry("project.qde"));
                        z.write(qde.getBytes(StandardCharsets.UTF_8));
                    }
                    Qdpx.read(new ByteArrayInputStream(zip.toByteArray()));
                })
                .isInstanceOf(Problem.Data.class);
    }

    @Test
    void a_codebook_round_trips_through_qdc_with_criteria_and_its_codes_validate_against_the_schema() throws Exception {
        Codebook book = Codebook.of(project().codes());
        byte[] qdc = Qdc.write(book);
        Codebook back = Qdc.read(qdc);
        assertThat(back.codes()).isEqualTo(book.codes());
        assertThat(Qdc.write(back)).isEqualTo(qdc);
        // Codebook.xsd is not in the reference folder; its Codes tree is Project.xsd's CodeBookType
        String asProject = new String(qdc, StandardCharsets.UTF_8)
                .replace(
                        "<CodeBook xmlns=\"" + Qdc.NAMESPACE + "\" origin=\"tfeval\">",
                        "<Project xmlns=\"" + Qdpx.NAMESPACE + "\" name=\"qdc\"><CodeBook>")
                .replace("</CodeBook>", "</CodeBook></Project>");
        XmlLint.assertValid(asProject.getBytes(StandardCharsets.UTF_8), dir);
    }
}

package org.tfeval.qual.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.Problem;

class TranscriptReaderTest {
    private static ParsedTranscript read(String text, TranscriptFormat f) {
        return TranscriptReader.read(text.getBytes(StandardCharsets.UTF_8), f);
    }

    @Test
    void text_becomes_nfc_with_line_feeds_and_turns_start_at_speaker_markers() {
        // "Jose\u0301" is decomposed; CRLF line ends; a colon inside a sentence is not a speaker
        String raw =
                "\uFEFFInterviewer: How did it start?\r\n\r\nP1: Jose\u0301 called us. The thing is: we had no unit.\r\n"
                        + "It took months.  \r\nInterviewer: Thanks.\r\n";
        ParsedTranscript t = read(raw, TranscriptFormat.TXT);
        assertThat(t.text().text())
                .isEqualTo("Interviewer: How did it start?\n\nP1: Jos\u00e9 called us. The thing is: we had no unit.\n"
                        + "It took months.\nInterviewer: Thanks.");
        assertThat(t.text().sha256()).isEqualTo(ContentHash.sha256(t.text().text()));
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly("Interviewer", "P1", "Interviewer");
        Turn p1 = t.turns().get(1);
        assertThat(t.text().slice(p1.span()))
                .isEqualTo("P1: Jos\u00e9 called us. The thing is: we had no unit.\nIt took months.");
        assertThat(t.speakers()).containsExactly("Interviewer", "P1");
    }

    @Test
    void positions_count_code_points_not_utf16_units() {
        ParsedTranscript t = read("A: \uD83D\uDE00 ok\nB: fine", TranscriptFormat.TXT);
        // the emoji is one code point (two UTF-16 units)
        assertThat(t.turns().get(0).span().end()).isEqualTo(7);
        assertThat(t.turns().get(1).span().start()).isEqualTo(8);
        assertThat(t.text().length()).isEqualTo(15);
    }

    @Test
    void vtt_voices_and_cue_times_become_turns_with_consecutive_cues_merged() {
        String vtt = "WEBVTT\n\nNOTE recorded by the team\n\n1\n00:00:01.000 --> 00:00:04.500\n<v Interviewer>How did"
                + " it start?</v>\n\n00:00:05.000 --> 00:00:07.000\n<v Maria Lopez>We got a tip &amp; a call.\n\n"
                + "00:00:07.200 --> 00:01:02.250 align:start\n<v Maria Lopez>Then <i>nothing</i> for weeks.\n";
        ParsedTranscript t = read(vtt, TranscriptFormat.VTT);
        assertThat(t.text().text())
                .isEqualTo(
                        "Interviewer: How did it start?\nMaria Lopez: We got a tip & a call. Then nothing for weeks.");
        assertThat(t.turns()).hasSize(2);
        Turn second = t.turns().get(1);
        assertThat(second.cueStart()).isEqualTo(Duration.ofSeconds(5));
        assertThat(second.cueEnd()).isEqualTo(Duration.ofMillis(62_250));
        assertThat(t.text().slice(second.span())).startsWith("Maria Lopez: We got");
    }

    @Test
    void srt_speakers_come_from_name_markers() {
        String srt = "1\n00:00:01,000 --> 00:00:02,000\nQ: Who leads?\n\n2\n00:00:02,500 --> 00:00:04,000\n"
                + "R: The sheriff.\n\n3\n00:00:04,000 --> 00:00:05,000\nMostly.\n";
        ParsedTranscript t = read(srt, TranscriptFormat.SRT);
        assertThat(t.text().text()).isEqualTo("Q: Who leads?\nR: The sheriff. Mostly.");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly("Q", "R");
    }

    @Test
    void docx_paragraphs_are_read_from_word_document_xml() throws IOException {
        String xml =
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>Interviewer: Hello</w:t></w:r><w:r><w:t xml:space=\"preserve\"> there.</w:t></w:r></w:p>"
                        + "<w:p><w:r><w:t>P2: Hi.</w:t></w:r></w:p></w:body></w:document>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        ParsedTranscript t = TranscriptReader.read(bytes.toByteArray(), TranscriptFormat.DOCX);
        assertThat(t.text().text()).isEqualTo("Interviewer: Hello there.\nP2: Hi.");
        assertThat(t.turns()).extracting(Turn::speaker).containsExactly("Interviewer", "P2");
    }

    @Test
    void a_docx_with_an_external_entity_is_refused_without_reading_the_entity() throws IOException {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> TranscriptReader.read(bytes.toByteArray(), TranscriptFormat.DOCX))
                .isInstanceOf(Problem.Data.class);
    }

    @Test
    void an_unknown_extension_is_a_usage_problem() {
        assertThatThrownBy(() -> TranscriptFormat.ofFileName("notes.pdf")).isInstanceOf(Problem.Usage.class);
    }
}

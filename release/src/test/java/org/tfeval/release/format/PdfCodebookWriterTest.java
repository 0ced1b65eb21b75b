package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;

class PdfCodebookWriterTest {
    private static final int ROWS = 300;
    private static final int THRESHOLD = 40;
    private static final WriteOptions OPTIONS =
            WriteOptions.defaults().withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8));

    @TempDir
    Path dir;

    private String text(WriteOptions options) throws Exception {
        Path file = dir.resolve("victims.pdf");
        WrittenFile written = FileFormat.PDF_CODEBOOK
                .writer(options)
                .write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), file);
        assertThat(written.rowCount()).isEqualTo(ROWS);
        assertThat(Files.readAllBytes(file)).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("Codebook: ");
            return new PDFTextStripper().getText(doc);
        }
    }

    private static long count(long code) {
        return TestDatasets.normalisedVictims(ROWS).stream()
                .filter(r -> r[1] instanceof MissingCode m
                        ? m.code() == code
                        : Long.valueOf(code).equals(r[1]))
                .count();
    }

    @Test
    void lists_every_variable_with_label_question_and_code_frequencies() throws Exception {
        String text = text(OPTIONS);
        assertThat(text).contains(ROWS + " rows, 12 variables.");
        TestDatasets.victims().variables().forEach(v -> assertThat(text).contains(v.name()));
        assertThat(text).contains("What type of trafficking does the case file describe?");
        for (long code : TestDatasets.victims()
                .variable("HT_TYPE")
                .orElseThrow()
                .valueLabels()
                .keySet()) {
            String label = TestDatasets.victims()
                    .variable("HT_TYPE")
                    .orElseThrow()
                    .valueLabels()
                    .get(code);
            assertThat(text)
                    .containsPattern(
                            "(?m)^" + code + " " + java.util.regex.Pattern.quote(label) + " " + count(code) + " ");
        }
    }

    @Test
    void shows_small_frequencies_as_below_the_threshold_as_the_html_codebook_does() throws Exception {
        String text = text(OPTIONS.withSuppressBelow(THRESHOLD));
        assertThat(text).contains("Frequencies from 1 to " + (THRESHOLD - 1) + " are shown as <" + THRESHOLD);
        var ht = TestDatasets.victims().variable("HT_TYPE").orElseThrow();
        int hidden = 0;
        for (long code : ht.valueLabels().keySet()) {
            long n = count(code);
            if (n > 0 && n < THRESHOLD) {
                assertThat(text)
                        .containsPattern("(?m)^" + code + " "
                                + java.util.regex.Pattern.quote(ht.valueLabels().get(code)) + " <" + THRESHOLD);
                assertThat(text)
                        .doesNotContainPattern("(?m)^" + code + " "
                                + java.util.regex.Pattern.quote(ht.valueLabels().get(code)) + " " + n + " ");
                hidden++;
            }
        }
        assertThat(hidden).as("the fixture has small cells").isPositive();
    }

    @Test
    void is_pdf_a_2b_with_every_font_embedded_xmp_identification_and_an_srgb_output_intent() throws Exception {
        Path file = dir.resolve("archive.pdf");
        FileFormat.PDF_CODEBOOK
                .writer(OPTIONS.withSuppressBelow(THRESHOLD))
                .write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), file);
        // pdffonts (poppler): one line per font; the "emb" column must say yes for every one
        ExternalTools.require("pdffonts", "poppler-utils");
        String fonts = ExternalTools.run(dir, "pdffonts", file.toString());
        java.util.List<String> rows =
                fonts.lines().skip(2).filter(l -> !l.isBlank()).toList();
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).containsPattern("\\byes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"));
        assertThat(fonts).contains("LiberationSans");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            var catalog = doc.getDocumentCatalog();
            org.apache.xmpbox.XMPMetadata xmp = new org.apache.xmpbox.xml.DomXmpParser()
                    .parse(catalog.getMetadata().toByteArray());
            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(2);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle())
                    .isEqualTo(doc.getDocumentInformation().getTitle());
            assertThat(xmp.getAdobePDFSchema().getProducer())
                    .isEqualTo(doc.getDocumentInformation().getProducer());
            assertThat(catalog.getOutputIntents()).hasSize(1);
            assertThat(catalog.getOutputIntents().get(0).getDestOutputIntent()).isNotNull();
            assertThat(catalog.getOutputIntents().get(0).getOutputConditionIdentifier())
                    .isEqualTo("sRGB IEC61966-2.1");
            assertThat(doc.getDocument().getDocumentID()).isNotNull();
            assertThat(doc.getPage(0).getResources().getFontNames())
                    .allSatisfy(name -> assertThat(
                                    doc.getPage(0).getResources().getFont(name).isEmbedded())
                            .isTrue());
        }
    }

    @Test
    void the_same_codebook_written_at_the_same_time_is_the_same_file() throws Exception {
        Path a = dir.resolve("a.pdf");
        Path b = dir.resolve("b.pdf");
        FileFormat.PDF_CODEBOOK.writer(OPTIONS).write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), a);
        FileFormat.PDF_CODEBOOK.writer(OPTIONS).write(TestDatasets.victims(), TestDatasets.victimRows(ROWS), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }
}

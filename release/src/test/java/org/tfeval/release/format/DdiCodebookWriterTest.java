package org.tfeval.release.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.MissingCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DdiCodebookWriterTest {
    private static final int ROWS = 300;
    /** High enough that some of the ~300/9 cells of HT_TYPE fall under it, low enough that some do not. */
    private static final int THRESHOLD = 40;

    private static final String NS = DdiCodebookWriter.NAMESPACE;
    private static final WriteOptions OPTIONS = WriteOptions.defaults()
            .withTimestamp(LocalDateTime.of(2024, 5, 6, 7, 8))
            .withStudy("Evaluation of human trafficking task forces", "TFEVAL-2024-DS2")
            .withDescribedFiles(List.of("victims.csv", "victims.dta", "victims.sav", "victims.xpt"));

    @TempDir
    Path dir;

    static Path schema() {
        return Path.of(
                System.getProperty("tfeval.shared", "/work/shared"), "reference", "ddi-codebook-2.5", "codebook.xsd");
    }

    private Path write(WriteOptions options, long rows) throws Exception {
        Path file = dir.resolve("victims-" + rows + ".xml");
        WrittenFile written = FileFormat.DDI_CODEBOOK
                .writer(options)
                .write(TestDatasets.victims(), TestDatasets.victimRows(rows), file);
        assertThat(written.rowCount()).isEqualTo(rows);
        return file;
    }

    private static void validate(Path file) throws Exception {
        ExternalTools.require("xmllint", "libxml2-utils");
        ExternalTools.run(file.getParent(), "xmllint", "--noout", "--schema", schema().toString(), file.toString());
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static Element variable(Document doc, String name) {
        NodeList vars = doc.getElementsByTagNameNS(NS, "var");
        for (int i = 0; i < vars.getLength(); i++) {
            Element v = (Element) vars.item(i);
            if (v.getAttribute("name").equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no var " + name);
    }

    /** catValu -> catStat text, with the catStat type and missing flag: "freq:13" or "other:<11", "Y|freq:3". */
    private static Map<String, String> categories(Element var) {
        Map<String, String> out = new TreeMap<>();
        NodeList cats = var.getElementsByTagNameNS(NS, "catgry");
        for (int i = 0; i < cats.getLength(); i++) {
            Element c = (Element) cats.item(i);
            Element stat = (Element) c.getElementsByTagNameNS(NS, "catStat").item(0);
            String missing = c.getAttribute("missing").equals("Y") ? "Y|" : "";
            out.put(
                    c.getElementsByTagNameNS(NS, "catValu").item(0).getTextContent(),
                    missing + stat.getAttribute("type") + ":" + stat.getTextContent());
        }
        return out;
    }

    private static String sumStat(Element var, String type) {
        NodeList stats = var.getElementsByTagNameNS(NS, "sumStat");
        for (int i = 0; i < stats.getLength(); i++) {
            Element s = (Element) stats.item(i);
            if (s.getAttribute("type").equals(type)) {
                return s.getTextContent();
            }
        }
        return null;
    }

    /** Frequencies counted directly from the rows, independently of DatasetSummary. */
    private static Map<Object, Long> counts(int column) {
        Map<Object, Long> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (Object[] row : TestDatasets.normalisedVictims(ROWS)) {
            Object cell = row[column];
            out.merge(cell instanceof MissingCode m ? m.code() : cell == null ? "null" : cell, 1L, Long::sum);
        }
        return out;
    }

    @Test
    void validates_against_the_ddi_codebook_2_5_schema() throws Exception {
        validate(write(OPTIONS, ROWS));
        validate(write(OPTIONS.withSuppressBelow(THRESHOLD), ROWS));
        validate(write(WriteOptions.defaults(), 0));
    }

    @Test
    void describes_study_files_and_variables_with_frequencies_and_missing_categories() throws Exception {
        Document doc = parse(write(OPTIONS, ROWS));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("codeBook");
        assertThat(doc.getElementsByTagNameNS(NS, "titl").item(0).getTextContent())
                .isEqualTo("Evaluation of human trafficking task forces");
        assertThat(doc.getElementsByTagNameNS(NS, "IDNo").item(0).getTextContent())
                .isEqualTo("TFEVAL-2024-DS2");
        NodeList files = doc.getElementsByTagNameNS(NS, "fileDscr");
        assertThat(files.getLength()).isEqualTo(4);
        assertThat(((Element) files.item(1)).getAttribute("URI")).isEqualTo("victims.dta");
        assertThat(doc.getElementsByTagNameNS(NS, "caseQnty").item(2).getTextContent())
                .isEqualTo(Integer.toString(ROWS));
        assertThat(doc.getElementsByTagNameNS(NS, "var").getLength())
                .isEqualTo(TestDatasets.victims().size());

        Element htType = variable(doc, "HT_TYPE");
        assertThat(htType.getAttribute("files")).isEqualTo("F1 F2 F3 F4");
        assertThat(htType.getElementsByTagNameNS(NS, "labl").item(0).getTextContent())
                .isEqualTo("Type of trafficking");
        assertThat(htType.getElementsByTagNameNS(NS, "qstnLit").item(0).getTextContent())
                .isEqualTo("What type of trafficking does the case file describe?");
        Map<Object, Long> expected = counts(1);
        Map<String, String> cats = categories(htType);
        List<String> want = new ArrayList<>();
        for (long code = 1; code <= 4; code++) {
            assertThat(cats).containsEntry(Long.toString(code), "freq:" + expected.get(code));
        }
        for (MissingCode m : MissingCode.values()) {
            assertThat(cats).containsEntry(Long.toString(m.code()), "Y|freq:" + expected.get(m.code()));
            want.add(Long.toString(m.code()));
        }
        assertThat(cats).hasSize(8).containsKeys(want.toArray(String[]::new));
        long valid = expected.entrySet().stream()
                .filter(e -> e.getKey() instanceof Long l && l > 0)
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(sumStat(htType, "vald")).isEqualTo(Long.toString(valid));
        assertThat(sumStat(htType, "invd")).isEqualTo(Long.toString(ROWS - valid));

        Element date = variable(doc, "INCIDENT_DATE");
        // restricted codebooks are published openly: the 5th earliest month, never the first date
        assertThat(sumStat(date, "min")).isNull();
        assertThat(sumStat(date, "other")).isEqualTo("1899-12");
        Element format = (Element) date.getElementsByTagNameNS(NS, "varFormat").item(0);
        assertThat(format.getAttribute("category")).isEqualTo("date");
    }

    @Test
    void frequencies_under_the_threshold_are_suppressed_and_never_given_as_counts() throws Exception {
        Document doc = parse(write(OPTIONS.withSuppressBelow(THRESHOLD), ROWS));
        Map<Object, Long> expected = counts(1);
        Map<String, String> cats = categories(variable(doc, "HT_TYPE"));
        int hidden = 0;
        for (Map.Entry<Object, Long> e : expected.entrySet()) {
            String shown = cats.get(e.getKey().toString()).replace("Y|", "");
            if (e.getValue() < THRESHOLD) {
                assertThat(shown).isEqualTo("other:<" + THRESHOLD);
                hidden++;
            } else {
                assertThat(shown).isEqualTo("freq:" + e.getValue());
            }
        }
        assertThat(hidden).as("the fixture has small cells").isPositive();
        NodeList stats = doc.getElementsByTagNameNS(NS, "catStat");
        for (int i = 0; i < stats.getLength(); i++) {
            Element s = (Element) stats.item(i);
            if (s.getAttribute("type").equals("freq")) {
                long n = Long.parseLong(s.getTextContent());
                assertThat(n == 0 || n >= THRESHOLD).as("freq " + n).isTrue();
            }
        }
    }
}

package org.tfeval.report.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.InstrumentLoader;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.MeasureCatalogueLoader;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.compare.CaseRecord;
import org.tfeval.measures.compare.Comparison;
import org.tfeval.measures.compare.Difference;
import org.tfeval.measures.frozen.FrozenMeasures;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.measures.synthetic.SyntheticMeasures;
import org.tfeval.report.document.Cell;
import org.tfeval.report.document.Document;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.write.CsvStudy;
import org.tfeval.snapshot.write.SnapshotWriter;
import org.tfeval.synth.StudyGenerator;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The performance-measures chapter and task-force series, read from a snapshot alone; every generated sentence
 * with a figure is recomputed from the printed table it cites.
 */
class MeasuresChapterTest {
    static final MeasureCatalogue CATALOGUE = MeasureCatalogueLoader.builtIn();
    static final int THRESHOLD = 11;
    static final List<String> SITES = List.of("TF01", "TF02", "TF03", "TF04", "TF05");

    @TempDir
    static Path dir;

    static Snapshot plain;
    static Snapshot withMeasures;
    static FrozenMeasures frozen;

    @BeforeAll
    static void snapshots() throws IOException {
        Instrument ins = InstrumentLoader.builtIn("ecm");
        StudyGenerator.defaults()
                .withCases(40)
                .withSites(SITES.size())
                .withSeed(7)
                .withErrors(false)
                .generate(ins, dir.resolve("data"), org.tfeval.synth.ProgressListener.none());
        List<SyntheticMeasures.Site> sites = new ArrayList<>();
        for (int i = 0; i < SITES.size(); i++)
            sites.add(new SyntheticMeasures.Site(SITES.get(i), 2018 + i % 2, 0.5 + i));
        SyntheticMeasures.Generated g =
                SyntheticMeasures.defaults().withSeed(11).withPlantedGaps(3).generate(CATALOGUE, sites);
        // computed counts: half of each reported investigations total, one record each (a fixture, not the store)
        List<Comparison> comparisons = new ArrayList<>();
        List<CaseRecord> records = new ArrayList<>();
        for (MeasureValue v : g.values()) {
            if (!v.measureId().equals("LE_INVESTIGATIONS")
                    || !v.disaggregation().isTotal()) continue;
            long computed = v.value() / 2;
            comparisons.add(new Comparison(
                    v.tfId(), v.measureId(), v.quarter(), v.value(), computed, Difference.of(v.value(), computed)));
            for (long k = 0; k < computed; k++)
                records.add(new CaseRecord(
                        v.tfId(),
                        v.tfId() + "-" + v.quarter().code() + "-" + k,
                        v.quarter().start()));
        }
        FrozenMeasures m = new FrozenMeasures(
                CATALOGUE,
                MeasureCatalogueLoader.builtInSource(),
                List.of(new FrozenMeasures.CatalogueVersion(CATALOGUE.version(), CATALOGUE.id(), CATALOGUE.sha256())),
                g.values().stream()
                        .map(v -> new FrozenMeasures.Reported(v, CATALOGUE.version()))
                        .toList(),
                comparisons,
                Map.of("LE_INVESTIGATIONS", records),
                Reconciler.of(CATALOGUE).reconcile(g.values(), Map.of()));
        try (CsvStudy study = CsvStudy.load(ins, dir.resolve("data"))) {
            SnapshotWriter w = SnapshotWriter.of(ins).withSynthetic(true);
            plain = w.write(dir.resolve("plain"), study.validation(), study).snapshot();
            withMeasures = w.withMeasures(m.source())
                    .write(dir.resolve("measures"), study.validation(), study)
                    .snapshot();
        }
        frozen = m;
    }

    @Test
    void a_snapshot_without_measures_has_no_chapter_and_keeps_its_id() throws IOException {
        assertThat(MeasuresChapter.of(plain, THRESHOLD)).isEmpty();
        assertThat(withMeasures.id()).isNotEqualTo(plain.id());
        // the forms' datasets are the same files: only the measures' files were added
        assertThat(withMeasures.manifest().files()).containsAll(plain.manifest().files());
        assertThat(Files.readString(plain.dir().resolve(Snapshot.MANIFEST))).doesNotContain("measures");
    }

    @Test
    void the_snapshot_gives_back_every_value_computed_count_and_reconciled_quarter() {
        FrozenMeasures back = FrozenMeasures.read(withMeasures).orElseThrow();
        assertThat(back.reported()).containsExactlyInAnyOrderElementsOf(frozen.reported());
        assertThat(back.comparisons()).containsExactlyInAnyOrderElementsOf(frozen.comparisons());
        assertThat(back.reconciliation()).containsExactlyInAnyOrderElementsOf(frozen.reconciliation());
        assertThat(back.caseRecords().get("LE_INVESTIGATIONS"))
                .containsExactlyInAnyOrderElementsOf(frozen.caseRecords().get("LE_INVESTIGATIONS"));
        assertThat(back.catalogue().sha256()).isEqualTo(CATALOGUE.sha256());
        assertThat(withMeasures.verify()).isEmpty();
    }

    @Test
    void every_sentence_of_the_chapter_states_what_the_table_it_cites_shows() {
        MeasuresChapter chapter = MeasuresChapter.of(withMeasures, THRESHOLD).orElseThrow();
        Document doc = Document.create("Technical report", "footer");
        doc.section("Findings before the chapter");
        List<Claim> claims = chapter.write(doc);
        assertThat(claims).hasSizeGreaterThanOrEqualTo(3);
        String x = doc.toXhtml();
        checkClaims(x, claims, Set.of());
        assertThat(x).contains("Breakdowns").contains("Potential victims identified by age group");
        assertThat(x).contains("Reconciliation by task force and pair").contains("Flagged quarters");
        // the features come from the snapshot's task_force dataset
        assertThat(x).contains("Task forces by feature").contains("TF_COLOCATED");
    }

    @Test
    void every_sentence_of_each_task_force_series_states_what_the_table_it_cites_shows_and_names_no_other() {
        MeasuresChapter chapter = MeasuresChapter.of(withMeasures, THRESHOLD).orElseThrow();
        assertThat(chapter.taskForces()).containsExactlyElementsOf(SITES);
        for (String tf : SITES) {
            Document doc = Document.create("Task force report: " + tf, "footer");
            doc.section("Case outcomes");
            List<Claim> claims = chapter.writeTaskForce(doc, tf);
            assertThat(claims).isNotEmpty();
            String x = doc.toXhtml();
            checkClaims(
                    x,
                    claims,
                    Set.of(
                            Long.toString(Math.round(MeasuresReport.BAND_LOW * 100)),
                            Long.toString(Math.round(MeasuresReport.BAND_HIGH * 100)),
                            Integer.toString(MeasuresReport.MIN_OTHER_SITES),
                            Integer.toString(THRESHOLD),
                            Integer.toString(THRESHOLD - 1),
                            "0",
                            "1"));
            assertThat(x).contains(tf).contains("<svg").contains("Other task forces (middle half)");
            for (String other : SITES) if (!other.equals(tf)) assertThat(x).doesNotContain(other);
        }
        assertThat(chapter.writeTaskForce(Document.create("t", "f"), "TF99")).isEmpty();
    }

    // ------------------------------------------------------------------ the checker

    private static final Pattern DIGITS = Pattern.compile("\\d[\\d,]*");
    private static final Pattern TABLE_REF = Pattern.compile("\\(Table (\\d+)\\)");

    /**
     * Each claim's sentence is printed as a paragraph, and each of its figures is what the cited table shows in
     * the named column; every other paragraph states no figure except the report's settings.
     */
    static void checkClaims(String xhtml, List<Claim> claims, Set<String> settings) {
        org.w3c.dom.Document dom = parse(xhtml);
        List<String> paragraphs = new ArrayList<>();
        NodeList ps = dom.getElementsByTagName("p");
        for (int i = 0; i < ps.getLength(); i++) {
            Element p = (Element) ps.item(i);
            if (p.getParentNode() instanceof Element parent
                    && parent.getAttribute("class").contains("table-notes")) continue;
            paragraphs.add(p.getTextContent().strip());
        }
        for (Claim c : claims) {
            assertThat(paragraphs).as("printed: " + c.sentence()).contains(c.sentence());
            Element table = table(dom, c.table());
            String rest = c.sentence().replace("(Table " + c.table() + ")", "");
            for (Claim.Figure f : c.figures()) {
                assertThat(recompute(table, f))
                        .as(f.aggregate() + " of '" + f.column() + "' in table " + c.table() + " for: " + c.sentence())
                        .isEqualTo(f.text());
                rest = rest.replaceFirst(Pattern.quote(f.text()), "");
            }
            assertThat(DIGITS.matcher(rest).find())
                    .as("a figure of the sentence is not checked: " + c.sentence())
                    .isFalse();
        }
        for (String p : paragraphs) {
            if (claims.stream().anyMatch(c -> c.sentence().equals(p))) continue;
            // a reference to a table states no figure, but the table must be there
            Matcher ref = TABLE_REF.matcher(p);
            while (ref.find()) table(dom, Integer.parseInt(ref.group(1)));
            Matcher m = DIGITS.matcher(TABLE_REF.matcher(p).replaceAll(""));
            while (m.find())
                assertThat(settings).as("an unchecked figure in: " + p).contains(m.group());
        }
    }

    private static String recompute(Element table, Claim.Figure f) {
        List<String> headers = new ArrayList<>();
        NodeList th = table.getElementsByTagName("th");
        for (int i = 0; i < th.getLength(); i++)
            headers.add(th.item(i).getTextContent().strip());
        int col = headers.indexOf(f.column());
        assertThat(col).as("column " + f.column()).isNotNegative();
        List<String> cells = new ArrayList<>();
        NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            NodeList td = ((Element) trs.item(i)).getElementsByTagName("td");
            String text = td.item(col).getTextContent().strip();
            assertThat(text).as("a withheld cell cannot back a figure").isNotEqualTo(Cell.SUPPRESSED);
            cells.add(text);
        }
        switch (f.aggregate()) {
            case SUM:
                return Long.toString(cells.stream()
                        .mapToLong(t -> Long.parseLong(t.replace(",", "")))
                        .sum());
            case ROWS:
                return Integer.toString(cells.size());
            case LOWEST:
                return cells.stream().sorted().findFirst().orElseThrow();
            case HIGHEST:
                return cells.stream().sorted().reduce((a, b) -> b).orElseThrow();
            default:
                throw new IllegalArgumentException(f.aggregate().name());
        }
    }

    private static Element table(org.w3c.dom.Document dom, int n) {
        NodeList ts = dom.getElementsByTagName("table");
        for (int i = 0; i < ts.getLength(); i++) {
            Element t = (Element) ts.item(i);
            if (t.getAttribute("id").equals("table-" + n)) return t;
        }
        throw new AssertionError("no Table " + n);
    }

    static org.w3c.dom.Document parse(String xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("not well-formed XHTML: " + e.getMessage(), e);
        }
    }
}

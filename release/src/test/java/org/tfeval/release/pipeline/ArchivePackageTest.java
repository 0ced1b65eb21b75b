package org.tfeval.release.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.StudyDescription;
import org.tfeval.release.archive.StudyDocumentation;
import org.tfeval.release.format.ExternalTools;
import org.tfeval.release.format.RHaven;
import org.tfeval.release.format.XptNames;
import org.tfeval.snapshot.Snapshot;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The package as an archive expects it: a README with citation, terms and what is withheld; a
 * study-level DDI Codebook 2.5 that validates against the schema and carries the study's description
 * from the instrument (never a second copy), the file links from the instrument's keys, and each
 * variable's universe and derivation; the instrument and a user guide; the .xpt short names; and
 * restricted .sav dates that R reads as dates, with NA for missing-coded ones.
 */
class ArchivePackageTest {
    private static final String NS = "ddi:codebook:2_5";

    private static Path schema() {
        return Path.of(
                System.getProperty("tfeval.shared", "/work/shared"), "reference", "ddi-codebook-2.5", "codebook.xsd");
    }

    private static StudyDescription study() {
        return GeneratedSnapshots.demo().instrument().study();
    }

    @Test
    void the_study_ddi_validates_against_the_ddi_codebook_2_5_schema_at_both_levels() throws Exception {
        ExternalTools.require("xmllint", "libxml2-utils");
        for (ReleaseResult r : List.of(ReleasedPackages.publicRelease(), ReleasedPackages.restrictedRelease())) {
            Path xml = PublicReleaseTest.copy(r.dir().resolve(StudyDocumentation.DDI));
            ExternalTools.run(xml.getParent(), "xmllint", "--noout", "--schema", schema().toString(), xml.toString());
        }
    }

    @Test
    void the_study_ddi_carries_citation_coverage_design_access_and_withheld_material_from_the_instrument()
            throws Exception {
        ReleaseResult r = ReleasedPackages.publicRelease();
        Document d = parse(r.dir().resolve(StudyDocumentation.DDI));
        StudyDescription s = study();
        assertThat(text(d, "abstract")).containsExactly(s.abstractText());
        assertThat(text(d, "producer")).containsExactly(s.producer());
        assertThat(text(d, "AuthEnty"))
                .containsExactlyElementsOf(s.principalInvestigators().stream()
                        .map(StudyDescription.Person::name)
                        .toList());
        assertThat(text(d, "fundAg")).containsExactly(s.funding().get(0).funder());
        assertThat(attributes(d, "IDNo", "agency")).containsExactly("tfeval", "DOI");
        // two versions: this release and the history entry
        assertThat(attributes(d, "version", "type")).containsExactly("release", "history");
        assertThat(text(d, "biblCit").get(0))
                .contains(s.principalInvestigators().get(0).name());
        assertThat(attributes(d, "timePrd", "event")).containsExactly("start", "end");
        assertThat(text(d, "nation")).containsExactly("United States");
        assertThat(text(d, "geogCover")).containsExactly(s.geography());
        assertThat(text(d, "universe")).containsExactly(s.universe());
        assertThat(text(d, "sampProc").get(0))
                .contains(s.sampleDesign().frames())
                .contains(s.sampleDesign().draws())
                .contains("Released sizes: case");
        assertThat(text(d, "weight")).containsExactly(s.weights());
        assertThat(text(d, "resInstru").get(0)).contains(StudyDocumentation.INSTRUMENT);
        assertThat(attributes(d, "dataProcessing", "type")).contains("disclosure control", "invalid values");
        assertThat(text(d, "conditions")).containsExactly(s.termsOfUse());
        List<String> withheld = new ArrayList<>();
        NodeList notes = d.getElementsByTagNameNS(NS, "notes");
        for (int i = 0; i < notes.getLength(); i++) {
            Element n = (Element) notes.item(i);
            if (n.getAttribute("subject").equals("withheld")) {
                withheld.add(n.getTextContent());
            }
            if (n.getAttribute("subject").equals("coder reliability")) {
                assertThat(n.getTextContent()).isEqualTo(s.coderReliability());
            }
        }
        assertThat(withheld)
                .anyMatch(w -> w.startsWith("Case narratives"))
                .anyMatch(w -> w.startsWith("Interview recordings"))
                .anyMatch(w -> w.startsWith("Restricted-use variables:") && w.contains("victim.V_CITIZEN"))
                .anyMatch(w -> w.startsWith("Direct identifiers") && w.contains("task_force.TF_NAME"));
    }

    @Test
    void each_released_dataset_is_described_with_its_unit_key_and_links_from_the_instrument() throws Exception {
        ReleaseResult r = ReleasedPackages.publicRelease();
        Document d = parse(r.dir().resolve(StudyDocumentation.DDI));
        List<String> contents = text(d, "fileCont");
        List<String> released = List.copyOf(r.rows().keySet());
        assertThat(contents).hasSize(released.size());
        Instrument ins = GeneratedSnapshots.demo().instrument();
        for (int i = 0; i < released.size(); i++) {
            Form f = ins.form(released.get(i));
            String c = contents.get(i);
            assertThat(c).contains("Key: " + String.join(", ", f.key()) + ".");
            f.parentLink()
                    .ifPresent(link -> assertThat(c)
                            .contains("Links to the " + link.parent() + " dataset through " + link.name()));
        }
        assertThat(text(d, "caseQnty"))
                .containsExactlyElementsOf(released.stream()
                        .map(x -> Long.toString(r.rows().get(x)))
                        .toList());
    }

    @Test
    void variables_carry_their_universe_from_applies_when_and_their_derivation() throws Exception {
        // the task-force file is withheld from public packages (its profile would name the task force)
        ReleaseResult r = ReleasedPackages.restrictedRelease();
        Document tf = parse(r.dir().resolve("task_force/task_force.xml"));
        assertThat(varChild(tf, "TF_SAMPLE_DRAWN_BY", "universe")).contains("[TF_CASE_FILES_PROVIDED] = 1");
        Document kase = parse(r.dir().resolve("case/case.xml"));
        assertThat(varChild(kase, "N_VICTIMS", "drvdesc")).contains("Number of linked victim records");
        assertThat(Files.readString(r.dir().resolve("task_force/task_force.html")))
                .contains("<th>Universe</th>");
    }

    @Test
    void readme_user_guide_and_instrument_ship_in_the_package_and_the_manifest() throws Exception {
        ReleaseResult r = ReleasedPackages.publicRelease();
        String readme = Files.readString(r.dir().resolve(ReleaseBuilder.README));
        StudyDescription s = study();
        assertThat(readme)
                .contains("Citation\n--------")
                .contains("Terms of use")
                .contains("Not in this package")
                .contains("Case narratives and other free text")
                .contains(StudyDocumentation.DDI)
                .contains(s.principalInvestigators().get(0).name());
        String guide = Files.readString(r.dir().resolve(StudyDocumentation.USER_GUIDE));
        assertThat(guide)
                .contains("3. The files and how they link")
                .contains("Key: CASE_ID")
                .contains("NAME_MC")
                .contains("_xpt_names.csv")
                .contains("Cite as:");
        assertThat(r.dir().resolve(StudyDocumentation.INSTRUMENT))
                .hasSameBinaryContentAs(GeneratedSnapshots.demo().dir().resolve(Snapshot.INSTRUMENT));
        List<String> listed = r.files().stream().map(PackagedFile::path).toList();
        assertThat(listed)
                .contains(StudyDocumentation.DDI, StudyDocumentation.USER_GUIDE, StudyDocumentation.INSTRUMENT)
                .contains("suspect/" + XptNames.fileName("suspect"));
    }

    @Test
    void the_xpt_short_names_ship_beside_each_xpt_file_and_name_every_released_variable() throws Exception {
        ReleaseResult r = ReleasedPackages.restrictedRelease();
        for (String d : ReleasedPackages.DATASETS) {
            List<String> lines = Files.readAllLines(r.dir().resolve(d).resolve(XptNames.fileName(d)));
            List<String> header = ReleasedPackages.csv(r, d).header();
            assertThat(lines.get(0)).isEqualTo("variable,xpt_name,xpt_member,note");
            assertThat(lines.subList(1, lines.size()).stream()
                            .map(l -> l.substring(0, l.indexOf(',')))
                            .toList())
                    .containsExactlyElementsOf(header);
            assertThat(Files.readString(r.dir().resolve(d).resolve(d + ".sas"))).contains("libname xpt xport");
        }
    }

    @Test
    void restricted_sav_dates_read_in_haven_with_user_na_keep_the_date_class_and_missing_codes_are_na()
            throws Exception {
        ReleaseResult r = ReleasedPackages.restrictedRelease();
        Path sav = PublicReleaseTest.copy(r.dir().resolve("suspect/suspect.sav"));
        RHaven.Table t = RHaven.read("sav_user", sav);
        int dates = 0;
        for (String name : t.names()) {
            if (!t.meta(name, "class").containsValue("Date")) {
                continue;
            }
            dates++;
            assertThat(t.values(name)).as(name).noneMatch(v -> v.startsWith("1582"));
            String companion = name + "_MC";
            if (t.names().contains(companion)) {
                // where the date is NA and the companion holds a code, the code is declared missing
                for (int i = 0; i < t.rows().size(); i++) {
                    if (!t.values(companion).get(i).isEmpty()) {
                        assertThat(t.values(name).get(i)).as(name + " row " + i).isEmpty();
                    }
                }
                assertThat(t.meta(companion, "na_value")).isNotEmpty();
            }
        }
        assertThat(dates).as("the restricted suspect file has exact dates").isGreaterThan(1);
    }

    private static String varChild(Document d, String variable, String child) {
        NodeList vars = d.getElementsByTagNameNS(NS, "var");
        for (int i = 0; i < vars.getLength(); i++) {
            Element v = (Element) vars.item(i);
            if (v.getAttribute("name").equals(variable)) {
                NodeList c = v.getElementsByTagNameNS(NS, child);
                return c.getLength() == 0 ? "" : c.item(0).getTextContent();
            }
        }
        throw new AssertionError("no variable " + variable);
    }

    private static List<String> text(Document d, String element) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagNameNS(NS, element);
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    private static List<String> attributes(Document d, String element, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagNameNS(NS, element);
        for (int i = 0; i < n.getLength(); i++) {
            out.add(((Element) n.item(i)).getAttribute(attribute));
        }
        return out;
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    static String utf8(Path p) throws java.io.IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}

package org.tfeval.release.archive;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.StudyDescription;

/**
 * The study-level DDI Codebook 2.5 of a package ({@code study.xml}): {@code stdyDscr} with the
 * citation (title, package identifier and DOI, investigators, producer, funders and awards, version
 * and version history, bibliographic citation), study information (abstract, time period, collection
 * dates, nation, geography, units, universe, kind of data), methods (sampling frames, draws and
 * target sizes, instrument, weights, cleaning; coder reliability; disclosure control and treatment of
 * invalid values as data processing), access (availability, terms, restrictions, citation
 * requirement, what is withheld and why) and related materials; then one {@code fileDscr} per
 * dataset saying what a record is, its key and its links; then {@code otherMat} for every document
 * of the package. The variables are described in each dataset's own DDI codebook.
 */
final class StudyDdiWriter {
    private static final String NAMESPACE = "ddi:codebook:2_5";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCHEMA_LOCATION =
            "http://www.ddialliance.org/Specification/DDI-Codebook/2.5/XMLSchema/codebook.xsd";

    /** An ISO date or year, as DDI's {@code date} attributes take them. */
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private StudyDdiWriter() {}

    static void write(StudyDocumentation doc, List<Material> materials, Path target) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            new Document(new Xml(xml), doc, materials).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the study DDI " + target.getFileName(), e);
        }
    }

    private record Document(Xml x, StudyDocumentation doc, List<Material> materials) {

        void write() throws XMLStreamException {
            StudyDescription s = doc.study();
            x.xml.writeStartDocument("UTF-8", "1.0");
            x.start("codeBook");
            x.xml.writeDefaultNamespace(NAMESPACE);
            x.xml.writeNamespace("xsi", XSI);
            x.xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " " + SCHEMA_LOCATION);
            x.xml.writeAttribute("version", "2.5");
            x.xml.writeAttribute("ID", "STUDY");

            x.start("stdyDscr");
            citation(s);
            studyInfo(s);
            method(s);
            access(s);
            x.start("othrStdyMat");
            for (Material m : materials) {
                x.leaf("relMat", m.path() + ": " + m.description());
            }
            x.end();
            x.end();

            for (int i = 0; i < doc.files().size(); i++) {
                ReleasedFile f = doc.files().get(i);
                x.start("fileDscr", "ID", "F" + (i + 1), "URI", f.form() + "/" + f.name() + ".csv");
                x.start("fileTxt");
                x.leaf("fileName", f.form() + "/" + f.name() + ".csv");
                x.leaf("fileCont", (f.label().isEmpty() ? "" : f.label() + ". ") + doc.linkage(f.form()));
                x.start("dimensns");
                x.leaf("caseQnty", Long.toString(f.rows()));
                x.leaf("varQnty", Integer.toString(f.variables()));
                x.end();
                x.leaf("fileType", "CSV (UTF-8); the same rows in " + String.join(", ", f.files()));
                x.end();
                x.leaf("notes", "Variables: " + f.form() + "/" + f.name() + ".xml (DDI), .html and .pdf codebooks.");
                x.end();
            }
            for (Material m : materials) {
                x.start("otherMat", "level", "study", "URI", m.path());
                x.leaf("labl", m.description());
                x.end();
            }
            x.end();
            x.xml.writeEndDocument();
            x.xml.writeCharacters("\n");
        }

        private void citation(StudyDescription s) throws XMLStreamException {
            x.start("citation");
            x.start("titlStmt");
            x.leaf("titl", doc.title());
            x.leaf("IDNo", doc.idNo(), "agency", "tfeval");
            // the DOI field is always present; empty until an archive assigns one
            x.leaf("IDNo", s.doi(), "agency", "DOI");
            x.end();
            if (!s.principalInvestigators().isEmpty()) {
                x.start("rspStmt");
                for (StudyDescription.Person p : s.principalInvestigators()) {
                    if (p.affiliation().isEmpty()) {
                        x.leaf("AuthEnty", p.name());
                    } else {
                        x.leaf("AuthEnty", p.name(), "affiliation", p.affiliation());
                    }
                }
                x.end();
            }
            x.start("prodStmt");
            if (!s.producer().isEmpty()) {
                x.leaf("producer", s.producer());
            }
            String day = doc.createdAt().toLocalDate().toString();
            x.leaf("prodDate", day, "date", day);
            x.leaf("software", "tfeval", "version", doc.toolVersion());
            for (StudyDescription.Funding f : s.funding()) {
                x.leaf("fundAg", f.funder());
            }
            for (StudyDescription.Funding f : s.funding()) {
                if (!f.award().isEmpty()) {
                    x.leaf("grantNo", f.award(), "agency", f.funder());
                }
            }
            x.end();
            x.start("verStmt");
            version(s.version(), day, "release");
            x.leaf(
                    "notes",
                    "Snapshot " + doc.snapshotId() + ", instrument "
                            + doc.instrument().id() + " " + doc.instrument().version()
                            + (doc.synthetic() ? "; SYNTHETIC DATA" : ""));
            x.end();
            for (StudyDescription.Version v : s.versionHistory()) {
                x.start("verStmt");
                version(v.version(), v.date(), "history");
                if (!v.note().isEmpty()) {
                    x.leaf("notes", v.note());
                }
                x.end();
            }
            x.leaf("biblCit", doc.citation());
            x.end();
        }

        private void version(String number, String date, String type) throws XMLStreamException {
            if (DATE.matcher(date).matches()) {
                x.leaf("version", number, "date", date, "type", type);
            } else {
                x.leaf("version", number, "type", type);
            }
        }

        private void studyInfo(StudyDescription s) throws XMLStreamException {
            x.start("stdyInfo");
            if (!s.abstractText().isEmpty()) {
                x.leaf("abstract", s.abstractText());
            }
            x.start("sumDscr");
            period("timePrd", s.timePeriod());
            period("collDate", s.collectionPeriod());
            optional("nation", s.nation());
            optional("geogCover", s.geography());
            optional("anlyUnit", s.analysisUnit());
            optional("universe", s.universe());
            optional("dataKind", s.dataKind());
            x.end();
            if (doc.synthetic()) {
                x.leaf("notes", "SYNTHETIC DATA: generated for demonstration and testing; no real person or case.");
            }
            x.end();
        }

        private void period(String element, StudyDescription.Period p) throws XMLStreamException {
            if (DATE.matcher(p.start()).matches()) {
                x.leaf(element, p.start(), "date", p.start(), "event", "start");
            }
            if (DATE.matcher(p.end()).matches()) {
                x.leaf(element, p.end(), "date", p.end(), "event", "end");
            }
        }

        private void method(StudyDescription s) throws XMLStreamException {
            x.start("method");
            x.start("dataColl");
            StudyDescription.SampleDesign d = s.sampleDesign();
            StringBuilder sampling = new StringBuilder();
            append(sampling, "Frames", d.frames());
            append(sampling, "Draws", d.draws());
            append(sampling, "Target sizes", d.targetSizes());
            StringBuilder achieved = new StringBuilder("Released sizes:");
            doc.files()
                    .forEach(f -> achieved.append(' ')
                            .append(f.form())
                            .append(' ')
                            .append(f.rows())
                            .append(';'));
            sampling.append(achieved.substring(
                            0, achieved.length() - (doc.files().isEmpty() ? 0 : 1)))
                    .append('.');
            x.leaf("sampProc", sampling.toString());
            x.leaf(
                    "resInstru",
                    "Instrument " + doc.instrument().id() + " "
                            + doc.instrument().version() + " (" + StudyDocumentation.INSTRUMENT + "): "
                            + doc.instrument().title());
            x.leaf("weight", s.weights().isEmpty() ? "No weights." : s.weights());
            if (!doc.processing().isEmpty()) {
                x.leaf("cleanOps", doc.processing());
            }
            x.end();
            x.leaf(
                    "notes",
                    s.coderReliability().isEmpty() ? "Coder reliability was not assessed." : s.coderReliability(),
                    "subject",
                    "coder reliability");
            if (!doc.disclosureControl().isEmpty()) {
                x.leaf("dataProcessing", doc.disclosureControl(), "type", "disclosure control");
            }
            if (!doc.processing().isEmpty()) {
                x.leaf("dataProcessing", doc.processing(), "type", "invalid values");
            }
            x.end();
        }

        private void access(StudyDescription s) throws XMLStreamException {
            x.start("dataAccs");
            x.start("setAvail");
            x.leaf(
                    "avlStatus",
                    doc.level() == ReleaseLevel.PUBLIC
                            ? "Public-use files"
                            : "Restricted-use files: under a data use agreement only");
            x.leaf("fileQnty", Integer.toString(doc.files().size()));
            x.end();
            x.start("useStmt");
            x.leaf(
                    "restrctn",
                    doc.level() == ReleaseLevel.PUBLIC
                            ? "Disclosure-controlled for public use; do not attempt to identify anyone."
                            : "Restricted use: only the persons named in the data use agreement, for its purpose,"
                                    + " until it expires.");
            optional("citReq", s.citationRequirement());
            optional("conditions", s.termsOfUse());
            x.end();
            for (StudyDescription.Withheld w : doc.withheld()) {
                x.leaf("notes", w.what() + (w.why().isEmpty() ? "" : ": " + w.why()), "subject", "withheld");
            }
            x.end();
        }

        private void optional(String element, String text) throws XMLStreamException {
            if (!text.isEmpty()) {
                x.leaf(element, text);
            }
        }

        private static void append(StringBuilder b, String what, String text) {
            if (!text.isEmpty()) {
                b.append(what).append(": ").append(text).append(text.endsWith(".") ? " " : ". ");
            }
        }
    }

    /** An XMLStreamWriter with two-space indentation for elements that hold only elements. */
    private static final class Xml {
        final XMLStreamWriter xml;
        private int depth;

        Xml(XMLStreamWriter xml) {
            this.xml = xml;
        }

        private void indent() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }

        void start(String name, String... attributes) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            indent();
            xml.writeEndElement();
        }

        void leaf(String name, String text, String... attributes) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            for (int i = 0; i < attributes.length; i += 2) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }
}

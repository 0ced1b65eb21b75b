package org.tfeval.release.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.VariableSummary;

/**
 * DDI Codebook 2.5 XML (namespace {@value #NAMESPACE}): {@code stdyDscr} with the citation,
 * one {@code fileDscr} per released file ({@link WriteOptions#describedFiles()}), and a {@code
 * dataDscr} with one {@code var} per variable: label, question text, summary statistics ({@code
 * vald}, {@code invd}, min, max, mean, stdev), categories with frequencies ({@code catgry}, reserved
 * missing codes with {@code missing="Y"}) and the format. Frequencies under the suppression
 * threshold are given as {@code catStat type="other" otherType="suppressedFreq"} text "&lt;k"
 * instead of a count, and {@code vald}/{@code invd} under it are left out; further counts are hidden
 * the same way (text {@value Suppression#COMPLEMENTARY}) so that no hidden count can be worked out
 * from the totals (see {@link Suppression}). Valid against the DDI Codebook 2.5 schema.
 */
public final class DdiCodebookWriter implements DatasetWriter {

    public static final String NAMESPACE = "ddi:codebook:2_5";
    static final String SCHEMA_LOCATION =
            "https://ddialliance.org/Specification/DDI-Codebook/2.5/XMLSchema/codebook.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final WriteOptions options;

    public DdiCodebookWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        DatasetSummary summary = DatasetSummary.compute(spec, rows);
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            new Document(new Indenting(xml), spec, summary).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the DDI codebook " + target.getFileName(), e);
        }
        return new WrittenFile(target, FileFormat.DDI_CODEBOOK, summary.rowCount());
    }

    private final class Document {
        private final Indenting x;
        private final DatasetSpec spec;
        private final DatasetSummary summary;
        private final Suppression suppression = new Suppression(options.suppressBelow());
        private final PrintedStatistics printed = PrintedStatistics.of(options.suppressBelow());

        Document(Indenting x, DatasetSpec spec, DatasetSummary summary) {
            this.x = x;
            this.spec = spec;
            this.summary = summary;
        }

        void write() throws XMLStreamException {
            List<String> files = options.describedFiles().isEmpty()
                    ? List.of(options.dataFileNameFor(spec.name()))
                    : options.describedFiles();
            x.xml.writeStartDocument("UTF-8", "1.0");
            x.start("codeBook");
            x.xml.writeDefaultNamespace(NAMESPACE);
            x.xml.writeNamespace("xsi", XSI);
            x.xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " " + SCHEMA_LOCATION);
            x.xml.writeAttribute("version", "2.5");
            x.xml.writeAttribute("ID", "CB_" + spec.name());

            x.start("stdyDscr");
            x.start("citation");
            x.start("titlStmt");
            x.leaf("titl", options.studyTitle().orElse(spec.label().isEmpty() ? spec.name() : spec.label()));
            x.leaf("IDNo", options.studyId().orElse(spec.name()));
            x.end();
            x.start("prodStmt");
            x.leaf(
                    "prodDate",
                    options.timestamp().toLocalDate().toString(),
                    "date",
                    options.timestamp().toLocalDate().toString());
            x.leaf("software", "tfeval-release");
            x.end();
            x.end();
            x.end();

            List<String> fileIds = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                String id = "F" + (i + 1);
                fileIds.add(id);
                String name = files.get(i);
                x.start("fileDscr", "ID", id, "URI", name);
                x.start("fileTxt");
                x.leaf("fileName", name);
                x.start("dimensns");
                x.leaf("caseQnty", Long.toString(summary.rowCount()));
                x.leaf("varQnty", Integer.toString(spec.size()));
                x.end();
                x.leaf(
                        "fileType",
                        FileFormat.ofFileName(name).map(FileFormat::description).orElse("data file"));
                x.end();
                x.end();
            }

            x.start("dataDscr");
            String fileRefs = String.join(" ", fileIds);
            for (int i = 0; i < spec.size(); i++) {
                variable(spec.variable(i), summary.variables().get(i), "V" + (i + 1), fileRefs);
            }
            x.end();
            x.end();
            x.xml.writeEndDocument();
            x.newline();
        }

        private void variable(VariableSpec v, VariableSummary s, String id, String files) throws XMLStreamException {
            boolean discrete =
                    v.kind() == VariableKind.STRING || !v.valueLabels().isEmpty();
            x.start(
                    "var",
                    "ID",
                    id,
                    "name",
                    v.name(),
                    "files",
                    files,
                    "intrvl",
                    discrete ? "discrete" : "contin",
                    "dcml",
                    Integer.toString(v.type().decimals()));
            if (!v.label().isEmpty()) {
                x.leaf("labl", v.label());
            }
            if (!v.question().isEmpty()) {
                x.start("qstn");
                x.leaf("qstnLit", v.question());
                x.end();
            }
            VariableNotes notes = options.notesOf(v.name());
            if (!notes.universe().isEmpty()) {
                x.leaf("universe", notes.universe());
            }
            Suppression.Cells cells = suppression.cells(v, s);
            if (!cells.hidesValid()) {
                x.leaf("sumStat", Long.toString(s.validCount()), "type", "vald");
                x.leaf("sumStat", Long.toString(s.missingCount()), "type", "invd");
            }
            for (PrintedStatistics.Stat stat : printed.of(v, s, cells)) {
                if (stat.ddiOtherType() == null) {
                    x.leaf("sumStat", stat.value(), "type", stat.ddiType());
                } else {
                    x.leaf("sumStat", stat.value(), "type", stat.ddiType(), "otherType", stat.ddiOtherType());
                }
            }
            for (Map.Entry<Long, Long> e : s.frequencies().entrySet()) {
                category(
                        e.getKey().toString(),
                        v.valueLabels().get(e.getKey()),
                        e.getValue(),
                        false,
                        cells.hidesFrequency(e.getKey()) ? cells.frequency(e.getKey()) : null);
            }
            for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
                category(
                        Long.toString(e.getKey().code()),
                        e.getValue(),
                        s.missing(e.getKey()),
                        true,
                        cells.hidesMissing(e.getKey()) ? cells.missing(e.getKey()) : null);
            }
            if (!notes.derivation().isEmpty()) {
                x.start("derivation");
                x.leaf("drvdesc", notes.derivation());
                x.end();
            }
            switch (v.kind()) {
                case STRING ->
                    x.leaf(
                            "varFormat",
                            "",
                            "type",
                            "character",
                            "schema",
                            "other",
                            "formatname",
                            "A" + v.type().width());
                case DATE -> x.leaf("varFormat", "YYYY-MM-DD", "type", "numeric", "schema", "ISO", "category", "date");
                default ->
                    x.leaf(
                            "varFormat",
                            "",
                            "type",
                            "numeric",
                            "schema",
                            "other",
                            "formatname",
                            "F" + v.type().width() + "." + v.type().decimals());
            }
            x.end();
        }

        private void category(String value, String label, long count, boolean missing, String hidden)
                throws XMLStreamException {
            if (missing) {
                x.start("catgry", "missing", "Y");
            } else {
                x.start("catgry");
            }
            x.leaf("catValu", value);
            if (label != null) {
                x.leaf("labl", label);
            }
            if (hidden != null) {
                x.leaf("catStat", hidden, "type", "other", "otherType", "suppressedFreq");
            } else {
                x.leaf("catStat", Long.toString(count), "type", "freq");
            }
            x.end();
        }
    }

    static String number(double d) {
        return CsvWriter.plain(d);
    }

    /** An XMLStreamWriter with two-space indentation for elements that hold only elements. */
    private static final class Indenting {
        final XMLStreamWriter xml;
        private int depth;

        Indenting(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void newline() throws XMLStreamException {
            xml.writeCharacters("\n");
        }

        private void indent() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }

        void start(String name, String... attributes) throws XMLStreamException {
            indent();
            xml.writeStartElement(name);
            attributes(attributes);
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
            attributes(attributes);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }

        private void attributes(String[] nameValues) throws XMLStreamException {
            for (int i = 0; i < nameValues.length; i += 2) {
                xml.writeAttribute(nameValues[i], nameValues[i + 1]);
            }
        }
    }
}

package org.tfeval.report.disclosure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.tfeval.report.document.Cell;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One value a report prints, as a reader of the XHTML finds it: in a table (with its caption, row
 * label and column header) or as a key figure, with its {@code data-trace} when it has one.
 *
 * @param document file name of the report
 * @param caption  the table's caption, or "" for a key figure
 * @param row      the row's first cell (its label)
 * @param column   the column header
 * @param text     what is printed ({@link Cell#SUPPRESSED} when withheld)
 * @param trace    {@code analysis/table/row/column}, or null
 */
public record PrintedCell(String document, String caption, String row, String column, String text, String trace) {
    public PrintedCell {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(text, "text");
    }

    public boolean withheld() {
        return text.equals(Cell.SUPPRESSED);
    }

    /** Every value printed in a report's tables and key figures. */
    public static List<PrintedCell> read(Path xhtml) {
        Document d = parse(xhtml);
        String name = xhtml.getFileName().toString();
        List<PrintedCell> out = new ArrayList<>();
        NodeList tables = d.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            NodeList caps = t.getElementsByTagName("caption");
            String caption = caps.getLength() == 0 ? "" : squash(caps.item(0).getTextContent());
            List<String> headers = new ArrayList<>();
            NodeList rows = t.getElementsByTagName("tr");
            for (int r = 0; r < rows.getLength(); r++) {
                Element tr = (Element) rows.item(r);
                NodeList ths = tr.getElementsByTagName("th");
                NodeList tds = tr.getElementsByTagName("td");
                if (tds.getLength() == 0) {
                    headers.clear();
                    for (int h = 0; h < ths.getLength(); h++)
                        headers.add(squash(ths.item(h).getTextContent()));
                    continue;
                }
                String label = squash(tds.item(0).getTextContent());
                for (int c = 0; c < tds.getLength(); c++) {
                    Element td = (Element) tds.item(c);
                    String trace = td.hasAttribute("data-trace") ? td.getAttribute("data-trace") : null;
                    out.add(new PrintedCell(
                            name,
                            caption,
                            label,
                            c < headers.size() ? headers.get(c) : "",
                            squash(td.getTextContent()),
                            trace));
                }
            }
        }
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (!e.hasAttribute("data-trace") || e.getTagName().equals("td")) continue;
            out.add(new PrintedCell(name, "", "", "", squash(e.getTextContent()), e.getAttribute("data-trace")));
        }
        return out;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static Document parse(Path xhtml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(xhtml.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("not well-formed XHTML: " + xhtml.getFileName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.tfeval.qual.refi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tfeval.instrument.workflow.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Indented, deterministic XML out; hardened DOM in (no DTDs, no external entities). */
final class Xml {
    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter w;
    private final String namespace;
    private int depth;
    private boolean childless;

    Xml(String namespace) {
        this.namespace = namespace;
        try {
            w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("utf-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start an XML document", e);
        }
    }

    Xml open(String name, String... attributes) {
        try {
            indent();
            w.writeStartElement(name);
            if (depth == 0) w.writeDefaultNamespace(namespace);
            for (int i = 0; i < attributes.length; i += 2) {
                if (attributes[i + 1] != null) w.writeAttribute(attributes[i], attributes[i + 1]);
            }
            depth++;
            childless = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml close() {
        try {
            depth--;
            if (!childless) indent();
            w.writeEndElement();
            childless = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml empty(String name, String... attributes) {
        return open(name, attributes).close();
    }

    Xml text(String name, String text) {
        try {
            open(name);
            w.writeCharacters(text);
            childless = true;
            return close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    String finish() {
        try {
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    static Document parse(byte[] bytes, String what) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException | IOException e) {
            throw Problem.data(what + " is not well-formed XML (or declares a DTD, which tfeval does not read)");
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && (name == null || name.equals(((Element) n).getLocalName())))
                out.add((Element) n);
        }
        return out;
    }

    static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}

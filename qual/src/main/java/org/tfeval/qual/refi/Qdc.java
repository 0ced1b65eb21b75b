package org.tfeval.qual.refi;

import java.nio.charset.StandardCharsets;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Codebook;
import org.w3c.dom.Element;

/** A REFI-QDA codebook file (.qdc): {@code <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>...}. */
public final class Qdc {
    public static final String NAMESPACE = "urn:QDA-XML:codebook:1.0";

    private Qdc() {}

    /** The .qdc document of a codebook (UTF-8 bytes). */
    public static byte[] write(Codebook codebook) {
        Xml x = new Xml(NAMESPACE);
        x.open("CodeBook", "origin", "tfeval");
        CodesXml.write(x, codebook.codes());
        x.close();
        return x.finish().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a .qdc into a codebook (one Add per code). */
    public static Codebook read(byte[] bytes) {
        Element root = Xml.parse(bytes, "the codebook file").getDocumentElement();
        if (!"CodeBook".equals(root.getLocalName())) {
            throw Problem.data("the codebook file's root is not <CodeBook>");
        }
        Element codes = Xml.child(root, "Codes");
        if (codes == null) throw Problem.data("the codebook file has no <Codes>");
        try {
            return Codebook.of(CodesXml.read(codes));
        } catch (IllegalArgumentException e) {
            throw Problem.data("the codebook file is not a valid codebook: " + e.getMessage());
        }
    }
}

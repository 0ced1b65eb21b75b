package org.tfeval.qual.refi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.qual.codebook.Code;
import org.w3c.dom.Element;

/**
 * The {@code <Codes>} tree shared by .qdc and .qde. A code's definition, criteria and example travel in
 * its {@code Description} as labelled paragraphs ({@code Include: ...}); a retired code is exported
 * not codable with {@code Status: retired}. A description without labels is read as the definition.
 */
final class CodesXml {
    private static final String INCLUDE = "Include: ";
    private static final String EXCLUDE = "Exclude: ";
    private static final String EXAMPLE = "Example: ";
    private static final String RETIRED = "Status: retired";

    private CodesXml() {}

    static void write(Xml x, List<Code> codes) {
        x.open("Codes");
        for (Code c : codes) if (c.parent() == null) write(x, c, codes);
        x.close();
    }

    private static void write(Xml x, Code c, List<Code> codes) {
        x.open(
                "Code",
                "guid",
                c.guid(),
                "name",
                c.name(),
                "isCodable",
                Boolean.toString(c.applicable()),
                "color",
                c.color());
        String d = description(c);
        if (!d.isEmpty()) x.text("Description", d);
        for (Code child : codes) if (c.guid().equals(child.parent())) write(x, child, codes);
        x.close();
    }

    static String description(Code c) {
        List<String> parts = new ArrayList<>();
        if (!c.definition().isEmpty()) parts.add(c.definition());
        if (!c.inclusion().isEmpty()) parts.add(INCLUDE + c.inclusion());
        if (!c.exclusion().isEmpty()) parts.add(EXCLUDE + c.exclusion());
        if (!c.example().isEmpty()) parts.add(EXAMPLE + c.example());
        if (c.retired() && c.codable()) parts.add(RETIRED);
        return String.join("\n\n", parts);
    }

    static List<Code> read(Element codes) {
        List<Code> out = new ArrayList<>();
        for (Element c : Xml.children(codes, "Code")) read(c, null, out);
        return out;
    }

    private static void read(Element e, String parent, List<Code> out) {
        Element desc = Xml.child(e, "Description");
        Map<String, String> parts =
                parts(desc == null ? "" : desc.getTextContent().replace("\r\n", "\n"));
        boolean retired = parts.containsKey(RETIRED);
        boolean codable = Boolean.parseBoolean(e.getAttribute("isCodable").strip()) || retired;
        Code c = new Code(
                e.getAttribute("guid"),
                e.getAttribute("name"),
                parent,
                codable,
                parts.get(""),
                parts.get(INCLUDE),
                parts.get(EXCLUDE),
                parts.get(EXAMPLE),
                Xml.attr(e, "color"),
                retired);
        out.add(c);
        for (Element child : Xml.children(e, "Code")) read(child, c.guid(), out);
    }

    private static Map<String, String> parts(String description) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> definition = new ArrayList<>();
        for (String p : description.split("\n\n")) {
            if (p.startsWith(INCLUDE)) out.put(INCLUDE, p.substring(INCLUDE.length()));
            else if (p.startsWith(EXCLUDE)) out.put(EXCLUDE, p.substring(EXCLUDE.length()));
            else if (p.startsWith(EXAMPLE)) out.put(EXAMPLE, p.substring(EXAMPLE.length()));
            else if (p.strip().equals(RETIRED)) out.put(RETIRED, "");
            else if (!p.isBlank()) definition.add(p);
        }
        out.put("", String.join("\n\n", definition));
        return out;
    }
}

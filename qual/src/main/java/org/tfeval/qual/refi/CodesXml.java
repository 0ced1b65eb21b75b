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
        write(x, codes, Map.of());
    }

    /** The tree with each code's {@code <NoteRef>}s ({@code noteRefs}: code GUID to note GUIDs). */
    static void write(Xml x, List<Code> codes, Map<String, List<String>> noteRefs) {
        x.open("Codes");
        for (Code c : codes) if (c.parent() == null) write(x, c, codes, noteRefs);
        x.close();
    }

    private static void write(Xml x, Code c, List<Code> codes, Map<String, List<String>> noteRefs) {
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
        for (String n : noteRefs.getOrDefault(c.guid(), List.of())) x.empty("NoteRef", "targetGUID", n);
        for (Code child : codes) if (c.guid().equals(child.parent())) write(x, child, codes, noteRefs);
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
        return read(codes, new LinkedHashMap<>());
    }

    /** The codes; each code's {@code <NoteRef>}s go into {@code noteRefs} (code GUID to note GUIDs). */
    static List<Code> read(Element codes, Map<String, List<String>> noteRefs) {
        List<Code> out = new ArrayList<>();
        for (Element c : Xml.children(codes, "Code")) read(c, null, out, noteRefs);
        return out;
    }

    private static void read(Element e, String parent, List<Code> out, Map<String, List<String>> noteRefs) {
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
        for (Element n : Xml.children(e, "NoteRef")) {
            noteRefs.computeIfAbsent(c.guid(), k -> new ArrayList<>()).add(n.getAttribute("targetGUID"));
        }
        for (Element child : Xml.children(e, "Code")) read(child, c.guid(), out, noteRefs);
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

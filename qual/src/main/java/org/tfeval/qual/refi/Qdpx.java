package org.tfeval.qual.refi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;
import org.w3c.dom.Element;

/** A REFI-QDA project package (.qdpx): {@code project.qde} and {@code sources/<guid>.txt}. */
public final class Qdpx {
    public static final String NAMESPACE = "urn:QDA-XML:project:1.0";
    public static final String PROJECT_ENTRY = "project.qde";
    public static final String SOURCES = "sources/";

    /** Largest entry read from a package (a guard against ZIP bombs). */
    public static final long MAX_ENTRY_BYTES = 256L << 20;

    /** The entry time written, so the same project gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** A project read from a package, with what could not be carried. */
    public record Imported(QdaProject project, List<String> dataLoss) {
        public Imported {
            dataLoss = List.copyOf(dataLoss);
        }
    }

    private Qdpx() {}

    /** The project.qde document (UTF-8); refuses a project that fails {@link ProjectCheck}. */
    public static byte[] projectXml(QdaProject p) {
        Set<String> files = new TreeSet<>();
        p.sources().forEach(s -> files.add(s.fileName()));
        List<String> problems = ProjectCheck.of(p, files);
        if (!problems.isEmpty()) {
            throw Problem.data(
                    "the project cannot be exported: " + problems.size() + " problem(s), first: " + problems.get(0));
        }
        Xml x = new Xml(NAMESPACE);
        x.open("Project", "name", p.name(), "origin", "tfeval");
        if (!p.users().isEmpty()) {
            x.open("Users");
            for (QdaProject.User u : p.users()) x.empty("User", "guid", u.guid(), "name", u.name());
            x.close();
        }
        if (!p.codes().isEmpty()) {
            x.open("CodeBook");
            CodesXml.write(x, p.codes(), p.noteRefs());
            x.close();
        }
        Map<String, String> variables = variables(p);
        if (!variables.isEmpty()) {
            x.open("Variables");
            variables.forEach(
                    (name, guid) -> x.empty("Variable", "guid", guid, "name", name, "typeOfVariable", "Text"));
            x.close();
        }
        if (!p.cases().isEmpty()) {
            x.open("Cases");
            for (QdaProject.Case c : p.cases()) {
                x.open("Case", "guid", c.guid(), "name", c.name());
                c.variables().forEach((name, value) -> {
                    x.open("VariableValue");
                    x.empty("VariableRef", "targetGUID", variables.get(name));
                    x.text("TextValue", value);
                    x.close();
                });
                for (String s : c.sources()) x.empty("SourceRef", "targetGUID", s);
                x.close();
            }
            x.close();
        }
        if (!p.sources().isEmpty()) {
            x.open("Sources");
            for (QdaProject.TextSource s : p.sources()) {
                x.open("TextSource", "guid", s.guid(), "name", s.name(), "plainTextPath", "internal://" + s.fileName());
                for (QdaProject.Selection sel : s.selections()) {
                    x.open(
                            "PlainTextSelection",
                            "guid",
                            sel.guid(),
                            "startPosition",
                            Integer.toString(sel.span().start()),
                            "endPosition",
                            Integer.toString(sel.span().end()),
                            "creatingUser",
                            sel.creatingUser());
                    for (QdaProject.Coding c : sel.codings()) {
                        x.open("Coding", "guid", c.guid(), "creatingUser", c.creatingUser());
                        x.empty("CodeRef", "targetGUID", c.code());
                        x.close();
                    }
                    noteRefs(x, p, sel.guid());
                    x.close();
                }
                noteRefs(x, p, s.guid());
                x.close();
            }
            x.close();
        }
        if (!p.notes().isEmpty()) {
            x.open("Notes");
            for (QdaProject.Note n : p.notes()) {
                x.open("Note", "guid", n.guid(), "name", n.name(), "creatingUser", n.creatingUser());
                x.text("PlainTextContent", n.text());
                x.close();
            }
            x.close();
        }
        // REFI-QDA gives a case no NoteRef: a case's memos travel as a set of notes named after it
        List<QdaProject.Case> withMemos =
                p.cases().stream().filter(c -> !p.notesOn(c.guid()).isEmpty()).toList();
        if (!withMemos.isEmpty()) {
            x.open("Sets");
            for (QdaProject.Case c : withMemos) {
                x.open("Set", "guid", caseSet(c.guid()), "name", QdaProject.CASE_MEMOS + c.name());
                for (String n : p.notesOn(c.guid())) x.empty("MemberNote", "targetGUID", n);
                x.close();
            }
            x.close();
        }
        x.close();
        return x.finish().getBytes(StandardCharsets.UTF_8);
    }

    private static void noteRefs(Xml x, QdaProject p, String owner) {
        for (String n : p.notesOn(owner)) x.empty("NoteRef", "targetGUID", n);
    }

    /** The GUID of the set carrying a case's memos, derived from the case's. */
    private static String caseSet(String caseGuid) {
        return UUID.nameUUIDFromBytes(("tfeval case memos " + caseGuid).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Variable name to its GUID, derived from the name so the same project always gets the same GUIDs. */
    private static Map<String, String> variables(QdaProject p) {
        Map<String, String> out = new LinkedHashMap<>();
        new TreeSet<>(p.cases().stream()
                        .flatMap(c -> c.variables().keySet().stream())
                        .toList())
                .forEach(n -> out.put(
                        n,
                        UUID.nameUUIDFromBytes(("tfeval variable " + n).getBytes(StandardCharsets.UTF_8))
                                .toString()));
        return out;
    }

    /** Writes the package. */
    public static void write(QdaProject p, OutputStream out) throws IOException {
        byte[] xml = projectXml(p);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, PROJECT_ENTRY, xml);
        for (QdaProject.TextSource s : p.sources()) {
            entry(zip, SOURCES + s.fileName(), s.text().text().getBytes(StandardCharsets.UTF_8));
        }
        zip.finish();
    }

    /** Writes the package to a file. */
    public static void write(QdaProject p, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(p, out);
        } catch (IOException e) {
            throw Problem.usage("cannot write " + file, "check the folder exists and is writable");
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads a package file. */
    public static Imported read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw Problem.usage("cannot read " + file, "check the path");
        }
    }

    /** Reads a package leniently; what it cannot carry is listed in the data-loss report. */
    public static Imported read(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) continue;
                byte[] b = readLimited(zip);
                entries.put(e.getName(), b);
            }
        }
        byte[] qde = entries.get(PROJECT_ENTRY);
        if (qde == null) throw Problem.data("the package has no project.qde");
        List<String> loss = new ArrayList<>();
        Element root = Xml.parse(qde, "project.qde").getDocumentElement();
        if (!"Project".equals(root.getLocalName())) throw Problem.data("project.qde's root is not <Project>");
        for (Element e : Xml.children(root, null)) {
            String n = e.getLocalName();
            if (!Set.of("Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Sets")
                    .contains(n)) {
                loss.add("<" + n + "> not carried (tfeval has no place for it)");
            }
        }
        List<QdaProject.User> users = new ArrayList<>();
        Element us = Xml.child(root, "Users");
        if (us != null) {
            for (Element u : Xml.children(us, "User")) {
                String name = Xml.attr(u, "name");
                users.add(new QdaProject.User(u.getAttribute("guid"), name == null ? "" : name));
            }
        }
        List<Code> codes = new ArrayList<>();
        Element cb = Xml.child(root, "CodeBook");
        Map<String, List<String>> noteRefs = new LinkedHashMap<>();
        if (cb != null && Xml.child(cb, "Codes") != null) codes = CodesXml.read(Xml.child(cb, "Codes"), noteRefs);
        Map<String, String> variableNames = new LinkedHashMap<>();
        Element vs = Xml.child(root, "Variables");
        if (vs != null) {
            for (Element v : Xml.children(vs, "Variable")) {
                variableNames.put(Code.normaliseGuid(v.getAttribute("guid")), v.getAttribute("name"));
            }
        }
        List<QdaProject.Case> cases = new ArrayList<>();
        Element cs = Xml.child(root, "Cases");
        if (cs != null) {
            for (Element c : Xml.children(cs, "Case")) cases.add(readCase(c, variableNames, loss));
        }
        List<QdaProject.TextSource> sources = new ArrayList<>();
        Element ss = Xml.child(root, "Sources");
        if (ss != null) {
            for (Element s : Xml.children(ss, null)) {
                if (!"TextSource".equals(s.getLocalName())) {
                    loss.add(s.getLocalName() + " " + s.getAttribute("guid")
                            + " not carried (tfeval keeps text sources only)");
                    continue;
                }
                QdaProject.TextSource t = readSource(s, entries, loss, noteRefs);
                if (t != null) sources.add(t);
            }
        }
        List<QdaProject.Note> notes = new ArrayList<>();
        Element ns = Xml.child(root, "Notes");
        if (ns != null) {
            for (Element n : Xml.children(ns, "Note")) {
                Element content = Xml.child(n, "PlainTextContent");
                String name = Xml.attr(n, "name");
                notes.add(new QdaProject.Note(
                        n.getAttribute("guid"),
                        name == null ? "" : name,
                        content == null ? "" : content.getTextContent().replace("\r\n", "\n"),
                        Xml.attr(n, "creatingUser")));
                if (!Xml.children(n, "NoteRef").isEmpty()
                        || !Xml.children(n, "PlainTextSelection").isEmpty()) {
                    loss.add(
                            "note " + n.getAttribute("guid") + ": references and selections inside a note not carried");
                }
            }
        }
        Map<String, String> caseByName = new LinkedHashMap<>();
        cases.forEach(k -> caseByName.putIfAbsent(k.name(), k.guid()));
        Element sets = Xml.child(root, "Sets");
        if (sets != null) {
            for (Element set : Xml.children(sets, "Set")) {
                String setName = Xml.attr(set, "name");
                String owner = setName != null && setName.startsWith(QdaProject.CASE_MEMOS)
                        ? caseByName.get(setName.substring(QdaProject.CASE_MEMOS.length()))
                        : null;
                if (owner == null
                        || !Xml.children(set, "MemberCode").isEmpty()
                        || !Xml.children(set, "MemberSource").isEmpty()) {
                    loss.add("set " + set.getAttribute("guid") + " not carried (tfeval has no place for sets)");
                    continue;
                }
                for (Element m : Xml.children(set, "MemberNote")) {
                    noteRefs.computeIfAbsent(owner, k -> new ArrayList<>()).add(m.getAttribute("targetGUID"));
                }
            }
        }
        if (!Xml.children(root, "NoteRef").isEmpty()) loss.add("project-wide note references not carried");
        String name = Xml.attr(root, "name");
        QdaProject p = new QdaProject(name == null ? "" : name, users, codes, cases, sources, notes, noteRefs);
        Set<String> files = new TreeSet<>();
        sources.forEach(s -> files.add(s.fileName()));
        List<String> problems = ProjectCheck.of(p, files);
        if (!problems.isEmpty()) {
            throw Problem.data(
                    "the project is not sound: " + problems.size() + " problem(s), first: " + problems.get(0));
        }
        return new Imported(p, loss);
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > MAX_ENTRY_BYTES)
                throw Problem.data("a package entry is larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static QdaProject.Case readCase(Element c, Map<String, String> variableNames, List<String> loss) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element vv : Xml.children(c, "VariableValue")) {
            Element ref = Xml.child(vv, "VariableRef");
            String var = ref == null ? null : variableNames.get(Code.normaliseGuid(ref.getAttribute("targetGUID")));
            Element text = Xml.child(vv, "TextValue");
            Element any = Xml.children(vv, null).stream()
                    .filter(e -> !"VariableRef".equals(e.getLocalName()))
                    .findFirst()
                    .orElse(null);
            if (var == null || any == null) {
                loss.add("case " + c.getAttribute("guid")
                        + ": a variable value without a variable or value was dropped");
            } else {
                values.put(var, (text != null ? text : any).getTextContent());
                if (text == null) loss.add("case " + c.getAttribute("guid") + ": variable " + var + " read as text");
            }
        }
        List<String> sources = new ArrayList<>();
        for (Element r : Xml.children(c, "SourceRef")) sources.add(r.getAttribute("targetGUID"));
        if (!Xml.children(c, "CodeRef").isEmpty()
                || !Xml.children(c, "SelectionRef").isEmpty()) {
            loss.add("case " + c.getAttribute("guid") + ": code and selection references not carried");
        }
        String name = Xml.attr(c, "name");
        return new QdaProject.Case(c.getAttribute("guid"), name == null ? "" : name, values, sources);
    }

    private static QdaProject.TextSource readSource(
            Element s, Map<String, byte[]> entries, List<String> loss, Map<String, List<String>> noteRefs) {
        String guid = s.getAttribute("guid");
        String raw = null;
        String path = Xml.attr(s, "plainTextPath");
        if (path != null && path.startsWith("internal://")) {
            byte[] b = entries.get(SOURCES + path.substring("internal://".length()));
            if (b != null) raw = new String(b, StandardCharsets.UTF_8);
        }
        if (raw == null && Xml.child(s, "PlainTextContent") != null)
            raw = Xml.child(s, "PlainTextContent").getTextContent();
        if (raw == null) {
            loss.add("source " + guid + ": no plain text found; the source and its codings were dropped");
            return null;
        }
        if (raw.startsWith("\uFEFF")) raw = raw.substring(1);
        CanonicalText text = CanonicalText.of(raw);
        int[] map = positions(raw, text);
        if (map == null) loss.add("source " + guid + ": text normalised beyond line ends; selections dropped");
        List<QdaProject.Selection> selections = new ArrayList<>();
        for (Element sel : Xml.children(s, "PlainTextSelection")) {
            if (map == null) continue;
            int start = Integer.parseInt(sel.getAttribute("startPosition").strip());
            int end = Integer.parseInt(sel.getAttribute("endPosition").strip());
            if (start < 0 || end > map.length - 1 || map[start] >= map[end]) {
                loss.add("selection " + sel.getAttribute("guid") + ": positions outside the text; dropped");
                continue;
            }
            List<QdaProject.Coding> codings = new ArrayList<>();
            for (Element c : Xml.children(sel, "Coding")) {
                Element ref = Xml.child(c, "CodeRef");
                if (ref == null) continue;
                codings.add(new QdaProject.Coding(
                        c.getAttribute("guid"), ref.getAttribute("targetGUID"), Xml.attr(c, "creatingUser")));
            }
            for (Element n : Xml.children(sel, "NoteRef")) {
                noteRefs.computeIfAbsent(Code.normaliseGuid(sel.getAttribute("guid")), k -> new ArrayList<>())
                        .add(n.getAttribute("targetGUID"));
            }
            selections.add(new QdaProject.Selection(
                    sel.getAttribute("guid"), new Span(map[start], map[end]), Xml.attr(sel, "creatingUser"), codings));
        }
        if (!Xml.children(s, "Coding").isEmpty()) loss.add("source " + guid + ": whole-source codings not carried");
        for (Element n : Xml.children(s, "NoteRef")) {
            noteRefs.computeIfAbsent(Code.normaliseGuid(guid), k -> new ArrayList<>())
                    .add(n.getAttribute("targetGUID"));
        }
        String name = Xml.attr(s, "name");
        return new QdaProject.TextSource(guid, name == null ? "" : name, text, selections);
    }

    /**
     * Raw code-point position to canonical position when the texts differ only by CR characters (CRLF or a
     * trailing line end) and trailing blanks; null when normalisation changed more.
     */
    private static int[] positions(String raw, CanonicalText text) {
        String canon = text.text();
        int rawLength = raw.codePointCount(0, raw.length());
        int[] map = new int[rawLength + 1];
        int i = 0;
        int j = 0;
        int rp = 0;
        int cp = 0;
        while (i < raw.length()) {
            int a = raw.codePointAt(i);
            map[rp] = Math.min(cp, text.length());
            if (j < canon.length() && canon.codePointAt(j) == a) {
                j += Character.charCount(a);
                cp++;
            } else if (a != '\r' && a != ' ' && a != '\t' && a != '\n') {
                return null;
            }
            i += Character.charCount(a);
            rp++;
        }
        map[rp] = Math.min(cp, text.length());
        return j == canon.length() ? map : null;
    }
}

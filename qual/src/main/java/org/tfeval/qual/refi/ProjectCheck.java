package org.tfeval.qual.refi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tfeval.qual.codebook.Code;

/**
 * The checks Project.xsd cannot express (it has no keys): GUIDs unique across the project, every
 * reference resolves to an element of the right kind, {@code 0 <= start < end <= text length}, every
 * source file present, codings only on codable codes. Each finding says where, never what the text says.
 */
public final class ProjectCheck {
    private ProjectCheck() {}

    /** Findings, empty when the project is sound; {@code files} are the source files present in the package. */
    public static List<String> of(QdaProject p, Set<String> files) {
        List<String> out = new ArrayList<>();
        Map<String, String> kinds = new HashMap<>();
        p.users().forEach(u -> unique(kinds, u.guid(), "User", out));
        p.codes().forEach(c -> unique(kinds, c.guid(), "Code", out));
        p.cases().forEach(c -> unique(kinds, c.guid(), "Case", out));
        p.notes().forEach(n -> unique(kinds, n.guid(), "Note", out));
        for (QdaProject.TextSource s : p.sources()) {
            unique(kinds, s.guid(), "TextSource", out);
            for (QdaProject.Selection sel : s.selections()) {
                unique(kinds, sel.guid(), "PlainTextSelection", out);
                sel.codings().forEach(c -> unique(kinds, c.guid(), "Coding", out));
            }
        }
        Map<String, Code> codes = new HashMap<>();
        p.codes().forEach(c -> codes.put(c.guid(), c));
        for (Code c : p.codes()) {
            if (c.parent() != null && !"Code".equals(kinds.get(c.parent()))) {
                out.add("code " + c.guid() + ": parent " + c.parent() + " is not a code");
            }
        }
        for (QdaProject.Case c : p.cases()) {
            for (String s : c.sources()) {
                if (!"TextSource".equals(kinds.get(s))) out.add("case " + c.guid() + ": source " + s + " not found");
            }
        }
        for (QdaProject.TextSource s : p.sources()) {
            if (!files.contains(s.fileName()))
                out.add("source " + s.guid() + ": file sources/" + s.fileName() + " missing");
            int length = s.text().length();
            for (QdaProject.Selection sel : s.selections()) {
                if (sel.span().end() > length) {
                    out.add("selection " + sel.guid() + ": end " + sel.span().end() + " beyond the text's " + length
                            + " code points");
                }
                user(kinds, sel.creatingUser(), "selection " + sel.guid(), out);
                for (QdaProject.Coding c : sel.codings()) {
                    Code code = codes.get(c.code());
                    if (code == null) out.add("coding " + c.guid() + ": code " + c.code() + " not found");
                    else if (!code.codable()) out.add("coding " + c.guid() + ": code " + c.code() + " is not codable");
                    user(kinds, c.creatingUser(), "coding " + c.guid(), out);
                }
            }
        }
        for (QdaProject.Note n : p.notes()) user(kinds, n.creatingUser(), "note " + n.guid(), out);
        p.noteRefs().forEach((owner, notes) -> {
            String kind = kinds.get(owner);
            if (kind == null
                    || !Set.of("Code", "TextSource", "PlainTextSelection", "Case")
                            .contains(kind)) {
                out.add("note reference on " + owner + ": not a code, source, selection or case");
            }
            for (String n : notes) {
                if (!"Note".equals(kinds.get(n))) out.add("note reference on " + owner + ": note " + n + " not found");
            }
        });
        return out;
    }

    private static void unique(Map<String, String> kinds, String guid, String kind, List<String> out) {
        String had = kinds.putIfAbsent(guid, kind);
        if (had != null) out.add(kind + " " + guid + ": GUID already used by a " + had);
    }

    private static void user(Map<String, String> kinds, String guid, String where, List<String> out) {
        if (guid != null && !"User".equals(kinds.get(guid))) out.add(where + ": creating user " + guid + " not found");
    }
}

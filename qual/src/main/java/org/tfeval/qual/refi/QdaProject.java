package org.tfeval.qual.refi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

/**
 * What a REFI-QDA project carries between tfeval and other QDA software.
 *
 * @param name    project name
 * @param users   coders
 * @param codes   the codebook's codes, parents before children
 * @param cases   participants with their variables and transcripts
 * @param sources transcripts with their coded selections
 * @param notes    memos
 * @param noteRefs what each memo is on: the GUID of a code, a text source, a selection or a case, to its notes'
 *                 GUIDs in order (a case's notes travel as a {@code <Set>} named {@link #CASE_MEMOS} and the case
 *                 name, since REFI-QDA gives a case no {@code <NoteRef>})
 */
public record QdaProject(
        String name,
        List<User> users,
        List<Code> codes,
        List<Case> cases,
        List<TextSource> sources,
        List<Note> notes,
        Map<String, List<String>> noteRefs) {
    /** The name prefix of the set that carries a case's memos. */
    public static final String CASE_MEMOS = "Memos on case ";

    public QdaProject {
        Objects.requireNonNull(name, "name");
        users = List.copyOf(users);
        codes = List.copyOf(codes);
        cases = List.copyOf(cases);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
        Map<String, List<String>> refs = new TreeMap<>();
        noteRefs.forEach((owner, ns) -> {
            if (!ns.isEmpty())
                refs.put(
                        Code.normaliseGuid(owner),
                        ns.stream().map(Code::normaliseGuid).toList());
        });
        noteRefs = java.util.Collections.unmodifiableMap(refs);
    }

    /** A project whose notes are on nothing in it. */
    public QdaProject(
            String name,
            List<User> users,
            List<Code> codes,
            List<Case> cases,
            List<TextSource> sources,
            List<Note> notes) {
        this(name, users, codes, cases, sources, notes, Map.of());
    }

    /** The GUIDs of the notes on {@code owner}, in order. */
    public List<String> notesOn(String owner) {
        return noteRefs.getOrDefault(owner, List.of());
    }

    public record User(String guid, String name) {
        public User {
            guid = Code.normaliseGuid(guid);
            Objects.requireNonNull(name, "name");
        }
    }

    /** A participant: text variables (name to value, sorted) and the transcripts that belong to them. */
    public record Case(String guid, String name, Map<String, String> variables, List<String> sources) {
        public Case {
            guid = Code.normaliseGuid(guid);
            Objects.requireNonNull(name, "name");
            variables = java.util.Collections.unmodifiableMap(new TreeMap<>(variables));
            sources = sources.stream().map(Code::normaliseGuid).toList();
        }
    }

    public record Coding(String guid, String code, String creatingUser) {
        public Coding {
            guid = Code.normaliseGuid(guid);
            code = Code.normaliseGuid(code);
            if (creatingUser != null) creatingUser = Code.normaliseGuid(creatingUser);
        }
    }

    public record Selection(String guid, Span span, String creatingUser, List<Coding> codings) {
        public Selection {
            guid = Code.normaliseGuid(guid);
            Objects.requireNonNull(span, "span");
            if (creatingUser != null) creatingUser = Code.normaliseGuid(creatingUser);
            codings = List.copyOf(codings);
        }
    }

    public record TextSource(String guid, String name, CanonicalText text, List<Selection> selections) {
        public TextSource {
            guid = Code.normaliseGuid(guid);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            selections = List.copyOf(selections);
        }

        /** The file name inside the .qdpx. */
        public String fileName() {
            return guid + ".txt";
        }
    }

    /** A memo; {@code creatingUser} is its author's user GUID, or null. */
    public record Note(String guid, String name, String text, String creatingUser) {
        public Note {
            guid = Code.normaliseGuid(guid);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            if (creatingUser != null) creatingUser = Code.normaliseGuid(creatingUser);
        }

        public Note(String guid, String name, String text) {
            this(guid, name, text, null);
        }
    }
}

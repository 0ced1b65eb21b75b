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
 * @param notes   memos
 */
public record QdaProject(
        String name, List<User> users, List<Code> codes, List<Case> cases, List<TextSource> sources, List<Note> notes) {
    public QdaProject {
        Objects.requireNonNull(name, "name");
        users = List.copyOf(users);
        codes = List.copyOf(codes);
        cases = List.copyOf(cases);
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
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

    public record Note(String guid, String name, String text) {
        public Note {
            guid = Code.normaliseGuid(guid);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }
}

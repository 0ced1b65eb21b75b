package org.tfeval.qual.codebook;

import java.util.List;
import java.util.Objects;

/**
 * One change to the codebook, recorded in its history. Each says where the codings of a code go
 * ({@link #carry}): a merge moves them to the surviving code; every other change keeps them where they
 * are (a split leaves them on the source code until a coder re-sorts them, as ATLAS.ti does).
 */
public sealed interface CodebookChange {
    /** The code the codings of {@code guid} belong to after this change. */
    default String carry(String guid) {
        return guid;
    }

    /** A short description for the history. */
    String describe();

    record Add(Code code) implements CodebookChange {
        public Add {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String describe() {
            return "add " + code.name();
        }
    }

    record Rename(String guid, String name) implements CodebookChange {
        public Rename {
            guid = Code.normaliseGuid(guid);
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return "rename " + guid + " to " + name;
        }
    }

    /** Moves a code under another parent (null = to the top). */
    record Move(String guid, String parent) implements CodebookChange {
        public Move {
            guid = Code.normaliseGuid(guid);
            if (parent != null) parent = Code.normaliseGuid(parent);
        }

        @Override
        public String describe() {
            return "move " + guid + " under " + (parent == null ? "the top" : parent);
        }
    }

    /** Merges codes into one: their codings move to it and they are retired. */
    record Merge(List<String> from, String into) implements CodebookChange {
        public Merge {
            from = from.stream().map(Code::normaliseGuid).toList();
            into = Code.normaliseGuid(into);
            if (from.isEmpty() || from.contains(into)) {
                throw new IllegalArgumentException("a merge needs codes other than the one they merge into");
            }
        }

        @Override
        public String carry(String guid) {
            return from.contains(guid) ? into : guid;
        }

        @Override
        public String describe() {
            return "merge " + from + " into " + into;
        }
    }

    /** Adds new codes beside a code to split it; its codings stay on it until re-sorted. */
    record Split(String from, List<Code> into) implements CodebookChange {
        public Split {
            from = Code.normaliseGuid(from);
            into = List.copyOf(into);
            if (into.size() < 2) throw new IllegalArgumentException("a split needs at least two new codes");
        }

        @Override
        public String describe() {
            return "split " + from + " into " + into.stream().map(Code::name).toList();
        }
    }

    record Retire(String guid) implements CodebookChange {
        public Retire {
            guid = Code.normaliseGuid(guid);
        }

        @Override
        public String describe() {
            return "retire " + guid;
        }
    }
}

package org.tfeval.qual.codebook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tfeval.instrument.workflow.Problem;

/**
 * A version of the codebook: its codes (parents before children) and the changes that led to it.
 * Active code names are unique; parents exist; the tree has no cycles. Immutable: {@link #apply}
 * returns the next version.
 */
public record Codebook(int version, List<Code> codes, List<CodebookChange> history) {
    public Codebook {
        codes = List.copyOf(codes);
        history = List.copyOf(history);
        if (version != history.size()) {
            throw new IllegalArgumentException("version " + version + " must count the " + history.size() + " changes");
        }
        Map<String, Code> byGuid = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Code c : codes) {
            if (byGuid.put(c.guid(), c) != null) throw new IllegalArgumentException("duplicate code guid " + c.guid());
            if (!c.retired() && !names.add(c.name())) {
                throw Problem.usage("two active codes are named " + c.name(), "rename one of them");
            }
        }
        for (Code c : codes) {
            Set<String> seen = new HashSet<>();
            for (String p = c.parent(); p != null; p = byGuid.get(p).parent()) {
                if (!byGuid.containsKey(p))
                    throw new IllegalArgumentException("code " + c.name() + " has an unknown parent");
                if (!seen.add(p)) throw Problem.usage("the codebook would have a cycle at " + c.name(), null);
            }
        }
    }

    public static Codebook empty() {
        return new Codebook(0, List.of(), List.of());
    }

    /** The codebook holding the given codes (as imported): one Add per code. */
    public static Codebook of(List<Code> codes) {
        Codebook b = empty();
        for (Code c : ordered(codes)) b = b.apply(new CodebookChange.Add(c));
        return b;
    }

    private static List<Code> ordered(List<Code> codes) {
        List<Code> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Code> left = new ArrayList<>(codes);
        while (!left.isEmpty()) {
            int before = left.size();
            left.removeIf(c -> {
                if (c.parent() == null || placed.contains(c.parent())) {
                    out.add(c);
                    placed.add(c.guid());
                    return true;
                }
                return false;
            });
            if (left.size() == before) {
                throw Problem.usage(
                        "the codebook would have a cycle or a code under an unknown parent",
                        "a code cannot be moved under one of its own descendants");
            }
        }
        return out;
    }

    public Optional<Code> code(String guid) {
        String g = Code.normaliseGuid(guid);
        return codes.stream().filter(c -> c.guid().equals(g)).findFirst();
    }

    public Optional<Code> named(String name) {
        return codes.stream().filter(c -> !c.retired() && c.name().equals(name)).findFirst();
    }

    public List<Code> children(String guid) {
        return codes.stream().filter(c -> Objects.equals(c.parent(), guid)).toList();
    }

    /**
     * Where codings made on {@code guid} under version {@code since} belong now, following every later change
     * (the version is the number of changes, so change {@code i} turned version {@code i} into {@code i + 1}).
     */
    public String carry(String guid, int since) {
        String g = Code.normaliseGuid(guid);
        for (int i = Math.max(0, since); i < history.size(); i++)
            g = history.get(i).carry(g);
        return g;
    }

    /** The next version after a change. */
    public Codebook apply(CodebookChange change) {
        Map<String, Code> next = new LinkedHashMap<>();
        for (Code c : codes) next.put(c.guid(), c);
        if (change instanceof CodebookChange.Add) {
            Code c = ((CodebookChange.Add) change).code();
            if (c.parent() != null) need(next, c.parent());
            next.put(c.guid(), c);
        } else if (change instanceof CodebookChange.Rename) {
            CodebookChange.Rename r = (CodebookChange.Rename) change;
            next.put(r.guid(), need(next, r.guid()).withName(r.name()));
        } else if (change instanceof CodebookChange.Move) {
            CodebookChange.Move m = (CodebookChange.Move) change;
            if (m.parent() != null) need(next, m.parent());
            next.put(m.guid(), need(next, m.guid()).withParent(m.parent()));
        } else if (change instanceof CodebookChange.Merge) {
            CodebookChange.Merge m = (CodebookChange.Merge) change;
            if (!need(next, m.into()).applicable()) {
                throw Problem.usage("codes can only be merged into an active codable code", null);
            }
            for (String f : m.from()) {
                if (!children(f).isEmpty()) {
                    for (Code child : children(f)) next.put(child.guid(), child.withParent(m.into()));
                }
                next.put(f, need(next, f).retire());
            }
        } else if (change instanceof CodebookChange.Split) {
            CodebookChange.Split s = (CodebookChange.Split) change;
            Code from = need(next, s.from());
            for (Code c : s.into()) next.put(c.guid(), c.withParent(from.parent()));
        } else if (change instanceof CodebookChange.Retire) {
            CodebookChange.Retire r = (CodebookChange.Retire) change;
            next.put(r.guid(), need(next, r.guid()).retire());
        }
        List<CodebookChange> h = new ArrayList<>(history);
        h.add(change);
        return new Codebook(version + 1, ordered(new ArrayList<>(next.values())), h);
    }

    private static Code need(Map<String, Code> codes, String guid) {
        Code c = codes.get(guid);
        if (c == null)
            throw Problem.usage("no code with guid " + guid + " in the codebook", "see tfeval qual codebook");
        return c;
    }
}

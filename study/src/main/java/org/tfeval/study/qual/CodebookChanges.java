package org.tfeval.study.qual;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.codebook.CodebookChange;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.store.Store;
import org.tfeval.store.qual.CodebookTables;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.audit.AuditEvents;

/**
 * Changes to the stored codebook, each a new version applied to the stored codings in the same transaction
 * and audited: add, rename and move keep codings where they are; a merge moves every ordinary coding of the
 * merged codes to the surviving code and retires them; a split adds the new codes beside the old one, moves
 * each coding an explicit assignment or a rule places, puts the rest on the split review list, and retires
 * the old code; a retired code keeps its codings but takes no new ones. Blind codings of reliability rounds
 * never move (a round is tied to its codebook version). Importing a .qdc is one version too.
 */
public final class CodebookChanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    private CodebookChanges(Study study) {
        this.store = Objects.requireNonNull(study, "study").store();
    }

    public static CodebookChanges of(Study study) {
        return new CodebookChanges(study);
    }

    /**
     * What one change did.
     *
     * @param version      the codebook version it made
     * @param kind         add, rename, move, merge, split, retire or import
     * @param description  in words, with code names
     * @param codingsMoved ordinary codings moved to another code
     * @param toReview     codings put on the split review list
     */
    public record Applied(int version, String kind, String description, int codingsMoved, int toReview) {}

    /**
     * A rule of a split: codings whose text matches {@code pattern} (case-insensitive) go to {@code code}; the
     * first matching rule wins.
     */
    public record Rule(String code, Pattern pattern) {
        public Rule {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(pattern, "pattern");
        }

        /** Parses {@code NAME=REGEX}. */
        public static Rule parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw Problem.usage(
                        "a split rule is NAME=REGEX, not " + text, "e.g. --rule 'Shelter: minors=minor|child'");
            }
            try {
                return new Rule(
                        text.substring(0, eq).strip(),
                        Pattern.compile(text.substring(eq + 1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw Problem.usage("the rule for " + text.substring(0, eq) + " is not a regular expression", null);
            }
        }
    }

    /** Adds a code (or, with {@code category}, a non-codable category) under {@code parent} (null = top). */
    public Applied add(String name, String parent, String definition, boolean category, String actor) {
        return tx(c -> {
            Codebook book = book(c);
            String parentGuid = parent == null ? null : find(book, parent).guid();
            Code code = category ? Code.category(name, parentGuid) : Code.of(name, parentGuid, definition);
            Codebook next = book.apply(new CodebookChange.Add(code));
            return finish(
                    c,
                    next,
                    "add",
                    "add " + (category ? "category " : "code ") + code.name(),
                    detail("code", code.guid(), "name", code.name(), "parent", parentGuid),
                    0,
                    0,
                    actor);
        });
    }

    /** Renames a code; its codings stay on it. */
    public Applied rename(String code, String newName, String actor) {
        return tx(c -> {
            Codebook book = book(c);
            Code k = find(book, code);
            Codebook next = book.apply(new CodebookChange.Rename(k.guid(), newName));
            return finish(
                    c,
                    next,
                    "rename",
                    "rename " + k.name() + " to " + newName.strip(),
                    detail("code", k.guid(), "from", k.name(), "to", newName.strip()),
                    0,
                    0,
                    actor);
        });
    }

    /** Moves a code under another parent (null = the top); its codings stay on it. */
    public Applied move(String code, String parent, String actor) {
        return tx(c -> {
            Codebook book = book(c);
            Code k = find(book, code);
            Code p = parent == null ? null : find(book, parent);
            Codebook next = book.apply(new CodebookChange.Move(k.guid(), p == null ? null : p.guid()));
            return finish(
                    c,
                    next,
                    "move",
                    "move " + k.name() + " under " + (p == null ? "the top" : p.name()),
                    detail("code", k.guid(), "from_parent", k.parent(), "to_parent", p == null ? null : p.guid()),
                    0,
                    0,
                    actor);
        });
    }

    /** Merges codes into one: their ordinary codings move to it, and they are retired. */
    public Applied merge(List<String> from, String into, String actor) {
        if (from.isEmpty())
            throw Problem.usage("name the codes to merge", "tfeval qual codebook change merge A B --into C");
        return tx(c -> {
            Codebook book = book(c);
            Code target = find(book, into);
            List<Code> sources = new ArrayList<>();
            for (String f : from) sources.add(find(book, f));
            if (sources.stream().anyMatch(s -> !s.codable())) {
                throw Problem.usage("a category has no codings to merge", "move its codes instead");
            }
            List<String> guids = sources.stream().map(Code::guid).toList();
            Codebook next = book.apply(new CodebookChange.Merge(guids, target.guid()));
            int version = record(
                    c,
                    next,
                    "merge",
                    "merge " + sources.stream().map(Code::name).toList() + " into " + target.name(),
                    detail("from", guids, "into", target.guid()),
                    actor);
            int moved = CodebookTables.moveAll(c, guids, target.guid(), version);
            return done(c, version, "merge", moved, 0, actor);
        });
    }

    /**
     * Splits a code into new codes (at least two, beside it). Each ordinary coding goes where {@code assign}
     * (coding GUID to new code name) puts it, else to the first {@code rules} match on its text, else onto the
     * split review list; the old code is retired (its unsorted codings stay on it until sorted).
     */
    public Applied split(String code, List<String> into, Map<String, String> assign, List<Rule> rules, String actor) {
        return tx(c -> {
            Codebook book = book(c);
            Code from = find(book, code);
            if (!from.applicable()) throw Problem.usage("only an active codable code can be split", null);
            List<Code> made = into.stream().map(n -> Code.of(n, null, "")).toList();
            Map<String, String> guidOf = new LinkedHashMap<>();
            made.forEach(m -> guidOf.put(m.name(), m.guid()));
            for (String target : assign.values()) requireTarget(guidOf, target);
            for (Rule r : rules) requireTarget(guidOf, r.code());
            Codebook next = book.apply(new CodebookChange.Split(from.guid(), made))
                    .apply(new CodebookChange.Retire(from.guid()));
            int version = record(
                    c,
                    next,
                    "split",
                    "split " + from.name() + " into " + into,
                    detail(
                            "from",
                            from.guid(),
                            "into",
                            made.stream().map(Code::guid).toList(),
                            "rules",
                            rules.size(),
                            "assigned",
                            assign.size()),
                    actor);
            int moved = 0;
            int review = 0;
            Map<Long, QualTables.Transcript> texts = new LinkedHashMap<>();
            List<CodebookTables.Placed> codings = CodebookTables.codingsOf(c, from.guid());
            for (String g : assign.keySet()) {
                if (codings.stream().noneMatch(p -> p.guid().equals(g))) {
                    throw Problem.usage("coding " + g + " is not an ordinary coding of " + from.name(), null);
                }
            }
            for (CodebookTables.Placed p : codings) {
                String target = assign.get(p.guid());
                if (target == null && !rules.isEmpty()) {
                    QualTables.Transcript t = texts.get(p.transcriptId());
                    if (t == null) {
                        t = QualTables.byId(c, p.transcriptId()).orElseThrow();
                        texts.put(p.transcriptId(), t);
                    }
                    String words = t.text().slice(p.span());
                    for (Rule r : rules) {
                        if (r.pattern().matcher(words).find()) {
                            target = r.code();
                            break;
                        }
                    }
                }
                if (target == null) {
                    CodebookTables.awaitSort(c, p.guid(), version);
                    review++;
                } else {
                    CodebookTables.move(c, p.guid(), guidOf.get(target.strip()), version);
                    moved++;
                }
            }
            return done(c, version, "split", moved, review, actor);
        });
    }

    private static void requireTarget(Map<String, String> guidOf, String target) {
        if (!guidOf.containsKey(target.strip())) {
            throw Problem.usage("a split places codings only into its new codes, not " + target, null);
        }
    }

    /** Retires a code: its codings stay, new ones are refused. */
    public Applied retire(String code, String actor) {
        return tx(c -> {
            Codebook book = book(c);
            Code k = find(book, code);
            if (k.retired()) throw Problem.usage("code " + k.name() + " is already retired", null);
            Codebook next = book.apply(new CodebookChange.Retire(k.guid()));
            return finish(
                    c, next, "retire", "retire " + k.name(), detail("code", k.guid(), "name", k.name()), 0, 0, actor);
        });
    }

    /**
     * Imports a REFI-QDA .qdc as one new version: codes are matched by GUID (new ones added, known ones
     * updated); codes of the stored codebook missing from the file are retired, never deleted.
     */
    public Applied importQdc(Path qdc, String actor) {
        Codebook file;
        try {
            file = Qdc.read(Files.readAllBytes(qdc));
        } catch (IOException e) {
            throw Problem.usage("cannot read " + qdc, "check the path");
        }
        return tx(c -> {
            List<Code> stored = QualTables.codes(c);
            Map<String, Code> merged = new LinkedHashMap<>();
            for (Code k : stored) merged.put(k.guid(), k);
            int added = 0;
            int updated = 0;
            for (Code k : file.codes()) {
                Code before = merged.put(k.guid(), k);
                if (before == null) added++;
                else if (!before.equals(k)) updated++;
            }
            int retired = 0;
            for (Code k : stored) {
                if (file.code(k.guid()).isEmpty() && !k.retired()) {
                    merged.put(k.guid(), k.retire());
                    retired++;
                }
            }
            Codebook next = Codebook.of(new ArrayList<>(merged.values()));
            return finish(
                    c,
                    next,
                    "import",
                    "import " + qdc.getFileName() + ": " + added + " added, " + updated + " updated, " + retired
                            + " retired",
                    detail(
                            "file",
                            qdc.getFileName().toString(),
                            "added",
                            added,
                            "updated",
                            updated,
                            "retired",
                            retired,
                            "codes",
                            file.codes().size()),
                    0,
                    0,
                    actor);
        });
    }

    /**
     * One recorded codebook version.
     *
     * @param version      its number
     * @param kind         add, rename, move, merge, split, retire, import (legacy before V730)
     * @param description  what changed, with code names
     * @param codingsMoved codings it moved to another code
     * @param changedBy    who
     * @param changedAt    when
     */
    public record Version(
            int version, String kind, String description, int codingsMoved, String changedBy, Instant changedAt) {}

    /**
     * A coding of a split code waiting to be sorted.
     *
     * @param coding       its GUID
     * @param version      the split's version
     * @param transcriptId the transcript version it sits on
     * @param span         where
     */
    public record Waiting(String coding, int version, long transcriptId, org.tfeval.qual.text.Span span) {}

    /** The recorded versions, oldest first. */
    public List<Version> history() {
        return tx(c -> CodebookTables.history(c).stream()
                .map(h -> new Version(
                        h.version(), h.kind(), h.description(), h.codingsMoved(), h.changedBy(), h.changedAt()))
                .toList());
    }

    /** The current version number. */
    public int version() {
        return tx(CodebookTables::version);
    }

    /** The codings of split codes waiting to be sorted. */
    public List<Waiting> waiting() {
        return tx(c -> CodebookTables.waiting(c).stream()
                .map(w -> new Waiting(w.coding(), w.version(), w.transcriptId(), w.span()))
                .toList());
    }

    /** Sorts a waiting coding into one of its split's new codes (or any active code). */
    public void sort(String coding, String code, String actor) {
        tx(c -> {
            Code k = find(book(c), code);
            if (!k.applicable()) throw Problem.usage("code " + k.name() + " is a category or retired", null);
            int version = CodebookTables.version(c);
            if (!CodebookTables.resolve(c, coding, k.guid(), actor, Instant.now())) {
                throw Problem.usage("coding " + coding + " is not waiting to be sorted", "tfeval qual codebook review");
            }
            CodebookTables.move(c, coding, k.guid(), version);
            AuditEvents.record(c, actor, "codebook_sort", null, "coding", coding, "code", k.guid());
            return null;
        });
    }

    private static Codebook book(Connection c) throws SQLException {
        return Codebook.of(QualTables.codes(c));
    }

    /** A code by active name, or by GUID (retired codes too). */
    static Code find(Codebook book, String nameOrGuid) {
        Optional<Code> k = book.named(nameOrGuid.strip());
        if (k.isEmpty() && nameOrGuid.strip().matches("(?i)\\{?[0-9a-f-]{36}}?")) k = book.code(nameOrGuid);
        return k.orElseThrow(
                () -> Problem.usage("no code " + nameOrGuid + " in the codebook", "tfeval qual codebook show"));
    }

    private Applied finish(
            Connection c,
            Codebook next,
            String kind,
            String description,
            String detail,
            int moved,
            int review,
            String actor)
            throws SQLException {
        int version = record(c, next, kind, description, detail, actor);
        return done(c, version, kind, moved, review, actor);
    }

    private static int record(Connection c, Codebook next, String kind, String description, String detail, String actor)
            throws SQLException {
        QualTables.saveCodes(c, next.codes());
        return CodebookTables.record(c, kind, description, detail, actor, Instant.now());
    }

    private static Applied done(Connection c, int version, String kind, int moved, int review, String actor)
            throws SQLException {
        CodebookTables.setMoved(c, version, moved);
        String description = CodebookTables.history(c).get(version - 1).description();
        AuditEvents.record(
                c,
                actor,
                "codebook_change",
                null,
                "version",
                version,
                "kind",
                kind,
                "codings_moved",
                moved,
                "to_review",
                review);
        return new Applied(version, kind, description, moved, review);
    }

    private static String detail(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a codebook change's detail", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            throw Problem.internal("the database refused the codebook change (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

package org.tfeval.study.qual;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.deid.Origin;
import org.tfeval.qual.deid.Rendering;
import org.tfeval.qual.deid.ResidualScan;
import org.tfeval.qual.deid.Roster;
import org.tfeval.qual.deid.Status;
import org.tfeval.qual.deid.Suggester;
import org.tfeval.qual.deid.Suggestion;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.Remap;
import org.tfeval.qual.transcript.Segment;
import org.tfeval.qual.transcript.TranscriptState;
import org.tfeval.qual.transcript.Turn;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.qual.DeidTables;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.protect.ParticipantKeys;

/**
 * De-identification as a reviewed workflow. On import the untouched original is sealed under the
 * participant's key ({@value #ORIGINAL}) and identifiers are suggested; the privacy officer accepts,
 * rejects, edits or adds spans ({@link #review} shows the original words, audited); {@link #render}
 * replaces the replaced spans by study-wide tokens and stores the de-identified text (in plain: coding
 * and analysis read it; a participant's removal must delete it); a second person {@link #markReviewed
 * marks it reviewed} once the {@link #scan residual scan} finds nothing undecided, and {@link #release}
 * makes it codable. {@link #declareClean} is the administrator's audited override for text that is
 * already clean (nothing at all is suggested in it). The key map (token to original) is sealed per
 * participant ({@value #KEY_MAP}); {@link #keyMap} reads it, audited. Coding and every export of
 * transcripts ({@link #requireExportable}) are refused while a residual-scan hit is undecided.
 */
public final class Deidentification {
    /** Sealing purpose of a transcript's original text. */
    public static final String ORIGINAL = "transcript-original";
    /** Sealing purpose of a transcript's original speaker labels. */
    public static final String SPEAKERS = "transcript-speakers";
    /** Sealing purpose of the key map's originals. */
    public static final String KEY_MAP = "key-map";
    /** Sealing purpose of a participant's own roster entries (their names). */
    public static final String ROSTER = "roster";

    /** What a token looks like in rendered text. */
    static final Pattern TOKEN = Pattern.compile("\\[[A-Z_]+-\\d+\\]");

    private final Study study;
    private final Store store;
    private final ParticipantKeys keys;
    private final LookupKey lookup;

    private Deidentification(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
        this.keys = ParticipantKeys.of(study.folder().dir());
        this.lookup = LookupKey.of(study.folder().dir());
    }

    public static Deidentification of(Study study) {
        return new Deidentification(study);
    }

    ParticipantKeys keys() {
        return keys;
    }

    // ------------------------------------------------------------------ rosters

    /**
     * Adds a roster entry. With a participant, the entry is one of their own names: sealed under their
     * key (so their removal shreds it); without, a task force, agency or place, stored plain.
     */
    public long addRosterEntry(Category category, String value, String participantId, String actor, Role role) {
        requireOfficer(role);
        new Roster.Entry("new", value, category); // checks the value
        return tx(c -> {
            long id = participantId == null
                    ? DeidTables.addRoster(c, category, null, value.strip(), null, actor)
                    : DeidTables.addRoster(
                            c, category, participantId, null, keys.seal(participantId, ROSTER, value.strip()), actor);
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "deid_roster_add",
                            null,
                            null,
                            "{\"entry\":\"R" + id + "\",\"category\":\"" + category.label() + "\",\"sealed\":"
                                    + (participantId != null) + "}"));
            return id;
        });
    }

    /** The study's roster: task-force names from the task-force form and the roster entries (opened). */
    public Roster roster() {
        return tx(this::roster);
    }

    private Roster roster(Connection c) throws SQLException {
        List<Roster.Entry> entries = new ArrayList<>(DeidTables.taskForceNames(c, store));
        for (DeidTables.RosterRow r : DeidTables.roster(c)) {
            if (r.participantId() == null) {
                entries.add(new Roster.Entry("R" + r.id(), r.value(), r.category()));
            } else if (!keys.destroyed(r.participantId())) {
                entries.add(new Roster.Entry(
                        "R" + r.id(), keys.openText(r.participantId(), ROSTER, r.sealed()), r.category()));
            }
        }
        return Roster.of(entries);
    }

    /** The roster with its words, for the privacy officer (audited). */
    public List<Roster.Entry> readRoster(String actor, Role role) {
        requireOfficer(role);
        return tx(c -> {
            Roster r = roster(c);
            audit(c, actor, "deid_roster_read", "{\"entries\":" + r.entries().size() + "}");
            return r.entries();
        });
    }

    // ------------------------------------------------------------------ suggestions

    /**
     * What suggesting did to one transcript.
     *
     * @param interviewId the interview
     * @param version     its newest version
     * @param suggested   new undecided suggestions
     * @param decided     decisions kept from before
     */
    public record Suggested(String interviewId, int version, int suggested, int decided) {}

    /**
     * Suggests identifiers in the newest transcript of each interview (state imported): undecided
     * suggestions are replaced, decisions kept, and a new suggestion that overlaps a decision dropped.
     */
    public List<Suggested> suggest(List<String> interviewIds, String actor) {
        return tx(c -> {
            Roster roster = roster(c);
            List<Suggested> out = new ArrayList<>();
            for (String id : interviewIds) {
                QualTables.Transcript t = newest(c, id);
                requireState(t, TranscriptState.IMPORTED, "suggest identifiers in");
                Original o = open(c, t);
                DeidTables.dropUndecided(c, t.id());
                List<DeidTables.Stored> decided = DeidTables.suggestions(c, t.id());
                int n = 0;
                Instant now = Instant.now();
                for (Suggestion s : Suggester.suggest(o.text(), o.turns(), roster)) {
                    if (decided.stream().anyMatch(d -> d.suggestion().span().overlaps(s.span()))) continue;
                    DeidTables.insert(c, t.id(), s, null, now);
                    n++;
                }
                audit(
                        c,
                        actor,
                        "deid_suggest",
                        "{\"interview\":\"" + id + "\",\"version\":" + t.version() + ",\"suggested\":" + n
                                + ",\"decided\":" + decided.size() + "}");
                out.add(new Suggested(id, t.version(), n, decided.size()));
            }
            return out;
        });
    }

    /** Suggests in every newest transcript still in state imported. */
    public List<Suggested> suggestAll(String actor) {
        List<String> ids = tx(c -> QualTables.latestAll(c).stream()
                .filter(t -> t.state() == TranscriptState.IMPORTED)
                .map(QualTables.Transcript::interviewId)
                .toList());
        return ids.isEmpty() ? List.of() : suggest(ids, actor);
    }

    /**
     * One suggestion as the reviewer sees it.
     *
     * @param id         its number (what decisions cite)
     * @param suggestion span, category, origin, source, status
     * @param words      the original words of the span
     * @param decidedBy  who decided it, or null
     */
    public record Item(long id, Suggestion suggestion, String words, String decidedBy) {}

    /**
     * A transcript under review: its original (the reviewer's view; every read audited).
     *
     * @param interviewId   the interview
     * @param version       the version
     * @param state         its state
     * @param participantId whose words they are
     * @param original      the untouched original text
     * @param items         the suggestions in order
     */
    public record Review(
            String interviewId,
            int version,
            TranscriptState state,
            String participantId,
            CanonicalText original,
            List<Item> items) {
        /** How many suggestions are still undecided. */
        public long undecided() {
            return items.stream()
                    .filter(i -> !i.suggestion().status().decided())
                    .count();
        }
    }

    /** The newest transcript of an interview with its original and suggestions; privacy officer only, audited. */
    public Review review(String interviewId, String actor, Role role) {
        requireOfficer(role);
        return tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            Original o = open(c, t);
            List<Item> items = new ArrayList<>();
            for (DeidTables.Stored s : DeidTables.suggestions(c, t.id())) {
                items.add(new Item(
                        s.id(), s.suggestion(), o.text().slice(s.suggestion().span()), s.decidedBy()));
            }
            audit(
                    c,
                    actor,
                    "transcript_original_read",
                    "{\"interview\":\"" + interviewId + "\",\"version\":" + t.version() + "}");
            return new Review(interviewId, t.version(), t.state(), o.participantId(), o.text(), items);
        });
    }

    /** A reviewer's decision on one suggestion. */
    public enum Decision {
        ACCEPT(Status.ACCEPTED),
        REJECT(Status.REJECTED);

        private final Status status;

        Decision(Status status) {
            this.status = status;
        }
    }

    /** Accepts or rejects a suggestion (transcript in state imported); privacy officer only, audited. */
    public void decide(long suggestionId, Decision decision, String actor, Role role) {
        requireOfficer(role);
        tx(c -> {
            DeidTables.Stored s = suggestion(c, suggestionId);
            DeidTables.decide(c, suggestionId, s.suggestion().with(decision.status), actor, Instant.now());
            auditDecision(c, actor, s, decision.status, s.suggestion().category());
            return null;
        });
    }

    /** Changes a suggestion's span or category; it is then replaced ("edited"). */
    public void edit(long suggestionId, Span span, Category category, String actor, Role role) {
        requireOfficer(role);
        tx(c -> {
            DeidTables.Stored s = suggestion(c, suggestionId);
            QualTables.Transcript t = QualTables.byId(c, s.transcriptId()).orElseThrow();
            Original o = open(c, t);
            requireInside(span, o.text());
            requireFree(c, s.transcriptId(), span, suggestionId);
            Suggestion edited = new Suggestion(
                    span, category, s.suggestion().origin(), s.suggestion().source(), Status.EDITED);
            DeidTables.decide(c, suggestionId, edited, actor, Instant.now());
            auditDecision(c, actor, s, Status.EDITED, category);
            return null;
        });
    }

    /** Adds a span no suggestion found; it is replaced. Returns its number. */
    public long add(String interviewId, Span span, Category category, String actor, Role role) {
        requireOfficer(role);
        return tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            requireState(t, TranscriptState.IMPORTED, "add a span to");
            Original o = open(c, t);
            requireInside(span, o.text());
            requireFree(c, t.id(), span, -1);
            long id = DeidTables.insert(
                    c,
                    t.id(),
                    new Suggestion(span, category, Origin.REVIEWER, "reviewer", Status.ADDED),
                    actor,
                    Instant.now());
            audit(
                    c,
                    actor,
                    "deid_decide",
                    "{\"suggestion\":" + id + ",\"interview\":\"" + interviewId + "\",\"status\":\"added\","
                            + "\"category\":\"" + category.label() + "\"}");
            return id;
        });
    }

    /**
     * Adds every occurrence of some words (whole words, any case) that no replaced span covers yet: how
     * a reviewer marks a name nothing found without counting code points (an undecided suggestion inside
     * an added span is rejected in its favour). Returns how many were added.
     */
    public int addWords(String interviewId, String words, Category category, String actor, Role role) {
        requireOfficer(role);
        Roster.Entry entry = new Roster.Entry("reviewer", words, category);
        return tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            requireState(t, TranscriptState.IMPORTED, "add a span to");
            Original o = open(c, t);
            List<DeidTables.Stored> known = DeidTables.suggestions(c, t.id());
            int n = 0;
            Instant now = Instant.now();
            for (Roster.Match m : Roster.of(List.of(entry)).find(o.text())) {
                boolean covered = known.stream()
                        .anyMatch(k -> k.suggestion().status().replaced()
                                && k.suggestion().span().overlaps(m.span()));
                if (covered) continue;
                for (DeidTables.Stored k : known) {
                    if (!k.suggestion().status().decided()
                            && k.suggestion().span().overlaps(m.span())) {
                        DeidTables.decide(c, k.id(), k.suggestion().with(Status.REJECTED), actor, now);
                    }
                }
                DeidTables.insert(
                        c,
                        t.id(),
                        new Suggestion(m.span(), category, Origin.REVIEWER, "reviewer", Status.ADDED),
                        actor,
                        now);
                n++;
            }
            audit(
                    c,
                    actor,
                    "deid_decide",
                    "{\"interview\":\"" + interviewId + "\",\"status\":\"added\",\"category\":\"" + category.label()
                            + "\",\"spans\":" + n + "}");
            return n;
        });
    }

    /**
     * Accepts every undecided suggestion of a roster entry ({@code R12}, {@code roster:R12} or {@code
     * TF_NAME:TF03}) in all transcripts still in state imported; returns how many.
     */
    public int acceptAllFrom(String rosterEntry, String actor, Role role) {
        requireOfficer(role);
        String source = rosterEntry.startsWith("roster:") ? rosterEntry : "roster:" + rosterEntry;
        return tx(c -> {
            List<DeidTables.Stored> all = DeidTables.undecidedFrom(c, source);
            Instant now = Instant.now();
            for (DeidTables.Stored s : all) {
                DeidTables.decide(c, s.id(), s.suggestion().with(Status.ACCEPTED), actor, now);
            }
            audit(
                    c,
                    actor,
                    "deid_accept_all",
                    "{\"source\":\"" + source.replace("\"", "") + "\",\"accepted\":" + all.size() + "}");
            return all.size();
        });
    }

    // ------------------------------------------------------------------ rendering and review

    /**
     * What rendering did.
     *
     * @param interviewId the interview
     * @param version     the version rendered
     * @param replaced    spans replaced by tokens
     * @param moved       codings of the previous version moved onto this one
     * @param toReview    codings of the previous version a person must place
     */
    public record Rendered(String interviewId, int version, int replaced, int moved, int toReview) {}

    /**
     * Renders the de-identified text of an interview's newest transcript (every suggestion decided):
     * replaced spans become study-wide tokens, the key map gets the originals (sealed), the turns move
     * into the rendered text's coordinates with their labels rendered, and the state becomes
     * de-identified. Codings of the previous version are remapped onto it (those that cannot be placed
     * go to the review list).
     */
    public Rendered render(String interviewId, String actor, Role role) {
        requireOfficer(role);
        return tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            requireState(t, TranscriptState.IMPORTED, "render");
            Original o = open(c, t);
            List<DeidTables.Stored> stored = DeidTables.suggestions(c, t.id());
            DeidTables.lockTokens(c);
            Rendering.Rendered r = Rendering.render(
                    o.text(),
                    stored.stream().map(DeidTables.Stored::suggestion).toList(),
                    (category, words) -> token(c, o.participantId(), category, words));
            for (DeidTables.Stored s : stored)
                DeidTables.renderedAt(c, s.id(), r.map(s.suggestion().span()));
            List<Turn> turns = new ArrayList<>();
            for (Turn turn : o.turns()) {
                Span span = r.map(turn.span());
                String label = "";
                if (!turn.speaker().isEmpty()) {
                    String words = r.text().slice(span);
                    int colon = words.indexOf(": ");
                    label = colon > 0 ? words.substring(0, colon) : "";
                }
                turns.add(new Turn(turn.index(), label, span, turn.cueStart(), turn.cueEnd()));
            }
            DeidTables.render(c, t.id(), r.text(), turns, actor);
            QualTables.setState(c, t.id(), t.state().moveTo(TranscriptState.DEIDENTIFIED));
            int[] remapped = remap(c, t, r.text());
            audit(
                    c,
                    actor,
                    "deid_render",
                    "{\"interview\":\"" + interviewId + "\",\"version\":" + t.version() + ",\"replaced\":"
                            + r.replacements().size() + ",\"text_sha256\":\""
                            + r.text().sha256()
                            + "\",\"moved\":" + remapped[0] + ",\"review\":" + remapped[1] + "}");
            stateAudit(c, actor, interviewId, t.version(), TranscriptState.IMPORTED, TranscriptState.DEIDENTIFIED);
            return new Rendered(interviewId, t.version(), r.replacements().size(), remapped[0], remapped[1]);
        });
    }

    /**
     * Corrects a codable transcript by a new reviewed version, the only way a codable text changes (a
     * false positive, or an identifier the review missed): the new version starts from the same sealed
     * original with every decision of the codable one copied, in state imported, and is suggested again
     * (a roster entry added since is found); the reviewer changes what was wrong, renders (the codable
     * version's codings are remapped onto the new text, those that cannot be placed go to the review
     * list), and a second person reviews it under the residual scan before it is released. Refused for
     * a transcript that is not codable or has no sealed original. Returns the new version number.
     */
    public int revise(String interviewId, String reason, String actor, Role role) {
        requireOfficer(role);
        if (reason == null || reason.isBlank()) {
            throw Problem.usage("a revision needs a reason", "say what the review got wrong, for the audit log");
        }
        int version = tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            requireState(t, TranscriptState.CODABLE, "revise");
            DeidTables.SealedOriginal sealed = DeidTables.original(c, t.id())
                    .orElseThrow(() -> Problem.refused(
                            "the transcript of " + interviewId + " v" + t.version() + " has no sealed original",
                            "import a corrected version: tfeval transcripts import FILE"));
            Original o = open(c, t);
            List<DeidTables.Stored> stored = DeidTables.suggestions(c, t.id());
            Rendering.Rendered r = Rendering.render(
                    o.text(),
                    stored.stream().map(DeidTables.Stored::suggestion).toList(),
                    (category, words) -> token(c, o.participantId(), category, words));
            if (!r.text().sha256().equals(t.text().sha256())) {
                throw Problem.refused(
                        "the codable text of " + interviewId + " cannot be reproduced from its decisions",
                        "import a corrected version: tfeval transcripts import FILE");
            }
            List<Turn> turns = new ArrayList<>();
            for (Turn turn : o.turns()) {
                Span original = new Span(
                        originalOf(r, turn.span().start(), true),
                        originalOf(r, turn.span().end(), false));
                turns.add(new Turn(turn.index(), turn.speaker(), original, turn.cueStart(), turn.cueEnd()));
            }
            QualTables.SourceFile source = QualTables.sourceFile(c, t.id());
            org.tfeval.qual.transcript.ParsedTranscript parsed = new org.tfeval.qual.transcript.ParsedTranscript(
                    o.text(),
                    turns,
                    org.tfeval.qual.transcript.TranscriptFormat.ofFileName(source.fileName()),
                    source.fileSha256());
            Instant at = Instant.now();
            int next = t.version() + 1;
            long id = QualTables.insert(c, interviewId, next, source.fileName(), parsed, actor, at);
            DeidTables.saveOriginal(c, id, sealed);
            for (DeidTables.Stored s : stored) DeidTables.insert(c, id, s.suggestion(), s.decidedBy(), at);
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "deid_revise",
                            null,
                            reason.strip(),
                            "{\"interview\":\"" + interviewId + "\",\"from\":" + t.version() + ",\"to\":" + next
                                    + ",\"decisions\":" + stored.size() + "}"));
            return next;
        });
        suggest(List.of(interviewId), actor);
        return version;
    }

    /** A rendered position back in original coordinates (inside a token: the replaced span's start or end). */
    private static int originalOf(Rendering.Rendered r, int rendered, boolean start) {
        int shift = 0;
        for (Rendering.Replacement x : r.replacements()) {
            if (rendered >= x.rendered().end())
                shift += x.original().length() - x.rendered().length();
            else if (rendered > x.rendered().start())
                return start ? x.original().start() : x.original().end();
            else break;
        }
        return rendered + shift;
    }

    /** Sends a rendered transcript back to review (de-identified or reviewed to imported); audited. */
    public void reopen(String interviewId, String actor, Role role) {
        requireOfficer(role);
        tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            TranscriptState now = t.state();
            if (now == TranscriptState.REVIEWED) {
                QualTables.setState(c, t.id(), now.moveTo(TranscriptState.DEIDENTIFIED));
                stateAudit(c, actor, interviewId, t.version(), now, TranscriptState.DEIDENTIFIED);
                now = TranscriptState.DEIDENTIFIED;
            }
            QualTables.setState(c, t.id(), now.moveTo(TranscriptState.IMPORTED));
            stateAudit(c, actor, interviewId, t.version(), now, TranscriptState.IMPORTED);
            return null;
        });
    }

    /** The de-identified text of an interview's newest transcript (refused before it is rendered). */
    public CanonicalText rendered(String interviewId) {
        return tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            if (t.state() == TranscriptState.IMPORTED) {
                throw Problem.refused(
                        "the transcript of " + interviewId + " is not rendered yet",
                        "tfeval deid render " + interviewId);
            }
            return t.text();
        });
    }

    /** The residual scan of an interview's newest rendered transcript. */
    public List<ResidualScan.Hit> scan(String interviewId) {
        return tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            if (t.state() == TranscriptState.IMPORTED) {
                throw Problem.refused(
                        "the transcript of " + interviewId + " is not rendered yet",
                        "tfeval deid render " + interviewId);
            }
            return scan(c, roster(c), t);
        });
    }

    private static List<ResidualScan.Hit> scan(Connection c, Roster roster, QualTables.Transcript t)
            throws SQLException {
        List<Span> settled = new ArrayList<>(DeidTables.rejectedRendered(c, t.id()));
        Matcher m = TOKEN.matcher(t.text().text());
        while (m.find())
            settled.add(new Span(t.text().codePointAt(m.start()), t.text().codePointAt(m.end())));
        return ResidualScan.scan(t.text(), roster, settled);
    }

    /**
     * Marks a de-identified transcript reviewed: by a second person (not who rendered it), and only when
     * the residual scan finds nothing undecided.
     */
    public void markReviewed(String interviewId, String actor, Role role) {
        requireOfficer(role);
        tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            requireState(t, TranscriptState.DEIDENTIFIED, "mark reviewed");
            if (actor.equals(DeidTables.renderedBy(c, t.id()).orElse(null))) {
                throw Problem.refused(
                        "the transcript of " + interviewId + " was rendered by " + actor
                                + "; a second person reviews it",
                        "ask another privacy officer");
            }
            requireNoResidue(c, roster(c), t);
            DeidTables.reviewedBy(c, t.id(), actor);
            QualTables.setState(c, t.id(), t.state().moveTo(TranscriptState.REVIEWED));
            stateAudit(c, actor, interviewId, t.version(), TranscriptState.DEIDENTIFIED, TranscriptState.REVIEWED);
            return null;
        });
    }

    /** Releases a reviewed transcript for coding (the residual scan is run again first). */
    public void release(String interviewId, String actor, Role role) {
        requireOfficer(role);
        tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            requireState(t, TranscriptState.REVIEWED, "release");
            requireNoResidue(c, roster(c), t);
            QualTables.setState(c, t.id(), t.state().moveTo(TranscriptState.CODABLE));
            stateAudit(c, actor, interviewId, t.version(), TranscriptState.REVIEWED, TranscriptState.CODABLE);
            return null;
        });
    }

    /**
     * The administrator's override for a transcript that is already clean: refused unless nothing at all
     * is suggested in it (rosters, patterns, speaker labels); then the original is the rendered text and
     * the transcript goes to codable in one audited step naming the reason.
     */
    public Rendered declareClean(String interviewId, String reason, String actor, Role role) {
        if (role != Role.ADMINISTRATOR) {
            throw Problem.refused("only an administrator may declare a transcript clean", null);
        }
        if (reason == null || reason.isBlank()) {
            throw Problem.usage("declaring a transcript clean needs a reason", "--reason TEXT");
        }
        return tx(c -> {
            QualTables.Transcript t = newest(c, interviewId);
            requireState(t, TranscriptState.IMPORTED, "declare clean");
            Original o = open(c, t);
            List<Suggestion> found = Suggester.suggest(o.text(), o.turns(), roster(c));
            if (!found.isEmpty()) {
                throw Problem.refused(
                        "the transcript of " + interviewId + " is not clean: " + found.size()
                                + " possible identifier(s) found",
                        "review it: tfeval deid suggest " + interviewId);
            }
            DeidTables.render(c, t.id(), o.text(), o.turns(), actor);
            DeidTables.reviewedBy(c, t.id(), actor);
            QualTables.setState(c, t.id(), TranscriptState.IMPORTED.moveTo(TranscriptState.DEIDENTIFIED));
            QualTables.setState(c, t.id(), TranscriptState.DEIDENTIFIED.moveTo(TranscriptState.REVIEWED));
            QualTables.setState(c, t.id(), TranscriptState.REVIEWED.moveTo(TranscriptState.CODABLE));
            int[] remapped = remap(c, t, o.text());
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "deid_override_clean",
                            "interview",
                            reason.strip(),
                            "{\"interview\":\"" + interviewId + "\",\"version\":" + t.version() + ",\"moved\":"
                                    + remapped[0] + ",\"review\":" + remapped[1] + "}"));
            stateAudit(c, actor, interviewId, t.version(), TranscriptState.IMPORTED, TranscriptState.CODABLE);
            return new Rendered(interviewId, t.version(), 0, remapped[0], remapped[1]);
        });
    }

    // ------------------------------------------------------------------ status, gates, key map

    /**
     * Where one transcript stands.
     *
     * @param interviewId the interview
     * @param version     its newest version
     * @param state       its state
     * @param byStatus    its suggestions by status
     * @param residual    undecided residual-scan hits (rendered transcripts; 0 before)
     */
    public record TranscriptStatus(
            String interviewId, int version, TranscriptState state, Map<Status, Long> byStatus, int residual) {}

    /** Every newest transcript's de-identification status. */
    public List<TranscriptStatus> status() {
        return tx(c -> {
            Roster roster = roster(c);
            Map<Long, Map<Status, Long>> counts = new LinkedHashMap<>();
            for (Object[] row : DeidTables.statusCounts(c)) {
                counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(Status.class))
                        .put(Status.of((String) row[1]), (Long) row[2]);
            }
            List<TranscriptStatus> out = new ArrayList<>();
            for (QualTables.Transcript t : QualTables.latestAll(c)) {
                int residual = t.state() == TranscriptState.IMPORTED
                        ? 0
                        : ResidualScan.unreviewed(scan(c, roster, t)).size();
                out.add(new TranscriptStatus(
                        t.interviewId(),
                        t.version(),
                        t.state(),
                        counts.getOrDefault(t.id(), new EnumMap<>(Status.class)),
                        residual));
            }
            return out;
        });
    }

    /**
     * Refuses when any codable transcript (of the given interviews, or all when null) has an undecided
     * residual-scan hit: what every export of transcripts and quotes, and coding, checks first.
     */
    public void requireExportable(List<String> interviewIds) {
        tx(c -> {
            requireExportable(c, interviewIds);
            return null;
        });
    }

    void requireExportable(Connection c, List<String> interviewIds) throws SQLException {
        Roster roster = roster(c);
        int blocked = 0;
        String first = null;
        for (QualTables.Transcript t : QualTables.latestAll(c)) {
            if (!t.state().codable()) continue;
            if (interviewIds != null && !interviewIds.contains(t.interviewId())) continue;
            if (!ResidualScan.unreviewed(scan(c, roster, t)).isEmpty()) {
                blocked++;
                if (first == null) first = t.interviewId();
            }
        }
        if (blocked > 0) {
            throw Problem.refused(
                    blocked + " transcript(s) have unreviewed roster or pattern matches (first: " + first + ")",
                    "review them: tfeval deid scan " + first);
        }
    }

    /** One entry of the key map as the privacy officer reads it. */
    public record KeyEntry(String token, Category category, String participantId, String original) {}

    /** The key map, opened; privacy officer only, audited. Entries of removed participants are left out. */
    public List<KeyEntry> keyMap(String actor, Role role) {
        requireOfficer(role);
        return tx(c -> {
            List<KeyEntry> out = new ArrayList<>();
            int removed = 0;
            for (DeidTables.KeyMapRow r : DeidTables.keyMap(c)) {
                if (keys.destroyed(r.participantId())) {
                    removed++;
                    continue;
                }
                out.add(new KeyEntry(
                        r.token(),
                        r.category(),
                        r.participantId(),
                        keys.openText(r.participantId(), KEY_MAP, r.sealed())));
            }
            audit(c, actor, "deid_keymap_read", "{\"entries\":" + out.size() + ",\"removed\":" + removed + "}");
            return out;
        });
    }

    // ------------------------------------------------------------------ internals

    /** A transcript's opened original. */
    record Original(String participantId, CanonicalText text, List<Turn> turns) {}

    private Original open(Connection c, QualTables.Transcript t) throws SQLException {
        DeidTables.SealedOriginal s = DeidTables.original(c, t.id())
                .orElseThrow(() -> Problem.internal(
                        "the transcript of " + t.interviewId() + " v" + t.version() + " has no sealed original", null));
        CanonicalText text = CanonicalText.verbatim(keys.openText(s.participantId(), ORIGINAL, s.text()));
        String[] labels =
                keys.openText(s.participantId(), SPEAKERS, s.speakers()).split("\n", -1);
        List<Turn> stored = DeidTables.turns(c, t.id());
        List<Turn> turns = new ArrayList<>();
        for (Turn turn : stored) {
            String label = turn.index() < labels.length ? labels[turn.index()] : "";
            turns.add(new Turn(turn.index(), label, turn.span(), turn.cueStart(), turn.cueEnd()));
        }
        return new Original(s.participantId(), text, turns);
    }

    /** Seals what an import stores: the original text and its speaker labels (one per line). */
    DeidTables.SealedOriginal seal(String participantId, CanonicalText text, List<Turn> turns) {
        String labels = String.join(
                "\n", turns.stream().map(t -> t.speaker().replace('\n', ' ')).toList());
        return new DeidTables.SealedOriginal(
                participantId,
                keys.seal(participantId, ORIGINAL, text.text()),
                keys.seal(participantId, SPEAKERS, labels));
    }

    private String token(Connection c, String participantId, Category category, String words) {
        try {
            String token = DeidTables.token(c, category, lookup.of(category, words));
            if (!DeidTables.hasOriginal(c, token, participantId)) {
                DeidTables.saveOriginal(c, token, participantId, keys.seal(participantId, KEY_MAP, words));
            }
            return token;
        } catch (SQLException e) {
            throw Problem.internal("cannot assign a token (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** Remaps the previous version's codings onto a newly rendered text; returns {moved, to review}. */
    private static int[] remap(Connection c, QualTables.Transcript t, CanonicalText rendered) throws SQLException {
        Optional<QualTables.Transcript> previous = QualTables.previous(c, t);
        if (previous.isEmpty()) return new int[] {0, 0};
        List<QualTables.Coding> codings = QualTables.codings(c, previous.get().id());
        if (codings.isEmpty()) return new int[] {0, 0};
        List<Segment> segments = codings.stream()
                .map(g -> new Segment(g.guid(), g.span(), g.textHash()))
                .toList();
        Remap.Result r = Remap.of(previous.get().text(), rendered, segments);
        Map<String, QualTables.Coding> byGuid = new LinkedHashMap<>();
        codings.forEach(g -> byGuid.put(g.guid(), g));
        Instant at = Instant.now();
        for (Remap.Moved m : r.moved()) {
            QualTables.Coding g = byGuid.get(m.segment().id());
            QualTables.insertCoding(
                    c,
                    new QualTables.Coding(
                            UUID.randomUUID().toString(), t.id(), m.to(), g.textHash(), g.code(), g.coder()),
                    null,
                    at);
        }
        for (Remap.Unplaced u : r.review()) {
            QualTables.review(c, u.segment().id(), t.id(), u.reason().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new int[] {r.moved().size(), r.review().size()};
    }

    private static void requireNoResidue(Connection c, Roster roster, QualTables.Transcript t) throws SQLException {
        List<ResidualScan.Hit> left = ResidualScan.unreviewed(scan(c, roster, t));
        if (!left.isEmpty()) {
            throw Problem.refused(
                    "the residual scan of " + t.interviewId() + " found " + left.size()
                            + " unreviewed roster or pattern match(es) ("
                            + left.stream()
                                    .map(h -> h.category().label())
                                    .distinct()
                                    .toList() + ")",
                    "reopen it, decide them and render again: tfeval deid scan " + t.interviewId());
        }
    }

    private DeidTables.Stored suggestion(Connection c, long id) throws SQLException {
        DeidTables.Stored s = DeidTables.suggestion(c, id)
                .orElseThrow(() -> Problem.usage("no suggestion " + id, "see tfeval deid review INTERVIEW"));
        QualTables.Transcript t = QualTables.byId(c, s.transcriptId()).orElseThrow();
        requireState(t, TranscriptState.IMPORTED, "decide suggestions of");
        if (s.suggestion().origin() == Origin.REVIEWER) {
            throw Problem.usage("suggestion " + id + " was added by a reviewer", "edit its span instead");
        }
        return s;
    }

    private static void requireInside(Span span, CanonicalText text) {
        if (span.end() > text.length()) throw Problem.usage("the span leaves the transcript", null);
    }

    private static void requireFree(Connection c, long transcriptId, Span span, long except) throws SQLException {
        for (DeidTables.Stored s : DeidTables.suggestions(c, transcriptId)) {
            if (s.id() != except
                    && s.suggestion().status().replaced()
                    && s.suggestion().span().overlaps(span)) {
                throw Problem.usage(
                        "the span overlaps suggestion " + s.id() + ", which is already replaced",
                        "edit that one instead");
            }
        }
    }

    private static void requireState(QualTables.Transcript t, TranscriptState wanted, String what) {
        if (t.state() != wanted) {
            throw Problem.refused(
                    "cannot " + what + " the transcript of " + t.interviewId() + ": it is "
                            + t.state().label() + ", not " + wanted.label(),
                    t.state() == TranscriptState.CODABLE
                            ? "a codable transcript is final: import a corrected version"
                            : "reopen it first: tfeval deid reopen " + t.interviewId());
        }
    }

    private static void requireOfficer(Role role) {
        if (role == null || !role.readsOriginals()) {
            throw Problem.refused(
                    "only a privacy officer reviews de-identification and reads originals",
                    "ask the study's privacy officer");
        }
    }

    private static QualTables.Transcript newest(Connection c, String interviewId) throws SQLException {
        return QualTables.latest(c, interviewId)
                .orElseThrow(() -> Problem.usage(
                        "interview " + interviewId + " has no transcript", "tfeval transcripts import FILE"));
    }

    private static void auditDecision(Connection c, String actor, DeidTables.Stored s, Status status, Category category)
            throws SQLException {
        audit(
                c,
                actor,
                "deid_decide",
                "{\"suggestion\":" + s.id() + ",\"transcript\":" + s.transcriptId() + ",\"status\":\"" + status.label()
                        + "\",\"category\":\"" + category.label() + "\"}");
    }

    private static void stateAudit(
            Connection c, String actor, String interviewId, int version, TranscriptState from, TranscriptState to)
            throws SQLException {
        AuditLog.record(
                c,
                new AuditEntry(
                        actor,
                        "transcript_state",
                        "interview",
                        null,
                        "{\"interview\":\"" + interviewId + "\",\"version\":" + version + ",\"from\":\"" + from.label()
                                + "\",\"to\":\"" + to.label() + "\"}"));
    }

    private static void audit(Connection c, String actor, String action, String json) throws SQLException {
        AuditLog.record(c, new AuditEntry(actor, action, null, null, json));
    }

    /** All categories' labels, for help texts. */
    public static List<String> categories() {
        return Arrays.stream(Category.values()).map(Category::label).toList();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** The connection of {@link #inOneTransaction} on this thread, or null. */
    private final ThreadLocal<Connection> joined = new ThreadLocal<>();

    /**
     * Runs several steps of this workflow in one transaction (all or none): what a scripted review of
     * many transcripts uses, so it does not open a connection per decision.
     */
    public <T> T inOneTransaction(java.util.function.Supplier<T> steps) {
        if (joined.get() != null) return steps.get();
        return tx(c -> {
            joined.set(c);
            try {
                return steps.get();
            } finally {
                joined.remove();
            }
        });
    }

    private <T> T tx(Work<T> work) {
        Connection current = joined.get();
        try {
            if (current != null) return work.run(current);
            return store.tx(work::run);
        } catch (SQLException e) {
            if ("23514".equals(e.getSQLState())) {
                throw Problem.refused("a codable transcript cannot change", "import the correction as a new version");
            }
            throw Problem.internal("the database refused the request (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

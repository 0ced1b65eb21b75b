package org.tfeval.study.qual;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.TranscriptState;
import org.tfeval.store.Store;
import org.tfeval.store.qual.CodingScreenTables;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.Account;
import org.tfeval.study.accounts.NotAllowed;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.accounts.Role;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.protect.ParticipantStatus;
import org.tfeval.study.protect.TranscriptAccess;

/**
 * The coding screen's use cases for a signed-in account: the transcripts it may open, one transcript's
 * screen (de-identified text by speaker turn, the codable codes, the account's own codings and memos),
 * applying and removing codes, memos, and coders' assignments. Every read goes through {@link
 * TranscriptAccess} (a coder reads only what is assigned to them, survivor transcripts only designated
 * analysts; every view of a survivor transcript is an audit event); only codable transcripts open; every
 * save is audited with IDs, spans and counts (never words) and is made against the version of the coder's
 * codings the screen showed: a stale save is not applied but answered with both sides ({@link Outcome}).
 */
public final class QualCoding {
    /** Longest memo, in characters. */
    public static final int MAX_MEMO_CHARS = 20_000;
    /** Longest excerpt of a coding's words on the screen, in code points. */
    public static final int EXCERPT = 90;
    /** Most codes applied to one segment in one save. */
    public static final int MAX_CODES_PER_SAVE = 20;

    private final Study study;
    private final Store store;
    /**
     * Transcripts whose residual scan found nothing undecided, with the scan's inputs then: a codable text
     * never changes, so the scan (regular expressions over the whole text, about a second for 30,000 words)
     * is run again only when the roster, the task forces' names or the rejected spans changed.
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, String> clean =
            new java.util.concurrent.ConcurrentHashMap<>();

    private QualCoding(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static QualCoding of(Study study) {
        return new QualCoding(study);
    }

    /** A transcript on the account's list. */
    public record Listed(String interviewId, int version, TranscriptState state, boolean survivor, int codings) {}

    /** A speaker turn. */
    public record Turn(String speaker, Span span) {}

    /** A code of the codebook tree, in tree order. */
    public record CodeNode(
            String guid, String name, int depth, boolean codable, String color, String definition, int key) {
        /** The number key that applies it (1-9), or 0. */
        public boolean hasKey() {
            return key > 0;
        }
    }

    /**
     * One of the account's codings.
     *
     * @param guid     its GUID
     * @param span     its code points
     * @param code     the code's GUID
     * @param codeName the code's name
     * @param round    the reliability round it belongs to, or null
     * @param words    its words, shortened to {@value #EXCERPT} code points
     * @param colour   the code's place in the codebook tree (the screen's colour)
     */
    public record Applied(
            String guid, Span span, String code, String codeName, Integer round, String words, int colour) {}

    /** What a memo is on. */
    public enum MemoTarget {
        SEGMENT,
        CODE,
        TRANSCRIPT,
        PARTICIPANT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static MemoTarget of(String id) {
            for (MemoTarget t : values()) if (t.id().equals(id)) return t;
            throw Problem.usage("a memo is on a segment, code, transcript or participant, not '" + id + "'", null);
        }
    }

    /**
     * A memo as the screen shows it.
     *
     * @param id      its number
     * @param target  what it is on
     * @param span    the segment, or null
     * @param code    the code's GUID, or null
     * @param on      what it is on, in words (a segment's first words, a code's name)
     * @param body    its words
     * @param version its version (an edit is made against it)
     * @param updated when it was last saved
     */
    public record Memo(
            long id, MemoTarget target, Span span, String code, String on, String body, int version, Instant updated) {}

    /**
     * One transcript's coding screen.
     *
     * @param interviewId   the interview
     * @param participantId its participant
     * @param version       the transcript version shown (its newest)
     * @param text          the de-identified canonical text
     * @param turns         speaker turns in text order
     * @param codes         the codebook tree (categories and retired codes shown, not applicable)
     * @param codings       the account's codings of this version
     * @param codingVersion the version of those codings (what a save is made against)
     * @param memos         the account's memos on its segments, on it, on its participant and on codes
     * @param mayCode       whether the account may code it (else it only reads)
     * @param survivor      whether it is a survivor's (each view is audited)
     */
    public record Screen(
            String interviewId,
            String participantId,
            int version,
            String text,
            List<Turn> turns,
            List<CodeNode> codes,
            List<Applied> codings,
            int codingVersion,
            List<Memo> memos,
            boolean mayCode,
            boolean survivor) {
        public Screen {
            turns = List.copyOf(turns);
            codes = List.copyOf(codes);
            codings = List.copyOf(codings);
            memos = List.copyOf(memos);
        }
    }

    /**
     * What a save did: applied (the new version and the codings now), or not, because the codings changed
     * since the screen showed them (a second window, a second device): then {@code codings} are the saved
     * ones ("theirs") and {@code yours} says what this save would have done.
     */
    public record Outcome(boolean conflicted, int version, List<Applied> codings, String yours, boolean mayCode) {
        public Outcome {
            codings = List.copyOf(codings);
        }
    }

    /**
     * A memo save: the memos now; when the edit was stale, not applied: {@code saved} is the memo as saved
     * meanwhile and {@code mine} the text of the edit.
     */
    public record MemoOutcome(boolean conflicted, List<Memo> memos, Memo saved, String mine) {
        public MemoOutcome {
            memos = List.copyOf(memos);
        }
    }

    /** A direct assignment of a coder to an interview. */
    public record Assignment(String interviewId, String coder, String assignedBy, Instant assignedAt) {}

    // ------------------------------------------------------------------ reading

    /** The transcripts the account may open (newest versions), with its coding count on each. */
    public List<Listed> transcripts(Account who) {
        return tx(c -> {
            ParticipantStatus status = ParticipantStatus.read(c, store);
            TranscriptAccess.Reader reader = TranscriptAccess.reader(c, who.name());
            List<Listed> out = new ArrayList<>();
            for (QualTables.Transcript t : QualTables.latestAll(c)) {
                String id = t.interviewId();
                if (!who.sees(taskForceOf(id)) || !reader.mayRead(id, status)) continue;
                out.add(new Listed(
                        id,
                        t.version(),
                        t.state(),
                        status.survivor(id),
                        CodingScreenTables.codings(c, t.id(), who.name()).size()));
            }
            return out;
        });
    }

    /**
     * Opens a transcript's coding screen: 404 when the interview has no transcript or is another task force's,
     * 403 when the tier rules or the assignment forbid reading it, refused (with its state) unless it is codable.
     */
    public Screen open(Account who, String interviewId) {
        return tx(c -> {
            Gate g = gate(c, who, interviewId);
            if (g.survivor) {
                AuditEvents.record(
                        c,
                        who.name(),
                        "survivor_transcript_view",
                        "interview",
                        "interview",
                        interviewId,
                        "version",
                        g.transcript.version(),
                        "screen",
                        "coding");
            }
            Codebook book = Codebook.of(QualTables.codes(c));
            List<Turn> turns = new ArrayList<>();
            for (CodingScreenTables.TurnRow r : CodingScreenTables.turns(c, g.transcript.id()))
                turns.add(new Turn(r.speaker(), r.span()));
            return new Screen(
                    interviewId,
                    g.participant,
                    g.transcript.version(),
                    g.transcript.text().text(),
                    turns,
                    tree(book),
                    applied(c, book, g.transcript, who.name()),
                    CodingScreenTables.version(c, g.transcript.id(), who.name()),
                    memos(c, g, who.name()),
                    g.mayCode,
                    g.survivor);
        });
    }

    // ------------------------------------------------------------------ coding

    /**
     * Applies codes to a span of the transcript version the screen showed, against the coding version it
     * showed. A code already on exactly that span is left as it is. Audited.
     */
    public Outcome apply(
            Account who, String interviewId, int transcriptVersion, Span span, List<String> codes, int seen) {
        if (codes.isEmpty()) throw Problem.usage("choose at least one code", null);
        if (codes.size() > MAX_CODES_PER_SAVE)
            throw Problem.usage("at most " + MAX_CODES_PER_SAVE + " codes in one save", null);
        Deidentification deid = Deidentification.of(study);
        return tx(c -> {
            Gate g = coderGate(c, who, interviewId, transcriptVersion);
            if (span.end() > g.transcript.text().length())
                throw Problem.usage("the span leaves the transcript", "reload the page");
            String fingerprint = CodingScreenTables.scanFingerprint(c, store, g.transcript.id()) + "/"
                    + g.transcript.text().sha256();
            if (!fingerprint.equals(clean.get(g.transcript.id()))) {
                deid.requireExportable(c, List.of(interviewId));
                clean.put(g.transcript.id(), fingerprint);
            }
            Codebook book = Codebook.of(QualTables.codes(c));
            List<Code> chosen = new ArrayList<>();
            for (String guid : new LinkedHashSet<>(codes)) {
                Code code = book.code(normalise(guid))
                        .orElseThrow(() -> Problem.usage("no code " + guid + " in the codebook", "reload the page"));
                if (!code.applicable())
                    throw Problem.refused("code " + code.name() + " is a category or retired", "choose a codable code");
                chosen.add(code);
            }
            int now = CodingScreenTables.lockVersion(c, g.transcript.id(), interviewId, who.name());
            List<Applied> current = applied(c, book, g.transcript, who.name());
            if (now != seen) {
                return new Outcome(
                        true,
                        now,
                        current,
                        "apply "
                                + String.join(
                                        ", ", chosen.stream().map(Code::name).toList()) + " to " + span.start() + "-"
                                + span.end(),
                        true);
            }
            Integer round = CodingScreenTables.openRound(c, g.transcript.id(), who.name())
                    .orElse(null);
            String hash = g.transcript.text().hashOf(span);
            Instant at = Instant.now();
            List<String> added = new ArrayList<>();
            for (Code code : chosen) {
                boolean present = current.stream()
                        .anyMatch(a -> a.span().equals(span) && a.code().equals(code.guid()));
                if (present) continue;
                String guid = UUID.randomUUID().toString();
                QualTables.insertCoding(
                        c,
                        new QualTables.Coding(guid, g.transcript.id(), span, hash, code.guid(), who.name()),
                        round,
                        at);
                added.add(guid);
            }
            int next = now + (added.isEmpty() ? 0 : 1);
            if (!added.isEmpty()) {
                CodingScreenTables.setVersion(c, g.transcript.id(), who.name(), next);
                AuditEvents.record(
                        c,
                        who.name(),
                        "qual_code_apply",
                        "interview",
                        "interview",
                        interviewId,
                        "version",
                        g.transcript.version(),
                        "start",
                        span.start(),
                        "end",
                        span.end(),
                        "codings",
                        added,
                        "codes",
                        chosen.stream().map(Code::guid).toList(),
                        "round",
                        round);
            }
            return new Outcome(false, next, applied(c, book, g.transcript, who.name()), null, true);
        });
    }

    /** Removes one of the account's codings of the transcript, against the coding version the screen showed. Audited. */
    public Outcome remove(Account who, String interviewId, int transcriptVersion, String codingGuid, int seen) {
        String guid = normalise(codingGuid);
        return tx(c -> {
            Gate g = coderGate(c, who, interviewId, transcriptVersion);
            Codebook book = Codebook.of(QualTables.codes(c));
            int now = CodingScreenTables.lockVersion(c, g.transcript.id(), interviewId, who.name());
            List<Applied> current = applied(c, book, g.transcript, who.name());
            Optional<CodingScreenTables.CodingRow> row = CodingScreenTables.coding(c, guid);
            if (now != seen) {
                return new Outcome(true, now, current, "remove coding " + guid, true);
            }
            if (row.isEmpty() || row.get().transcriptId() != g.transcript.id())
                throw Problem.usage("no coding " + guid + " on this transcript", "reload the page");
            if (!row.get().coder().equals(who.name())) throw new NotAllowed("a coder removes only their own codings");
            if (row.get().round() != null
                    && CodingScreenTables.roundClosed(c, row.get().round()))
                throw Problem.refused(
                        "the coding belongs to closed reliability round "
                                + row.get().round(),
                        "a closed round's codings are final; adjudication changes the consensus coding");
            CodingScreenTables.deleteCoding(c, guid);
            CodingScreenTables.setVersion(c, g.transcript.id(), who.name(), now + 1);
            AuditEvents.record(
                    c,
                    who.name(),
                    "qual_code_remove",
                    "interview",
                    "interview",
                    interviewId,
                    "version",
                    g.transcript.version(),
                    "coding",
                    guid,
                    "code",
                    row.get().code(),
                    "start",
                    row.get().span().start(),
                    "end",
                    row.get().span().end());
            return new Outcome(false, now + 1, applied(c, book, g.transcript, who.name()), null, true);
        });
    }

    // ------------------------------------------------------------------ memos

    /**
     * Writes a memo: a new one when {@code memoId} is null, else an edit of the account's own memo made
     * against the version shown ({@code seen}); a stale edit is not applied but answered with both texts.
     * A blank body on an edit deletes the memo. Audited (target and number, never the words).
     */
    public MemoOutcome saveMemo(
            Account who,
            String interviewId,
            MemoTarget target,
            Span span,
            String codeGuid,
            String body,
            Long memoId,
            Integer seen) {
        String text = body == null ? "" : body.strip();
        if (text.length() > MAX_MEMO_CHARS)
            throw Problem.usage("a memo is at most " + MAX_MEMO_CHARS + " characters", "split it");
        return tx(c -> {
            Gate g = gate(c, who, interviewId);
            Instant at = Instant.now();
            if (memoId != null) {
                CodingScreenTables.MemoRow m = CodingScreenTables.memo(c, memoId)
                        .filter(r -> r.author().equals(who.name()))
                        .orElseThrow(NotVisible::new);
                if (seen == null || m.version() != seen) {
                    Codebook book = Codebook.of(QualTables.codes(c));
                    return new MemoOutcome(true, memos(c, g, who.name()), memo(m, g.transcript, book), text);
                }
                if (text.isEmpty()) {
                    CodingScreenTables.deleteMemo(c, memoId);
                    AuditEvents.record(
                            c, who.name(), "qual_memo_delete", "interview", "memo", memoId, "target", m.target());
                    return new MemoOutcome(false, memos(c, g, who.name()), null, null);
                }
                CodingScreenTables.updateMemo(c, memoId, text, at);
                AuditEvents.record(c, who.name(), "qual_memo_edit", "interview", "memo", memoId, "target", m.target());
                return new MemoOutcome(false, memos(c, g, who.name()), null, null);
            }
            if (text.isEmpty()) throw Problem.usage("a memo needs words", null);
            Span on = null;
            String code = null;
            Long transcript = null;
            String iv = null;
            String participant = null;
            switch (target) {
                case SEGMENT:
                    if (span == null || span.end() > g.transcript.text().length())
                        throw Problem.usage("a segment memo needs a span inside the transcript", "select text first");
                    on = span;
                    transcript = g.transcript.id();
                    iv = interviewId;
                    break;
                case TRANSCRIPT:
                    transcript = g.transcript.id();
                    iv = interviewId;
                    break;
                case PARTICIPANT:
                    participant = g.participant;
                    break;
                default:
                    code = Codebook.of(QualTables.codes(c))
                            .code(normalise(codeGuid == null ? "" : codeGuid))
                            .map(Code::guid)
                            .orElseThrow(() -> Problem.usage("a code memo needs a code of the codebook", null));
            }
            long id = CodingScreenTables.insertMemo(
                    c,
                    new CodingScreenTables.MemoRow(
                            0, target.id(), transcript, iv, participant, on, code, who.name(), text, 1, at),
                    at);
            AuditEvents.record(
                    c,
                    who.name(),
                    "qual_memo_add",
                    "interview",
                    "memo",
                    id,
                    "target",
                    target.id(),
                    "interview",
                    interviewId);
            return new MemoOutcome(false, memos(c, g, who.name()), null, null);
        });
    }

    // ------------------------------------------------------------------ assignments

    /** Direct assignments at the account's task forces. */
    public List<Assignment> assignments(Account who) {
        requireCoordinator(who);
        return tx(c -> CodingScreenTables.assignments(c).stream()
                .filter(a -> who.sees(taskForceOf(a.interviewId())))
                .map(a -> new Assignment(a.interviewId(), a.coder(), a.assignedBy(), a.assignedAt()))
                .toList());
    }

    /** Assigns a coder account an interview's transcripts (a coordinator's act at their task forces; audited). */
    public void assign(Account who, String interviewId, String coder) {
        requireCoordinator(who);
        if (!who.sees(taskForceOf(interviewId))) throw new NotVisible();
        tx(c -> {
            Optional<Role> role = TranscriptAccess.reader(c, coder).role();
            if (role.isEmpty() || !role.get().codes())
                throw Problem.usage("no active account named " + coder + " that codes", "create the account first");
            return null;
        });
        TranscriptAccess.of(study).assign(interviewId, coder, who.name());
    }

    /** Ends a direct assignment (audited); the coder's codings stay. */
    public boolean unassign(Account who, String interviewId, String coder) {
        requireCoordinator(who);
        if (!who.sees(taskForceOf(interviewId))) throw new NotVisible();
        return tx(c -> {
            boolean gone = CodingScreenTables.unassign(c, interviewId, coder);
            if (gone)
                AuditEvents.record(
                        c, who.name(), "transcript_unassign", "interview", "interview", interviewId, "coder", coder);
            return gone;
        });
    }

    private static void requireCoordinator(Account who) {
        if (!who.role().coordinates()) throw new NotAllowed("only coordinators assign transcripts");
    }

    // ------------------------------------------------------------------ rules

    private record Gate(QualTables.Transcript transcript, String participant, boolean survivor, boolean mayCode) {}

    /** The reading rules, in order: scope (404), tier and assignment (403), codable state (409). */
    private Gate gate(Connection c, Account who, String interviewId) throws SQLException {
        if (!who.sees(taskForceOf(interviewId))) throw new NotVisible();
        ParticipantStatus status = ParticipantStatus.read(c, store);
        TranscriptAccess.Reader reader = TranscriptAccess.reader(c, who.name());
        Optional<QualTables.Transcript> t = QualTables.latest(c, interviewId);
        if (t.isEmpty()) throw new NotVisible();
        if (!reader.mayRead(interviewId, status)) {
            throw new NotAllowed("you may not read the transcript of " + interviewId
                    + ": a coder reads only the transcripts assigned to them, survivor transcripts only analysts"
                    + " granted survivor access, and nobody a withdrawn participant's");
        }
        if (!t.get().state().codable()) {
            throw Problem.refused(
                    "the transcript of " + interviewId + " is "
                            + t.get().state().label() + ", not yet codable",
                    "it is coded once it has been de-identified, reviewed by a second privacy officer and released");
        }
        String participant = status.participantOf(interviewId).orElseThrow(NotVisible::new);
        boolean mayCode = who.role().codes() && reader.mayCode(interviewId, status);
        return new Gate(t.get(), participant, status.survivor(interviewId), mayCode);
    }

    private Gate coderGate(Connection c, Account who, String interviewId, int transcriptVersion) throws SQLException {
        Gate g = gate(c, who, interviewId);
        if (!g.mayCode) throw new NotAllowed("you may read but not code the transcript of " + interviewId);
        if (g.transcript.version() != transcriptVersion) {
            throw Problem.refused(
                    "the transcript of " + interviewId + " has a newer version (" + g.transcript.version() + ")",
                    "reload the page: codings moved to the new version or wait on the remap review list");
        }
        return g;
    }

    private static List<CodeNode> tree(Codebook book) {
        List<CodeNode> out = new ArrayList<>();
        int[] key = {0};
        Set<String> seen = new LinkedHashSet<>();
        for (Code root : book.codes()) {
            if (root.parent() == null || book.code(root.parent()).isEmpty()) walk(book, root, 0, out, key, seen);
        }
        return out;
    }

    private static void walk(Codebook book, Code code, int depth, List<CodeNode> out, int[] key, Set<String> seen) {
        if (!seen.add(code.guid()) || code.retired()) return;
        int k = 0;
        if (code.applicable() && key[0] < 9) k = ++key[0];
        out.add(new CodeNode(code.guid(), code.name(), depth, code.applicable(), code.color(), code.definition(), k));
        for (Code child : book.children(code.guid())) walk(book, child, depth + 1, out, key, seen);
    }

    private static List<Applied> applied(Connection c, Codebook book, QualTables.Transcript t, String coder)
            throws SQLException {
        List<CodeNode> tree = tree(book);
        List<Applied> out = new ArrayList<>();
        for (CodingScreenTables.CodingRow r : CodingScreenTables.codings(c, t.id(), coder)) {
            String name = book.code(r.code()).map(Code::name).orElse("(code " + r.code() + ")");
            int colour = 0;
            for (int i = 0; i < tree.size(); i++) if (tree.get(i).guid().equals(r.code())) colour = i;
            out.add(new Applied(r.guid(), r.span(), r.code(), name, r.round(), excerpt(t, r.span()), colour));
        }
        return out;
    }

    /** A span's words, shortened in the middle to {@link #EXCERPT} code points. */
    private static String excerpt(QualTables.Transcript t, Span s) {
        if (s.end() > t.text().length()) return "";
        if (s.length() <= EXCERPT) return t.text().slice(s);
        return t.text().slice(s.start(), s.start() + EXCERPT / 2) + " … "
                + t.text().slice(s.end() - EXCERPT / 2 + 5, s.end());
    }

    private static List<Memo> memos(Connection c, Gate g, String author) throws SQLException {
        Codebook book = Codebook.of(QualTables.codes(c));
        List<Memo> out = new ArrayList<>();
        for (CodingScreenTables.MemoRow m : CodingScreenTables.memos(c, g.transcript.id(), g.participant, author))
            out.add(memo(m, g.transcript, book));
        return out;
    }

    private static Memo memo(CodingScreenTables.MemoRow m, QualTables.Transcript t, Codebook book) {
        MemoTarget target = MemoTarget.of(m.target());
        String on;
        switch (target) {
            case SEGMENT:
                boolean here = m.transcriptId() != null && m.transcriptId() == t.id();
                on = "segment " + m.span().start() + "-" + m.span().end()
                        + (here
                                ? " “"
                                        + excerpt(
                                                t,
                                                new Span(
                                                        m.span().start(),
                                                        Math.min(
                                                                m.span().end(),
                                                                m.span().start() + 40)))
                                        + "”"
                                : "");
                break;
            case CODE:
                on = "code " + book.code(m.code()).map(Code::name).orElse(m.code());
                break;
            case TRANSCRIPT:
                on = "the transcript";
                break;
            default:
                on = "the participant";
        }
        return new Memo(m.id(), target, m.span(), m.code(), on, m.body(), m.version(), m.updatedAt());
    }

    private static String normalise(String guid) {
        try {
            return UUID.fromString(guid.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw Problem.usage("'" + guid + "' is not a GUID", "reload the page");
        }
    }

    /** The task force of an interview ID ({@code TF01-P7-I1} is TF01's). */
    static String taskForceOf(String interviewId) {
        int p = interviewId.indexOf("-P");
        return p < 0 ? interviewId : interviewId.substring(0, p);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                throw Problem.refused(
                        "the coding is referred to by a later step (a remap review or an adjudication)",
                        "resolve that step first");
            }
            throw Problem.internal("the database refused the request (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

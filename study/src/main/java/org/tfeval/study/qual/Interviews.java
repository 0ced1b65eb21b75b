package org.tfeval.study.qual;

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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.qual.refi.QdaProject;
import org.tfeval.qual.refi.Qdc;
import org.tfeval.qual.refi.Qdpx;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.ParsedTranscript;
import org.tfeval.qual.transcript.TranscriptReader;
import org.tfeval.qual.transcript.TranscriptState;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.qual.DeidTables;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.accounts.NotVisible;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.protect.ParticipantStatus;
import org.tfeval.study.protect.TranscriptAccess;

/**
 * The interview strand's use cases on an open study. Immutable; every method is one transaction with
 * its audit event, whose particulars are IDs, hashes and counts (never the words of a transcript).
 */
public final class Interviews {
    /** An interview ID at the start of a file name: {@code TF01-P7-I1.vtt}, {@code TF01-P7-I1_clean.docx}. */
    static final Pattern FILE_NAME_ID = Pattern.compile("^([A-Z][A-Z0-9]{1,7}-P[0-9]{1,4}-I[0-9]{1,2})(?:[._ -].*)?$");

    private final Study study;
    private final Store store;

    private Interviews(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static Interviews of(Study study) {
        return new Interviews(study);
    }

    /**
     * One imported transcript.
     *
     * @param interviewId the interview
     * @param version     the version stored (1 for a first import)
     * @param textSha256  the canonical text's hash
     * @param length      code points
     * @param turns       speaker turns found
     * @param moved       codings of the previous version moved onto this one: always 0 at import, the
     *                    words are de-identified first ({@link Deidentification.Rendered} reports them)
     * @param toReview    codings of the previous version a person must place: likewise 0 at import
     */
    public record Imported(
            String interviewId, int version, String textSha256, int length, int turns, int moved, int toReview) {}

    /** The interview a file belongs to, from its name. */
    public static String interviewOf(Path file) {
        Matcher m = FILE_NAME_ID.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw Problem.usage(
                    "cannot tell the interview of " + file.getFileName(),
                    "name the file after the interview (TF01-P7-I1.vtt) or give --interview");
        }
        return m.group(1);
    }

    /**
     * Imports transcript files in one transaction: each is read, canonicalised, linked to its interview
     * record (which must exist) and stored as the interview's next version in state imported: the
     * original sealed under the participant's key, never in plain; then identifiers are suggested
     * ({@link Deidentification#suggest}). Codings of the previous version move when the new version is
     * rendered. An identical text (same hash as the newest version's original) is refused.
     */
    public List<Imported> importTranscripts(List<Path> files, String interview, String actor) {
        if (files.isEmpty()) throw Problem.usage("no transcript files given", "tfeval transcripts import FILE...");
        if (interview != null && files.size() > 1) {
            throw Problem.usage("--interview names one interview; give one file with it", null);
        }
        List<ParsedTranscript> parsed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw Problem.usage("no such file: " + f, "check the path");
            ids.add(interview != null ? interview : interviewOf(f));
            parsed.add(TranscriptReader.read(f));
        }
        Deidentification deid = Deidentification.of(study);
        List<Imported> imported = tx(c -> {
            List<Imported> out = new ArrayList<>();
            Instant at = Instant.now();
            for (int k = 0; k < files.size(); k++) {
                String id = ids.get(k);
                ParsedTranscript t = parsed.get(k);
                if (!QualTables.interviewExists(c, store, id)) {
                    throw Problem.usage(
                            "interview " + id + " is not in the interview form",
                            "import it first: tfeval import --form interview FILE");
                }
                Optional<QualTables.Transcript> previous = QualTables.latest(c, id);
                if (previous.isPresent()
                        && QualTables.latestOriginalSha256(c, id)
                                .orElseThrow()
                                .equals(t.text().sha256())) {
                    throw Problem.refused(
                            "the transcript of " + id + " is identical to its version "
                                    + previous.get().version(),
                            "nothing to import");
                }
                String participant = QualTables.participantOf(c, store, id)
                        .orElseThrow(() -> Problem.usage("interview " + id + " names no participant", null));
                int version = previous.map(p -> p.version() + 1).orElse(1);
                long newId = QualTables.insert(
                        c, id, version, files.get(k).getFileName().toString(), t, actor, at);
                DeidTables.saveOriginal(c, newId, deid.seal(participant, t.text(), t.turns()));
                int moved = 0;
                int review = 0;
                AuditLog.record(
                        c,
                        new AuditEntry(
                                actor,
                                "transcript_import",
                                "interview",
                                null,
                                "{\"interview\":\"" + id + "\",\"version\":" + version + ",\"text_sha256\":\""
                                        + t.text().sha256() + "\",\"turns\":"
                                        + t.turns().size() + ",\"moved\":"
                                        + moved + ",\"review\":" + review + "}"));
                out.add(new Imported(
                        id,
                        version,
                        t.text().sha256(),
                        t.text().length(),
                        t.turns().size(),
                        moved,
                        review));
            }
            return out;
        });
        deid.suggest(imported.stream().map(Imported::interviewId).toList(), actor);
        return imported;
    }

    private static QualTables.Transcript newest(Connection c, String interviewId) throws SQLException {
        return QualTables.latest(c, interviewId)
                .orElseThrow(() -> Problem.usage(
                        "interview " + interviewId + " has no transcript", "tfeval transcripts import FILE"));
    }

    /**
     * Imports a REFI-QDA .qdc file as a new codebook version (codes matched by GUID; stored codes missing
     * from the file are retired): {@link CodebookChanges#importQdc}.
     */
    public Codebook importCodebook(Path qdc, String actor) {
        CodebookChanges.of(study).importQdc(qdc, actor);
        return codebook();
    }

    /** The stored codebook. */
    public Codebook codebook() {
        return Codebook.of(tx(QualTables::codes));
    }

    /** Writes the codebook as a REFI-QDA .qdc file. */
    public void exportCodebook(Path out) {
        try {
            Files.write(out, Qdc.write(codebook()));
        } catch (java.io.IOException e) {
            throw Problem.usage("cannot write " + out, "check the folder exists and is writable");
        }
    }

    /**
     * One application of a code.
     *
     * @param interviewId the interview whose newest transcript is coded
     * @param span        code points of its canonical text
     * @param code        the code's name
     * @param coder       who coded
     * @param round       the reliability round a blind coding belongs to, or null
     */
    public record Coding(String interviewId, Span span, String code, String coder, Integer round) {
        public Coding {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(coder, "coder");
        }
    }

    /**
     * Applies a code to a span of an interview's newest transcript: refused unless the transcript is
     * codable and the code is an active codable code; {@code round} ties a blind coding to a reliability
     * round (null for ordinary coding). Returns the coding's GUID.
     */
    public String code(String interviewId, Span span, String codeName, String coder, Integer round) {
        return code(List.of(new Coding(interviewId, span, codeName, coder, round)), coder)
                .get(0);
    }

    /**
     * Applies many codings in one transaction (all or none), with one audit event; returns their GUIDs.
     * Refused when a coder account codes a transcript not assigned to them ({@link TranscriptAccess.Reader#mayCode}).
     */
    public List<String> code(List<Coding> codings, String actor) {
        Deidentification deid = Deidentification.of(study);
        return tx(c -> {
            deid.requireExportable(
                    c, codings.stream().map(Coding::interviewId).distinct().toList());
            ParticipantStatus status = ParticipantStatus.read(c, store);
            Map<String, TranscriptAccess.Reader> coders = new LinkedHashMap<>();
            for (Coding k : codings) {
                TranscriptAccess.Reader who = coders.get(k.coder());
                if (who == null) {
                    who = TranscriptAccess.reader(c, k.coder());
                    coders.put(k.coder(), who);
                }
                if (!who.mayCode(k.interviewId(), status)) {
                    throw Problem.refused(
                            "coder " + k.coder() + " may not code the transcript of " + k.interviewId(),
                            "a coder codes only the transcripts assigned to them; withdrawn participants are coded by nobody");
                }
            }
            Codebook book = Codebook.of(QualTables.codes(c));
            Map<String, QualTables.Transcript> transcripts = new LinkedHashMap<>();
            List<String> out = new ArrayList<>();
            Instant now = Instant.now();
            for (Coding k : codings) {
                QualTables.Transcript t = transcripts.get(k.interviewId());
                if (t == null) {
                    t = newest(c, k.interviewId());
                    transcripts.put(k.interviewId(), t);
                }
                if (!t.state().codable()) {
                    throw Problem.refused(
                            "the transcript of " + k.interviewId() + " is "
                                    + t.state().label() + ", not codable",
                            "it must be de-identified and reviewed first");
                }
                if (k.span().end() > t.text().length()) throw Problem.usage("the span leaves the transcript", null);
                Code code = book.named(k.code())
                        .orElseThrow(() -> Problem.usage("no active code named " + k.code(), "see the codebook"));
                if (!code.applicable()) throw Problem.refused("code " + k.code() + " is a category or retired", null);
                if (k.round() != null) {
                    org.tfeval.store.qual.RoundTables.Round r = org.tfeval.store.qual.RoundTables.round(c, k.round())
                            .orElseThrow(() -> Problem.usage("no round " + k.round(), null));
                    if (!r.open()) throw Problem.refused("round " + k.round() + " is closed", "open a new round");
                    if (!r.coders().contains(k.coder())) {
                        throw Problem.refused("coder " + k.coder() + " is not a coder of round " + k.round(), null);
                    }
                }
                String guid = UUID.randomUUID().toString();
                QualTables.insertCoding(
                        c,
                        new QualTables.Coding(
                                guid, t.id(), k.span(), t.text().hashOf(k.span()), code.guid(), k.coder()),
                        k.round(),
                        now);
                out.add(guid);
            }
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "qual_coding",
                            null,
                            null,
                            "{\"codings\":" + out.size() + ",\"transcripts\":" + transcripts.size() + "}"));
            return out;
        });
    }

    /** Opens a blind reliability round: every listed coder codes every listed interview's newest transcript. */
    public int openRound(List<String> interviewIds, List<String> coders, String actor) {
        if (coders.size() < 2) throw Problem.usage("a reliability round needs at least two coders", null);
        return tx(c -> {
            Map<Long, List<String>> assignments = new LinkedHashMap<>();
            for (String id : interviewIds) assignments.put(newest(c, id).id(), List.copyOf(coders));
            int version = org.tfeval.store.qual.CodebookTables.version(c);
            int round = QualTables.openRound(c, version, assignments);
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "qual_round_open",
                            null,
                            null,
                            "{\"round\":" + round + ",\"transcripts\":" + assignments.size() + ",\"coders\":"
                                    + coders.size() + "}"));
            return round;
        });
    }

    /** The reliability figures of a round. */
    public ReliabilityRound.Figures agreement(int round, ReliabilityRound settings) {
        return tx(c -> {
            if (!QualTables.roundExists(c, round)) throw Problem.usage("no reliability round " + round, null);
            ParticipantStatus status = ParticipantStatus.read(c, store);
            return settings.compute(
                    QualTables.roundSources(c, round).stream()
                            .filter(x -> !status.excludedTranscript(x.id()))
                            .toList(),
                    QualTables.roundCodings(c, round).stream()
                            .filter(x -> !status.excludedTranscript(x.source()))
                            .toList());
        });
    }

    /** What a matrix's rows are. */
    public enum Rows {
        /** The participant's stakeholder group (of the seven). */
        GROUP,
        /** The task force. */
        SITE,
        /** Each participant (restricted tier only: framework matrices). */
        PARTICIPANT;

        QualTables.RowAttribute attribute() {
            return QualTables.RowAttribute.valueOf(name());
        }
    }

    /** A theme matrix; row values of the stakeholder group are shown with their labels. */
    public ThemeMatrix.Result matrix(Rows rows, String site, ThemeMatrix.Audience audience) {
        if (rows == Rows.PARTICIPANT && audience != ThemeMatrix.Audience.RESTRICTED) {
            throw Problem.refused("a participant-by-code matrix never leaves the restricted tier", "add --restricted");
        }
        List<ThemeMatrix.Fact> facts = tx(c -> {
            ParticipantStatus status = ParticipantStatus.read(c, store);
            return QualTables.matrixFacts(c, store, rows.attribute(), site).stream()
                    .filter(f -> !status.excludedParticipant(f.participant()))
                    .toList();
        });
        if (rows == Rows.GROUP) {
            Variable v = study.instrument().form("participant").variable("STAKEHOLDER_GROUP");
            facts = facts.stream()
                    .map(f -> new ThemeMatrix.Fact(
                            v.valueLabels().getOrDefault(Long.parseLong(f.row()), f.row()),
                            f.code(),
                            f.participant(),
                            f.site()))
                    .toList();
        }
        return ThemeMatrix.of(facts, audience, org.tfeval.stats.disclosure.ComplementarySuppression.standard());
    }

    /**
     * One REFI-QDA export: its ID, the project written, and the transcripts left out.
     *
     * @param exportId          the ID marked in the project and in the audit event
     * @param project           what was written
     * @param survivorSources   interviews of survivors in it
     * @param withheldAccess    codable transcripts the reader may not read
     * @param withheldConsent   codable transcripts whose participant did not consent to quotes
     * @param withheldWithdrawn codable transcripts of participants who withdrew
     */
    public record ProjectExport(
            String exportId,
            QdaProject project,
            List<String> survivorSources,
            int withheldAccess,
            int withheldConsent,
            int withheldWithdrawn) {
        public ProjectExport {
            Objects.requireNonNull(exportId, "exportId");
            Objects.requireNonNull(project, "project");
            survivorSources = List.copyOf(survivorSources);
        }
    }

    /**
     * The codebook, and the newest codable transcripts with their codings that {@code reader} may read
     * and whose participants consented to quotes, as a REFI-QDA project marked for {@code recipient}
     * (the project name carries the recipient and the export ID). Transcripts not yet codable, of
     * withdrawn participants, without consent to quotes, or beyond the reader's access are left out;
     * nothing is exported while the residual scan of a codable transcript has an unreviewed roster or
     * pattern match.
     */
    public ProjectExport project(String reader, String recipient, String exportId) {
        Objects.requireNonNull(recipient, "recipient");
        Deidentification deid = Deidentification.of(study);
        return tx(c -> {
            deid.requireExportable(c, null);
            ParticipantStatus status = ParticipantStatus.read(c, store);
            TranscriptAccess.Reader who = TranscriptAccess.reader(c, reader);
            List<Code> codes = QualTables.codes(c);
            Map<String, String> users = new LinkedHashMap<>();
            List<QdaProject.TextSource> sources = new ArrayList<>();
            Map<Long, QdaProject.TextSource> byTranscript = new LinkedHashMap<>();
            List<String> survivors = new ArrayList<>();
            int access = 0;
            int consent = 0;
            int withdrawn = 0;
            for (QualTables.Transcript t : QualTables.latestAll(c)) {
                if (!t.state().codable()) continue;
                String id = t.interviewId();
                if (status.excluded(id)) {
                    withdrawn++;
                    continue;
                }
                if (!who.mayRead(id, status)) {
                    access++;
                    continue;
                }
                if (!status.quotesAllowed(id)) {
                    consent++;
                    continue;
                }
                if (status.survivor(id)) survivors.add(id);
                List<QdaProject.Selection> selections = new ArrayList<>();
                for (QualTables.Coding g : QualTables.codings(c, t.id())) {
                    String user = users.computeIfAbsent(g.coder(), Interviews::guidOf);
                    selections.add(new QdaProject.Selection(
                            guidOf("selection " + g.guid()),
                            g.span(),
                            user,
                            List.of(new QdaProject.Coding(g.guid(), g.code(), user))));
                }
                QdaProject.TextSource source = new QdaProject.TextSource(
                        guidOf("source " + t.interviewId() + " v" + t.version()),
                        t.interviewId(),
                        t.text(),
                        selections);
                sources.add(source);
                byTranscript.put(t.id(), source);
            }
            // participants as REFI-QDA cases: their group and site as variables, their transcripts as sources
            List<QdaProject.Case> cases = new ArrayList<>();
            Map<String, String> sourceOf = new LinkedHashMap<>();
            for (QdaProject.TextSource src : sources) sourceOf.put(src.name(), src.guid());
            Variable groupVar = study.instrument().form("participant").variable("STAKEHOLDER_GROUP");
            Map<String, List<String>> byParticipant = new java.util.TreeMap<>();
            Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
            for (org.tfeval.store.qual.FindingsTables.Interviewee i :
                    org.tfeval.store.qual.FindingsTables.interviewees(c, store)) {
                String src = sourceOf.get(i.interviewId());
                if (src == null) continue;
                byParticipant
                        .computeIfAbsent(i.participant(), k -> new ArrayList<>())
                        .add(src);
                String label;
                try {
                    label = groupVar.valueLabels().getOrDefault(Long.parseLong(i.group()), i.group());
                } catch (NumberFormatException e) {
                    label = i.group();
                }
                attributes.put(i.participant(), Map.of("Stakeholder group", label, "Task force", i.site()));
            }
            byParticipant.forEach((pid, srcs) ->
                    cases.add(new QdaProject.Case(guidOf("case " + pid), pid, attributes.get(pid), srcs)));
            // memos on what the export carries, as REFI-QDA notes
            MemoExchange.Exported memos = MemoExchange.export(
                    c, byTranscript, codes, cases, author -> users.computeIfAbsent(author, Interviews::guidOf));
            List<QdaProject.User> userList = new ArrayList<>();
            users.forEach((name, guid) -> userList.add(new QdaProject.User(guid, name)));
            String name = study.instrument().title() + " [" + mark(recipient, exportId) + "]";
            return new ProjectExport(
                    exportId,
                    new QdaProject(name, userList, codes, cases, memos.sources(), memos.notes(), memos.noteRefs()),
                    survivors,
                    access,
                    consent,
                    withdrawn);
        });
    }

    /** The per-recipient mark every export of words carries. */
    public static String mark(String recipient, String exportId) {
        return "exported for " + recipient + ", export " + exportId + "; do not pass on";
    }

    /** Writes {@link #project} for the actor as recipient to a .qdpx file. */
    public ProjectExport exportProject(Path out, String actor) {
        return exportProject(out, actor, actor);
    }

    /**
     * Writes {@link #project} to a .qdpx file, marked for {@code recipient}; the audit event names the
     * recipient, the export ID and every survivor interview in it.
     */
    public ProjectExport exportProject(Path out, String reader, String recipient) {
        String exportId = UUID.randomUUID().toString();
        ProjectExport e = project(reader, recipient, exportId);
        Qdpx.write(e.project(), out);
        tx(c -> {
            AuditEvents.record(
                    c,
                    reader,
                    "qdpx_export",
                    null,
                    "export_id",
                    exportId,
                    "recipient",
                    recipient,
                    "sources",
                    e.project().sources().size(),
                    "codes",
                    e.project().codes().size(),
                    "survivor_interviews",
                    e.survivorSources(),
                    "withheld_access",
                    e.withheldAccess(),
                    "withheld_consent",
                    e.withheldConsent(),
                    "withheld_withdrawn",
                    e.withheldWithdrawn());
            return null;
        });
        return e;
    }

    /**
     * A transcript as a reader sees it.
     *
     * @param interviewId the interview
     * @param version     the newest version's number
     * @param text        its canonical text
     * @param state       its state
     */
    public record TranscriptView(String interviewId, int version, String text, TranscriptState state) {
        public TranscriptView {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The newest transcript of an interview, for {@code reader} (an account name or CLI login): "not
     * found" ({@link NotVisible}), the same whether it does not exist or may not be read, unless the tier rules
     * ({@link TranscriptAccess.Reader#mayRead}) allow it. Every view of a survivor's transcript is audited.
     */
    public TranscriptView transcript(String interviewId, String reader) {
        return tx(c -> {
            ParticipantStatus status = ParticipantStatus.read(c, store);
            TranscriptAccess.Reader who = TranscriptAccess.reader(c, reader);
            Optional<QualTables.Transcript> t = QualTables.latest(c, interviewId);
            if (t.isEmpty() || !who.mayRead(interviewId, status)) {
                throw new NotVisible(); // the same answer whether it does not exist or may not be read
            }
            if (status.survivor(interviewId)) {
                AuditEvents.record(
                        c,
                        reader,
                        "survivor_transcript_view",
                        "interview",
                        "interview",
                        interviewId,
                        "version",
                        t.get().version());
            }
            return new TranscriptView(
                    interviewId,
                    t.get().version(),
                    t.get().text().text(),
                    t.get().state());
        });
    }

    /**
     * Imports a .qdpx: its codes into the codebook, and its codings onto the newest transcript of the
     * interview each source is named after when that transcript is codable and has the very same text,
     * and its notes as memos on what they reference ({@link MemoExchange}). Returns the data-loss report:
     * everything not carried, one line each.
     */
    public List<String> importProject(Path in, String actor) {
        Qdpx.Imported imported = Qdpx.read(in);
        QdaProject p = imported.project();
        List<String> loss = new ArrayList<>(imported.dataLoss());
        Map<String, String> userNames = new LinkedHashMap<>();
        p.users().forEach(u -> userNames.put(u.guid(), u.name()));
        // participants live in the participant form: a case is checked against it, never imported over it
        tx(c -> {
            Map<String, org.tfeval.store.qual.FindingsTables.Interviewee> known = new LinkedHashMap<>();
            for (org.tfeval.store.qual.FindingsTables.Interviewee i :
                    org.tfeval.store.qual.FindingsTables.interviewees(c, store)) {
                known.put(i.participant(), i);
            }
            for (QdaProject.Case k : p.cases()) {
                org.tfeval.store.qual.FindingsTables.Interviewee i = known.get(k.name());
                if (i == null) {
                    loss.add("case " + k.guid() + ": no participant " + k.name()
                            + " with a codable transcript; its variables were not carried");
                } else if (!i.site().equals(k.variables().getOrDefault("Task force", i.site()))) {
                    loss.add("case " + k.guid() + ": its task force differs from participant " + k.name()
                            + "'s record; the record was kept");
                }
            }
            return null;
        });
        tx(c -> {
            QualTables.saveCodes(c, p.codes());
            int codings = 0;
            Map<String, QualTables.Transcript> matched = new LinkedHashMap<>();
            Instant at = Instant.now();
            ParticipantStatus status = ParticipantStatus.read(c, store);
            TranscriptAccess.Reader who = TranscriptAccess.reader(c, actor);
            for (QdaProject.TextSource s : p.sources()) {
                if (FILE_NAME_ID.matcher(s.name()).matches() && !who.mayRead(s.name(), status)) {
                    loss.add("source " + s.guid() + ": not a transcript " + actor
                            + " may code (access tier, assignment or withdrawal); its codings were not carried");
                    continue;
                }
                Optional<QualTables.Transcript> t =
                        FILE_NAME_ID.matcher(s.name()).matches() ? QualTables.latest(c, s.name()) : Optional.empty();
                if (t.isEmpty()
                        || !t.get().text().equals(s.text())
                        || !t.get().state().codable()) {
                    loss.add("source " + s.guid() + ": no codable transcript of an interview named " + s.name()
                            + " with the same text; its codings were not carried");
                    continue;
                }
                matched.put(s.guid(), t.get());
                List<String> known = QualTables.codings(c, t.get().id()).stream()
                        .map(QualTables.Coding::guid)
                        .toList();
                for (QdaProject.Selection sel : s.selections()) {
                    for (QdaProject.Coding g : sel.codings()) {
                        if (known.contains(g.guid())) continue;
                        String coder = userNames.getOrDefault(g.creatingUser(), "imported");
                        QualTables.insertCoding(
                                c,
                                new QualTables.Coding(
                                        g.guid(),
                                        t.get().id(),
                                        sel.span(),
                                        s.text().hashOf(sel.span()),
                                        g.code(),
                                        coder),
                                null,
                                at);
                        codings++;
                    }
                }
            }
            java.util.Set<String> participants = new java.util.HashSet<>();
            for (org.tfeval.store.qual.FindingsTables.Interviewee i :
                    org.tfeval.store.qual.FindingsTables.interviewees(c, store)) {
                if (!status.excludedParticipant(i.participant())) participants.add(i.participant());
            }
            int memos = MemoExchange.importNotes(c, p, matched, participants, userNames, actor, loss);
            AuditLog.record(
                    c,
                    new AuditEntry(
                            actor,
                            "qdpx_import",
                            null,
                            null,
                            "{\"codes\":" + p.codes().size() + ",\"codings\":" + codings + ",\"memos\":" + memos
                                    + ",\"lost\":" + loss.size() + "}"));
            return null;
        });
        return loss;
    }

    /** A GUID derived from a name, so the same study exports the same GUIDs every time. */
    static String guidOf(String name) {
        return UUID.nameUUIDFromBytes(("tfeval " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            if ("23514".equals(e.getSQLState())) {
                throw Problem.refused("a codable transcript cannot change", "import the correction as a new version");
            }
            throw Problem.internal("the database refused the request (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

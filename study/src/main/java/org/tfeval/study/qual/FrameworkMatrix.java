package org.tfeval.study.qual;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.store.Store;
import org.tfeval.store.qual.FindingsTables;
import org.tfeval.store.qual.FrameworkTables;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.protect.ParticipantStatus;
import org.tfeval.study.protect.TranscriptAccess;

/**
 * The framework matrix (framework analysis, Ritchie and Spencer): participants by themes, each cell the
 * analyst's summary (stored, every save a new version, audited without words) and the supporting quotes
 * (that participant's coded segments of that theme). It is restricted-tier material: rows are participant
 * IDs; only codable (de-identified, reviewed) transcripts the reader may read count; withdrawn participants
 * never appear; quotes only where the consent in force allows them (otherwise the cell says how many
 * segments were withheld). Every showing is an export of words: it carries the per-recipient mark and an
 * audit event with the export ID and recipient.
 */
public final class FrameworkMatrix {
    /** Longest summary, in characters. */
    public static final int MAX_SUMMARY_CHARS = 20_000;

    private final Study study;
    private final Store store;

    private FrameworkMatrix(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static FrameworkMatrix of(Study study) {
        return new FrameworkMatrix(study);
    }

    /**
     * A cell.
     *
     * @param summary          the newest summary, or null
     * @param summaryVersion   its version (0 without one)
     * @param summaryAuthor    who saved it, or null
     * @param segments         the participant's coded segments of the theme
     * @param quotes           their de-identified words (empty when consent does not allow quotes)
     * @param quotesWithheld   segments whose words are withheld for want of consent to quotes
     */
    public record Cell(
            String summary,
            int summaryVersion,
            String summaryAuthor,
            int segments,
            List<String> quotes,
            int quotesWithheld) {
        public Cell {
            quotes = List.copyOf(quotes);
            if (segments < 0 || quotesWithheld < 0 || quotesWithheld > segments)
                throw new IllegalArgumentException("counts out of range");
        }
    }

    /**
     * A participant's row.
     *
     * @param participant the participant ID
     * @param group       stakeholder group label
     * @param site        task force
     * @param cells       one per theme, in theme order
     */
    public record Row(String participant, String group, String site, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * The matrix.
     *
     * @param themes   theme (code) names, in column order
     * @param rows     participants in ID order
     * @param exportId the ID the audit event records
     * @param mark     the per-recipient mark it carries
     */
    public record Framework(List<String> themes, List<Row> rows, String exportId, String mark) {
        public Framework {
            themes = List.copyOf(themes);
            rows = List.copyOf(rows);
            Objects.requireNonNull(mark, "mark");
        }
    }

    /**
     * The matrix for {@code codes} (code names; a category stands for its codable codes) at one site (or all
     * when null), as {@code reader} may see it, marked for {@code recipient}.
     */
    public Framework show(List<String> codes, String site, String reader, String recipient) {
        Objects.requireNonNull(reader, "reader");
        String to = recipient == null ? reader : recipient;
        String exportId = UUID.randomUUID().toString();
        return tx(c -> {
            List<Code> themes = themes(Codebook.of(QualTables.codes(c)), codes);
            ParticipantStatus status = ParticipantStatus.read(c, store);
            TranscriptAccess.Reader who = TranscriptAccess.reader(c, reader);
            Variable gv = study.instrument().form("participant").variable("STAKEHOLDER_GROUP");
            Map<Long, FindingsTables.Interviewee> byTranscript = new HashMap<>();
            Map<String, FindingsTables.Interviewee> people = new TreeMap<>();
            for (FindingsTables.Interviewee i : FindingsTables.interviewees(c, store)) {
                if (status.excludedParticipant(i.participant()) || status.excluded(i.interviewId())) continue;
                if (site != null && !site.equals(i.site())) continue;
                if (!who.mayRead(i.interviewId(), status)) continue;
                byTranscript.put(i.transcriptId(), i);
                people.putIfAbsent(i.participant(), i);
            }
            Map<String, Integer> column = new HashMap<>();
            for (int k = 0; k < themes.size(); k++) column.put(themes.get(k).guid(), k);
            Map<String, List<List<String>>> quotes = new HashMap<>();
            Map<String, int[][]> counts = new HashMap<>();
            Map<Long, QualTables.Transcript> texts = new HashMap<>();
            for (FindingsTables.Segment s : FindingsTables.segments(c)) {
                FindingsTables.Interviewee i = byTranscript.get(s.transcriptId());
                Integer k = column.get(s.code());
                if (i == null || k == null) continue;
                int[][] n = counts.computeIfAbsent(i.participant(), p -> new int[themes.size()][2]);
                n[k][0]++;
                if (!status.quotesAllowed(i.interviewId())) {
                    n[k][1]++;
                    continue;
                }
                QualTables.Transcript t = texts.get(s.transcriptId());
                if (t == null) {
                    t = QualTables.byId(c, s.transcriptId()).orElseThrow();
                    texts.put(s.transcriptId(), t);
                }
                quotes.computeIfAbsent(i.participant(), p -> emptyLists(themes.size()))
                        .get(k)
                        .add(t.text().slice(s.span()).strip());
            }
            Map<String, FrameworkTables.Summary> summaries = new HashMap<>();
            for (FrameworkTables.Summary s : FrameworkTables.latest(c)) {
                summaries.put(s.participantId() + " " + s.code(), s);
            }
            List<Row> rows = new ArrayList<>();
            for (FindingsTables.Interviewee i : people.values()) {
                List<Cell> cells = new ArrayList<>();
                int[][] n = counts.getOrDefault(i.participant(), new int[themes.size()][2]);
                List<List<String>> q = quotes.getOrDefault(i.participant(), emptyLists(themes.size()));
                for (int k = 0; k < themes.size(); k++) {
                    FrameworkTables.Summary s =
                            summaries.get(i.participant() + " " + themes.get(k).guid());
                    cells.add(new Cell(
                            s == null ? null : s.summary(),
                            s == null ? 0 : s.version(),
                            s == null ? null : s.author(),
                            n[k][0],
                            q.get(k),
                            n[k][1]));
                }
                rows.add(new Row(i.participant(), label(gv, i.group()), i.site(), cells));
            }
            AuditEvents.record(
                    c,
                    reader,
                    "qual_framework_show",
                    null,
                    "export_id",
                    exportId,
                    "recipient",
                    to,
                    "participants",
                    rows.size(),
                    "themes",
                    themes.size());
            return new Framework(
                    themes.stream().map(Code::name).toList(), rows, exportId, Interviews.mark(to, exportId));
        });
    }

    /**
     * Saves {@code text} as the newest summary of participant x code; returns its version. Refused for a
     * withdrawn participant, a participant whose transcripts {@code actor} may not read, and a category.
     */
    public int summarise(String participant, String codeName, String text, String actor) {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(codeName, "codeName");
        Objects.requireNonNull(actor, "actor");
        String words = text == null ? "" : text.strip();
        if (words.isEmpty()) throw Problem.usage("a summary needs words", "--text \"...\"");
        if (words.length() > MAX_SUMMARY_CHARS)
            throw Problem.usage("a summary is at most " + MAX_SUMMARY_CHARS + " characters", "shorten it");
        return tx(c -> {
            Codebook book = Codebook.of(QualTables.codes(c));
            Code code = book.named(codeName)
                    .orElseThrow(() -> Problem.usage("no code named " + codeName, "tfeval qual codebook show"));
            if (!code.codable()) throw Problem.usage(codeName + " is a category; summarise one of its codes", null);
            ParticipantStatus status = ParticipantStatus.read(c, store);
            TranscriptAccess.Reader who = TranscriptAccess.reader(c, actor);
            boolean readable = false;
            for (FindingsTables.Interviewee i : FindingsTables.interviewees(c, store)) {
                if (i.participant().equals(participant)
                        && !status.excludedParticipant(participant)
                        && who.mayRead(i.interviewId(), status)) {
                    readable = true;
                }
            }
            if (!readable) {
                // the same answer whether the participant does not exist, withdrew or may not be read
                throw Problem.refused(
                        "no participant " + participant + " with a codable transcript you may read",
                        "tfeval qual framework show");
            }
            int version = FrameworkTables.save(c, participant, code.guid(), words, actor, Instant.now());
            AuditEvents.record(
                    c,
                    actor,
                    "qual_framework_summary",
                    null,
                    "participant",
                    participant,
                    "code",
                    code.guid(),
                    "version",
                    version,
                    "chars",
                    words.length());
            return version;
        });
    }

    /**
     * A saved version of a cell's summary.
     *
     * @param version 1, then one more per save
     * @param summary the analyst's words
     * @param author  who saved it
     * @param savedAt when
     */
    public record Version(int version, String summary, String author, Instant savedAt) {}

    /** Every saved version of a cell, oldest first (the restricted tier's history). */
    public List<Version> history(String participant, String codeName) {
        return tx(c -> {
            Code code = Codebook.of(QualTables.codes(c))
                    .named(codeName)
                    .orElseThrow(() -> Problem.usage("no code named " + codeName, "tfeval qual codebook show"));
            return FrameworkTables.history(c, participant, code.guid()).stream()
                    .map(v -> new Version(v.version(), v.summary(), v.author(), v.savedAt()))
                    .toList();
        });
    }

    /** The named codes in order, a category expanded to its codable descendants. */
    static List<Code> themes(Codebook book, List<String> names) {
        if (names == null || names.isEmpty()) throw Problem.usage("name at least one code or category", "--codes A,B");
        Set<Code> out = new LinkedHashSet<>();
        for (String n : names) {
            Code k = book.named(n.strip())
                    .orElseThrow(() -> Problem.usage("no code named " + n.strip(), "tfeval qual codebook show"));
            expand(book, k, out);
        }
        if (out.isEmpty()) throw Problem.usage("those categories hold no codable code", null);
        return new ArrayList<>(out);
    }

    private static void expand(Codebook book, Code k, Set<Code> out) {
        if (k.codable()) out.add(k);
        for (Code child : book.children(k.guid())) expand(book, child, out);
    }

    private static List<List<String>> emptyLists(int n) {
        List<List<String>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) out.add(new ArrayList<>());
        return out;
    }

    private static String label(Variable v, String code) {
        try {
            return v.valueLabels().getOrDefault(Long.parseLong(code), code);
        } catch (NumberFormatException e) {
            return code;
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
            throw Problem.internal("the database refused the framework matrix (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

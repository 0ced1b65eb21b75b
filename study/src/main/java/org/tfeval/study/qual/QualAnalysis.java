package org.tfeval.study.qual;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.qual.matrix.ThemeMatrix;
import org.tfeval.qual.text.Span;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.store.Store;
import org.tfeval.store.qual.FindingsTables;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.protect.ParticipantStatus;

/**
 * Analysis beyond the theme matrix: drill-down from a matrix cell to its quotes, and code co-occurrence (same
 * segment, same turn). Only codable transcripts (de-identified and reviewed) count; participants who withdrew
 * are left out; a quote comes only from a participant whose consent in force allows quotes. Outside the
 * restricted tier a cell with fewer interviewees than the minimum cell size gives no quotes and its
 * co-occurrence counts are withheld.
 */
public final class QualAnalysis {
    private final Study study;
    private final Store store;
    private final ComplementarySuppression rule = ComplementarySuppression.standard();

    private QualAnalysis(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static QualAnalysis of(Study study) {
        return new QualAnalysis(study);
    }

    /**
     * A quote.
     *
     * @param interviewId the interview (restricted tier only; null otherwise)
     * @param group       the speaker's stakeholder group
     * @param site        the task force
     * @param code        the code
     * @param text        the de-identified words
     */
    public record Quote(String interviewId, String group, String site, String code, String text) {}

    /** The segments behind a matrix cell: code {@code code}, group {@code group} (label or number; null = any). */
    public List<Quote> quotes(String code, String group, String site, ThemeMatrix.Audience audience) {
        Objects.requireNonNull(code, "code");
        return tx(c -> {
            ParticipantStatus status = ParticipantStatus.read(c, store);
            Codebook book = Codebook.of(QualTables.codes(c));
            Code k = book.codes().stream()
                    .filter(x -> x.name().equals(code))
                    .findFirst()
                    .orElseThrow(() -> Problem.usage("no code named " + code, "tfeval qual codebook show"));
            Variable gv = study.instrument().form("participant").variable("STAKEHOLDER_GROUP");
            Map<Long, FindingsTables.Interviewee> who = new HashMap<>();
            for (FindingsTables.Interviewee i : FindingsTables.interviewees(c, store)) {
                if (status.excludedParticipant(i.participant())) continue;
                if (site != null && !site.equals(i.site())) continue;
                if (group != null && !group.equals(i.group()) && !group.equalsIgnoreCase(label(gv, i.group())))
                    continue;
                who.put(i.transcriptId(), i);
            }
            Set<String> people = new HashSet<>();
            List<Quote> out = new ArrayList<>();
            Map<Long, QualTables.Transcript> texts = new HashMap<>();
            for (FindingsTables.Segment s : FindingsTables.segments(c)) {
                FindingsTables.Interviewee i = who.get(s.transcriptId());
                if (i == null || !s.code().equals(k.guid())) continue;
                people.add(i.participant());
                if (!status.quotesAllowed(i.interviewId())) continue;
                QualTables.Transcript t = texts.get(s.transcriptId());
                if (t == null) {
                    t = QualTables.byId(c, s.transcriptId()).orElseThrow();
                    texts.put(s.transcriptId(), t);
                }
                out.add(new Quote(
                        audience == ThemeMatrix.Audience.RESTRICTED ? i.interviewId() : null,
                        label(gv, i.group()),
                        i.site(),
                        k.name(),
                        t.text().slice(s.span()).strip()));
            }
            if (audience != ThemeMatrix.Audience.RESTRICTED && rule.small(people.size())) {
                throw Problem.refused(
                        "this cell has fewer than " + rule.threshold()
                                + " interviewees; its quotes stay in the restricted tier",
                        "add --restricted (restricted tier only)");
            }
            return out;
        });
    }

    /**
     * Two codes occurring together.
     *
     * @param codeA        the first code (name order)
     * @param codeB        the second
     * @param sameSegment  pairs of their codings whose spans overlap
     * @param sameTurn     speaker turns holding both
     * @param interviewees distinct interviewees with both in one turn
     * @param withheld     counts withheld (fewer interviewees than the minimum cell size, outside the restricted tier)
     */
    public record Pair(String codeA, String codeB, int sameSegment, int sameTurn, int interviewees, boolean withheld) {}

    /** Code co-occurrence over codable transcripts (one site, or all when null). */
    public List<Pair> cooccurrence(String site, ThemeMatrix.Audience audience) {
        return tx(c -> {
            ParticipantStatus status = ParticipantStatus.read(c, store);
            Map<String, String> names = new HashMap<>();
            for (Code k : QualTables.codes(c)) names.put(k.guid(), k.name());
            Map<Long, FindingsTables.Interviewee> who = new HashMap<>();
            for (FindingsTables.Interviewee i : FindingsTables.interviewees(c, store)) {
                if (status.excludedParticipant(i.participant()) || (site != null && !site.equals(i.site()))) continue;
                who.put(i.transcriptId(), i);
            }
            Map<Long, List<FindingsTables.Segment>> byTranscript = new TreeMap<>();
            for (FindingsTables.Segment s : FindingsTables.segments(c)) {
                if (who.containsKey(s.transcriptId())) {
                    byTranscript
                            .computeIfAbsent(s.transcriptId(), k -> new ArrayList<>())
                            .add(s);
                }
            }
            Map<List<String>, int[]> counts = new TreeMap<>((a, b) -> {
                int d = a.get(0).compareTo(b.get(0));
                return d != 0 ? d : a.get(1).compareTo(b.get(1));
            });
            Map<List<String>, Set<String>> people = new HashMap<>();
            for (Map.Entry<Long, List<FindingsTables.Segment>> e : byTranscript.entrySet()) {
                List<FindingsTables.Segment> segs = e.getValue();
                for (int x = 0; x < segs.size(); x++) {
                    for (int y = x + 1; y < segs.size(); y++) {
                        List<String> key =
                                key(names, segs.get(x).code(), segs.get(y).code());
                        if (key != null
                                && segs.get(x).span().overlaps(segs.get(y).span())) {
                            counts.computeIfAbsent(key, k -> new int[2])[0]++;
                        }
                    }
                }
                for (Span turn : QualTables.turns(c, e.getKey())) {
                    Set<String> in = new java.util.TreeSet<>();
                    for (FindingsTables.Segment s : segs) if (s.span().overlaps(turn)) in.add(names.get(s.code()));
                    List<String> list = new ArrayList<>(in);
                    for (int x = 0; x < list.size(); x++) {
                        for (int y = x + 1; y < list.size(); y++) {
                            List<String> key = List.of(list.get(x), list.get(y));
                            counts.computeIfAbsent(key, k -> new int[2])[1]++;
                            people.computeIfAbsent(key, k -> new HashSet<>())
                                    .add(who.get(e.getKey()).participant());
                        }
                    }
                }
            }
            List<Pair> out = new ArrayList<>();
            counts.forEach((k, v) -> {
                int n = people.getOrDefault(k, Set.of()).size();
                boolean withheld = audience != ThemeMatrix.Audience.RESTRICTED && rule.small(n);
                out.add(
                        withheld
                                ? new Pair(k.get(0), k.get(1), 0, 0, 0, true)
                                : new Pair(k.get(0), k.get(1), v[0], v[1], n, false));
            });
            return out;
        });
    }

    private static List<String> key(Map<String, String> names, String a, String b) {
        String x = names.get(a);
        String y = names.get(b);
        if (x == null || y == null || x.equals(y)) return null;
        return x.compareTo(y) < 0 ? List.of(x, y) : List.of(y, x);
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
            throw Problem.internal("the database refused the analysis (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

package org.tfeval.study.qual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.codebook.Codebook;
import org.tfeval.snapshot.qual.QualitativeFindings;
import org.tfeval.store.Store;
import org.tfeval.store.qual.FindingsTables;
import org.tfeval.store.qual.QualTables;
import org.tfeval.study.Study;
import org.tfeval.study.protect.ParticipantStatus;

/**
 * The qualitative findings a snapshot freezes ({@link QualitativeFindings}), read in one transaction: theme
 * counts by stakeholder group and site with interviewee counts, quote candidates and the latest closed round's
 * reliability. Only codable transcripts count (de-identified and reviewed); participants who withdrew are left
 * out everywhere; a quote candidate comes only from a participant whose consent in force allows quotes, and is
 * brief ({@link #BRIEF_QUOTE} code points at most, never cut).
 */
public final class QualitativeSnapshot {
    /** The longest segment offered as a quote. */
    public static final int BRIEF_QUOTE = 300;

    /** Quote candidates kept per theme, group and site. */
    public static final int QUOTES_PER_CELL = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Study study;
    private final Store store;

    private QualitativeSnapshot(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static QualitativeSnapshot of(Study study) {
        return new QualitativeSnapshot(study);
    }

    /** The files a snapshot carries for the qualitative strand: none while nothing is coded or closed. */
    public static Map<String, byte[]> attachments(Study study) {
        QualitativeFindings f = of(study).findings();
        return f.empty() ? Map.of() : Map.of(QualitativeFindings.FILE, f.toJson());
    }

    /** The findings now. */
    public QualitativeFindings findings() {
        try {
            return store.tx(this::read);
        } catch (SQLException e) {
            throw Problem.internal("cannot read the qualitative findings (SQL state " + e.getSQLState() + ")", e);
        }
    }

    private QualitativeFindings read(Connection c) throws SQLException {
        ParticipantStatus status = ParticipantStatus.read(c, store);
        Variable groupVar = study.instrument().form("participant").variable("STAKEHOLDER_GROUP");
        Codebook book = Codebook.of(QualTables.codes(c));
        Map<Long, FindingsTables.Interviewee> who = new HashMap<>();
        Map<List<String>, Set<String>> interviewed = new TreeMap<>(QualitativeSnapshot::compare);
        for (FindingsTables.Interviewee i : FindingsTables.interviewees(c, store)) {
            if (status.excludedParticipant(i.participant())) continue;
            who.put(i.transcriptId(), i);
            interviewed
                    .computeIfAbsent(List.of(label(groupVar, i.group()), i.site()), k -> new HashSet<>())
                    .add(i.participant());
        }
        Map<List<String>, int[]> segments = new TreeMap<>(QualitativeSnapshot::compare);
        Map<List<String>, Set<String>> people = new HashMap<>();
        Map<List<String>, Set<String>> quotes = new TreeMap<>(QualitativeSnapshot::compare);
        Map<Long, QualTables.Transcript> texts = new HashMap<>();
        for (FindingsTables.Segment s : FindingsTables.segments(c)) {
            FindingsTables.Interviewee i = who.get(s.transcriptId());
            if (i == null) continue;
            Code code = book.code(s.code()).orElseThrow();
            List<String> key = List.of(code.name(), question(book, code), label(groupVar, i.group()), i.site());
            segments.computeIfAbsent(key, k -> new int[1])[0]++;
            people.computeIfAbsent(key, k -> new HashSet<>()).add(i.participant());
            if (s.span().length() <= BRIEF_QUOTE && status.quotesAllowed(i.interviewId())) {
                Set<String> q =
                        quotes.computeIfAbsent(List.of(code.name(), key.get(2), i.site()), k -> new LinkedHashSet<>());
                if (q.size() < QUOTES_PER_CELL) {
                    QualTables.Transcript t = texts.get(s.transcriptId());
                    if (t == null) {
                        t = QualTables.byId(c, s.transcriptId()).orElseThrow();
                        texts.put(s.transcriptId(), t);
                    }
                    q.add(t.text().slice(s.span()).strip());
                }
            }
        }
        List<QualitativeFindings.ThemeCount> themes = new ArrayList<>();
        segments.forEach((k, n) -> themes.add(new QualitativeFindings.ThemeCount(
                k.get(0), k.get(1), k.get(2), k.get(3), n[0], people.get(k).size())));
        List<QualitativeFindings.Interviewed> counts = new ArrayList<>();
        interviewed.forEach((k, v) -> counts.add(new QualitativeFindings.Interviewed(k.get(0), k.get(1), v.size())));
        List<QualitativeFindings.Quote> quoteList = new ArrayList<>();
        quotes.forEach((k, v) ->
                v.forEach(text -> quoteList.add(new QualitativeFindings.Quote(k.get(0), k.get(1), k.get(2), text))));
        return new QualitativeFindings(
                themes,
                counts,
                quoteList,
                FindingsTables.latestClosedFigures(c)
                        .map(QualitativeSnapshot::reliability)
                        .orElse(null));
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int d = a.get(i).compareTo(b.get(i));
            if (d != 0) return d;
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String label(Variable v, String code) {
        try {
            return v.valueLabels().getOrDefault(Long.parseLong(code), code);
        } catch (NumberFormatException e) {
            return code;
        }
    }

    /** The top category above a code: the research question its theme answers ("Other themes" at the top). */
    static String question(Codebook book, Code code) {
        Code top = code;
        while (top.parent() != null) top = book.code(top.parent()).orElseThrow();
        return top == code ? "Other themes" : top.name();
    }

    static QualitativeFindings.Reliability reliability(String figures) {
        try {
            JsonNode n = JSON.readTree(figures);
            List<QualitativeFindings.CodeReliability> codes = new ArrayList<>();
            for (JsonNode k : n.path("codes")) {
                codes.add(new QualitativeFindings.CodeReliability(
                        k.path("code").asText(),
                        number(k.path("percent_agreement")),
                        number(k.path("kappa").path("value")),
                        number(k.path("kappa").path("lower")),
                        number(k.path("kappa").path("upper")),
                        number(k.path("alpha_turns").path("value")),
                        number(k.path("alpha_turns").path("lower")),
                        number(k.path("alpha_turns").path("upper"))));
            }
            return new QualitativeFindings.Reliability(
                    n.path("round").asInt(),
                    n.path("coders").size(),
                    n.path("transcripts").asInt(),
                    codes);
        } catch (IOException e) {
            throw new UncheckedIOException("a closed round's figures are not JSON", e);
        }
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}

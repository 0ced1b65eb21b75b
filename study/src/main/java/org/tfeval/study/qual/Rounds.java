package org.tfeval.study.qual;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.agreement.CodedSpan;
import org.tfeval.qual.agreement.Disagreement;
import org.tfeval.qual.agreement.Estimate;
import org.tfeval.qual.agreement.PairwiseKappa;
import org.tfeval.qual.agreement.ReliabilityRound;
import org.tfeval.qual.agreement.Source;
import org.tfeval.qual.codebook.Code;
import org.tfeval.qual.text.Span;
import org.tfeval.store.Store;
import org.tfeval.store.qual.QualTables;
import org.tfeval.store.qual.RoundTables;
import org.tfeval.study.Study;
import org.tfeval.study.StudyJson;
import org.tfeval.study.audit.AuditEvents;
import org.tfeval.study.protect.ParticipantStatus;

/**
 * Reliability rounds end to end: open a blind round (the current codebook version, a sample of codable
 * transcripts, the coders), close it (the figures are computed and frozen with the round), adjudicate every
 * disagreement of two coders (take A, take B, both, neither, with the adjudicator and a reason) and, once all
 * are decided, write the consensus coding as ordinary codings. The round history stays: rounds are never
 * deleted, their figures and decisions are kept.
 */
public final class Rounds {
    /** The coder name consensus codings carry. */
    public static final String CONSENSUS = "consensus";

    private final Study study;
    private final Store store;

    private Rounds(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static Rounds of(Study study) {
        return new Rounds(study);
    }

    /** Opens a round on the named interviews' newest transcripts, every coder coding every one of them blind. */
    public int open(List<String> interviewIds, List<String> coders, String actor) {
        if (interviewIds.isEmpty()) throw Problem.usage("a round needs transcripts", "give interviews or --sample N");
        if (coders.size() < 2 || coders.stream().distinct().count() != coders.size()) {
            throw Problem.usage("a reliability round needs at least two different coders", null);
        }
        int round = Interviews.of(study).openRound(interviewIds, coders, actor);
        tx(c -> {
            RoundTables.opened(c, round, actor, Instant.now());
            return null;
        });
        return round;
    }

    /**
     * Opens a round on a random sample of {@code n} codable transcripts (participants who withdrew left out),
     * drawn with {@code seed} so the sample can be drawn again.
     */
    public int openSample(int n, long seed, List<String> coders, String actor) {
        if (n < 1) throw Problem.usage("a sample needs at least one transcript", null);
        List<String> pool = tx(c -> {
            ParticipantStatus status = ParticipantStatus.read(c, store);
            List<String> ids = new ArrayList<>();
            for (QualTables.Transcript t : QualTables.latestAll(c)) {
                if (t.state().codable() && !status.excluded(t.interviewId())) ids.add(t.interviewId());
            }
            return ids;
        });
        if (pool.size() < n) {
            throw Problem.usage("only " + pool.size() + " transcripts are codable; cannot sample " + n, null);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> draw = new ArrayList<>(pool);
        for (int i = 0; i < n; i++) java.util.Collections.swap(draw, i, i + rng.nextInt(draw.size() - i));
        List<String> sample = new ArrayList<>(draw.subList(0, n));
        java.util.Collections.sort(sample);
        return open(sample, coders, actor);
    }

    /**
     * A round's figures: per code, NVivo's character kappa of the first two coders with alpha on turns and
     * alpha_U for all coders ({@link ReliabilityRound}), and the character kappa of every pair of coders.
     *
     * @param round   the round
     * @param figures per-code figures
     * @param pairs   per code and pair of coders
     */
    public record Agreement(int round, ReliabilityRound.Figures figures, List<PairwiseKappa.Pair> pairs) {
        public Agreement {
            Objects.requireNonNull(figures, "figures");
            pairs = List.copyOf(pairs);
        }
    }

    /** Computes a round's figures now (participants who withdrew left out). */
    public Agreement agreement(int round, ReliabilityRound settings) {
        return tx(c -> {
            requireRound(c, round);
            ParticipantStatus status = ParticipantStatus.read(c, store);
            List<Source> sources = QualTables.roundSources(c, round).stream()
                    .filter(x -> !status.excludedTranscript(x.id()))
                    .toList();
            List<CodedSpan> spans = QualTables.roundCodings(c, round).stream()
                    .filter(x -> !status.excludedTranscript(x.source()))
                    .toList();
            return new Agreement(round, settings.compute(sources, spans), PairwiseKappa.of(sources, spans));
        });
    }

    /** Closes an open round: computes its figures and freezes them with it. */
    public Agreement close(int round, ReliabilityRound settings, String actor) {
        Agreement a = agreement(round, settings);
        tx(c -> {
            if (!RoundTables.close(c, round, StudyJson.pretty(tree(a)), actor, Instant.now())) {
                throw Problem.refused("round " + round + " is not open", "tfeval qual round list");
            }
            AuditEvents.record(
                    c,
                    actor,
                    "qual_round_close",
                    null,
                    "round",
                    round,
                    "codes",
                    a.figures().codes().size());
            return null;
        });
        return a;
    }

    /**
     * One round in the history.
     *
     * @param id              its number
     * @param codebookVersion the codebook version it was coded on
     * @param status          open or closed
     * @param openedBy        who opened it
     * @param openedAt        when
     * @param closedAt        when it closed, or null
     * @param adjudicatedAt   when its consensus was written, or null
     * @param transcripts     transcripts in its sample
     * @param coders          its coders, in name order
     * @param decisions       adjudication decisions recorded
     * @param figuresJson     the figures frozen at close, or null
     */
    public record Summary(
            int id,
            int codebookVersion,
            String status,
            String openedBy,
            Instant openedAt,
            Instant closedAt,
            Instant adjudicatedAt,
            int transcripts,
            List<String> coders,
            int decisions,
            String figuresJson) {
        public Summary {
            coders = List.copyOf(coders);
        }
    }

    /** Every round, oldest first. */
    public List<Summary> list() {
        return tx(c -> RoundTables.list(c).stream()
                .map(r -> new Summary(
                        r.id(),
                        r.codebookVersion(),
                        r.status(),
                        r.openedBy(),
                        r.openedAt(),
                        r.closedAt(),
                        r.adjudicatedAt(),
                        r.transcripts(),
                        r.coders(),
                        r.decisions(),
                        r.figuresJson()))
                .toList());
    }

    /**
     * One disagreement to decide, as shown to the adjudicator.
     *
     * @param interviewId the interview
     * @param transcript  the transcript version's id
     * @param code        the code's name
     * @param disagreement the stretch and both coders' spans
     * @param decision    the decision recorded so far, or null
     */
    public record Open(String interviewId, long transcript, String code, Disagreement disagreement, String decision) {}

    /** The disagreements between coders {@code a} and {@code b} of a closed round, with any decision so far. */
    public List<Open> disagreements(int round, String a, String b) {
        return tx(c -> {
            RoundTables.Round r = requireRound(c, round);
            requireCoders(r, a, b);
            Map<String, String> names = names(c);
            Map<String, String> decided = new LinkedHashMap<>();
            for (RoundTables.Decision d : RoundTables.decisions(c, round)) {
                decided.put(
                        d.transcriptId() + "/" + d.code() + "/" + d.region().start() + "-"
                                + d.region().end(),
                        d.decision());
            }
            List<Open> out = new ArrayList<>();
            for (Disagreement d : compare(c, round, a, b).disagreements()) {
                long t = Long.parseLong(d.source());
                out.add(new Open(
                        QualTables.byId(c, t).orElseThrow().interviewId(),
                        t,
                        names.get(d.code()),
                        d,
                        decided.get(d.key())));
            }
            return out;
        });
    }

    /**
     * One decision.
     *
     * @param interviewId the interview
     * @param code        the code's name
     * @param region      the disagreement's stretch (as listed)
     * @param decision    what to keep
     * @param reason      why (required)
     */
    public record Decision(
            String interviewId, String code, Span region, Disagreement.Decision decision, String reason) {
        public Decision {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(decision, "decision");
            if (reason == null || reason.isBlank()) {
                throw Problem.usage("every adjudication decision needs a reason", "--reason TEXT");
            }
        }
    }

    /**
     * What an adjudication did.
     *
     * @param decided        decisions recorded by this call
     * @param left           disagreements still undecided
     * @param consensusCodings consensus codings written (when the last disagreement was decided), else 0
     */
    public record Adjudicated(int decided, int left, int consensusCodings) {}

    /**
     * Records decisions on a closed round's disagreements between coders {@code a} and {@code b}; when none is
     * left undecided, writes the consensus (agreed spans plus what each decision keeps) as ordinary codings by
     * {@link #CONSENSUS}, once.
     */
    public Adjudicated adjudicate(int round, String a, String b, List<Decision> decisions, String adjudicator) {
        return tx(c -> {
            RoundTables.Round r = requireRound(c, round);
            if (r.open())
                throw Problem.refused("round " + round + " is still open", "close it first: tfeval qual round close");
            if (r.adjudicatedAt() != null) throw Problem.refused("round " + round + " is adjudicated already", null);
            requireCoders(r, a, b);
            Disagreement.Comparison cmp = compare(c, round, a, b);
            Map<String, String> guids = new LinkedHashMap<>();
            names(c).forEach((g, n) -> guids.putIfAbsent(n, g));
            Map<String, Disagreement> byKey = Disagreement.byKey(cmp.disagreements());
            Instant now = Instant.now();
            Map<Long, String> transcriptOf = new LinkedHashMap<>();
            for (Decision d : decisions) {
                long t = roundTranscript(c, r, d.interviewId(), transcriptOf);
                String g = guids.get(d.code());
                String key = t + "/" + g + "/" + d.region().start() + "-"
                        + d.region().end();
                if (g == null || !byKey.containsKey(key)) {
                    throw Problem.usage(
                            "no disagreement on " + d.code() + " at "
                                    + d.region().start() + "-" + d.region().end() + " in " + d.interviewId(),
                            "tfeval qual round adjudicate --list");
                }
                RoundTables.decide(
                        c,
                        round,
                        new RoundTables.Decision(
                                t,
                                g,
                                d.region(),
                                d.decision().label(),
                                adjudicator,
                                d.reason().strip()),
                        now);
            }
            Map<String, Disagreement.Decision> decided = new LinkedHashMap<>();
            for (RoundTables.Decision d : RoundTables.decisions(c, round)) {
                decided.put(
                        d.transcriptId() + "/" + d.code() + "/" + d.region().start() + "-"
                                + d.region().end(),
                        Disagreement.Decision.ofLabel(d.decision()));
            }
            int left = (int) cmp.disagreements().stream()
                    .filter(d -> !decided.containsKey(d.key()))
                    .count();
            int written = 0;
            if (left == 0) {
                List<CodedSpan> consensus = new ArrayList<>(cmp.agreed());
                for (Disagreement d : cmp.disagreements()) {
                    for (Span s : decided.get(d.key()).keep(d)) {
                        consensus.add(new CodedSpan(d.source(), CONSENSUS, d.code(), s));
                    }
                }
                for (CodedSpan s : consensus) {
                    QualTables.Transcript t =
                            QualTables.byId(c, Long.parseLong(s.source())).orElseThrow();
                    QualTables.insertCoding(
                            c,
                            new QualTables.Coding(
                                    UUID.randomUUID().toString(),
                                    t.id(),
                                    s.span(),
                                    t.text().hashOf(s.span()),
                                    s.code(),
                                    CONSENSUS),
                            null,
                            now);
                }
                written = consensus.size();
                RoundTables.adjudicated(c, round, adjudicator, now);
            }
            AuditEvents.record(
                    c,
                    adjudicator,
                    "qual_round_adjudicate",
                    null,
                    "round",
                    round,
                    "decided",
                    decisions.size(),
                    "left",
                    left,
                    "consensus_codings",
                    written);
            return new Adjudicated(decisions.size(), left, written);
        });
    }

    private static long roundTranscript(Connection c, RoundTables.Round r, String interviewId, Map<Long, String> seen)
            throws SQLException {
        for (Source s : QualTables.roundSources(c, r.id())) {
            long id = Long.parseLong(s.id());
            if (QualTables.byId(c, id).orElseThrow().interviewId().equals(interviewId)) return id;
        }
        throw Problem.usage("interview " + interviewId + " is not in round " + r.id(), null);
    }

    private static Disagreement.Comparison compare(Connection c, int round, String a, String b) throws SQLException {
        return Disagreement.compare(RoundTables.codingsByGuid(c, round), a, b);
    }

    private static Map<String, String> names(Connection c) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        for (Code k : QualTables.codes(c)) m.put(k.guid(), k.name());
        return m;
    }

    private static void requireCoders(RoundTables.Round r, String a, String b) {
        if (a.equals(b) || !r.coders().contains(a) || !r.coders().contains(b)) {
            throw Problem.usage(
                    "adjudication compares two different coders of round " + r.id() + " " + r.coders(), "--coders A,B");
        }
    }

    private static RoundTables.Round requireRound(Connection c, int round) throws SQLException {
        return RoundTables.round(c, round)
                .orElseThrow(() -> Problem.usage("no reliability round " + round, "tfeval qual round list"));
    }

    /** A round's figures as a JSON-ready tree (what {@code --format json} prints and a closed round keeps). */
    public static Map<String, Object> tree(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", a.round());
        m.put("coders", a.figures().coders());
        m.put("transcripts", a.figures().sources());
        m.put("turns", a.figures().turns());
        m.put("threshold", ReliabilityRound.THRESHOLD);
        List<Map<String, Object>> codes = new ArrayList<>();
        for (ReliabilityRound.CodeFigures c : a.figures().codes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", c.code());
            row.put("percent_agreement", number(c.percentAgreement()));
            row.put("kappa", estimate(c.kappa()));
            row.put("alpha_turns", estimate(c.turnAlpha()));
            row.put("alpha_u", estimate(c.unitizingAlpha()));
            codes.add(row);
        }
        m.put("codes", codes);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (PairwiseKappa.Pair p : a.pairs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", p.code());
            row.put("coder_a", p.coderA());
            row.put("coder_b", p.coderB());
            row.put("percent_agreement", number(p.percentAgreement()));
            row.put("kappa", number(p.kappa()));
            pairs.add(row);
        }
        m.put("pairs", pairs);
        return m;
    }

    private static Object number(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", number(e.value()));
        m.put("lower", number(e.lower()));
        m.put("upper", number(e.upper()));
        m.put("p_below_threshold", number(e.belowThreshold()));
        return m;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            throw Problem.internal("the database refused the round request (SQL state " + e.getSQLState() + ")", e);
        }
    }
}

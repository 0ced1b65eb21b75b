package org.tfeval.study.qual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tfeval.qual.deid.Category;
import org.tfeval.qual.deid.Origin;
import org.tfeval.qual.text.Span;
import org.tfeval.study.accounts.Role;

/**
 * The demo's de-identification review, scripted as a careful reviewer would do it against the list of
 * identifiers the corpus planted: a suggestion on a planted identifier is accepted (or edited to the
 * identifier's exact span), any other suggestion rejected, and every planted identifier nothing found is
 * added; then one privacy officer renders, a second marks it reviewed and releases it for coding. Measures
 * the suggestions' recall and precision on the planted identifiers before review, recall after review,
 * and the reviewer's decisions per transcript.
 */
public final class ScriptedReview {
    /** One planted identifier (from {@code planted_identifiers.csv}: interview, kind, start, end). */
    public record Planted(String interviewId, String kind, Span span) {
        /** The category a reviewer gives a planted kind. */
        public Category category() {
            switch (kind) {
                case "name":
                    return Category.PERSON;
                case "place":
                    return Category.PLACE;
                case "phone":
                    return Category.PHONE;
                case "agency":
                    return Category.AGENCY;
                case "date":
                    return Category.DATE;
                default:
                    throw new IllegalArgumentException("unknown planted kind " + kind);
            }
        }
    }

    /**
     * Recall and precision of one kind (or "all").
     *
     * @param planted     planted identifiers
     * @param found       planted identifiers a suggestion overlapped
     * @param suggestions suggestions counted for precision (all suggestions for "all"; those on this
     *                    kind's identifiers for a kind)
     * @param correct     suggestions that overlapped a planted identifier
     * @param replaced    planted identifiers wholly replaced by a token after review
     */
    public record Figure(int planted, int found, int suggestions, int correct, int replaced) {
        public double recall() {
            return planted == 0 ? Double.NaN : (double) found / planted;
        }

        public double precision() {
            return suggestions == 0 ? Double.NaN : (double) correct / suggestions;
        }

        public double recallAfterReview() {
            return planted == 0 ? Double.NaN : (double) replaced / planted;
        }
    }

    /**
     * What the scripted review measured.
     *
     * @param transcripts     transcripts reviewed
     * @param byKind          figures by planted kind, and "all"
     * @param accepted        suggestions accepted
     * @param edited          suggestions edited (span or category)
     * @param rejected        suggestions rejected (false positives)
     * @param added           identifiers the reviewer added (missed by the suggestions)
     * @param maxDecisions    most decisions on one transcript
     * @param reviewMillis    time of the whole scripted review (suggestions already made)
     */
    public record Figures(
            int transcripts,
            Map<String, Figure> byKind,
            int accepted,
            int edited,
            int rejected,
            int added,
            int maxDecisions,
            long reviewMillis) {
        /** The reviewer's decisions per transcript, on average. */
        public double decisionsPerTranscript() {
            return transcripts == 0 ? 0 : (double) (accepted + edited + rejected + added) / transcripts;
        }
    }

    /** The scripted reviewers: one renders, a second person reviews (the workflow refuses one person doing both). */
    public static final String RENDERER = "privacy1";

    public static final String SECOND_REVIEWER = "privacy2";

    private ScriptedReview() {}

    /** Reads a planted-identifier list. */
    public static List<Planted> planted(Path csv) {
        try {
            List<Planted> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(csv);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                out.add(new Planted(f[0], f[1], new Span(Integer.parseInt(f[2]), Integer.parseInt(f[3]))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** Reviews, renders, reviews again and releases the given interviews' transcripts, in one transaction. */
    public static Figures run(Deidentification deid, List<String> interviewIds, List<Planted> planted) {
        return deid.inOneTransaction(() -> review(deid, interviewIds, planted));
    }

    private static Figures review(Deidentification deid, List<String> interviewIds, List<Planted> planted) {
        Map<String, List<Planted>> byInterview = new LinkedHashMap<>();
        for (Planted p : planted)
            byInterview.computeIfAbsent(p.interviewId(), k -> new ArrayList<>()).add(p);
        Map<String, int[]> counts = new TreeMap<>(); // kind -> planted, found, suggestions, correct, replaced
        int accepted = 0;
        int edited = 0;
        int rejected = 0;
        int added = 0;
        int maxDecisions = 0;
        int allSuggestions = 0;
        int allCorrect = 0;
        long t0 = System.nanoTime();
        for (String id : interviewIds) {
            List<Planted> mine = byInterview.getOrDefault(id, List.of());
            Deidentification.Review r = deid.review(id, RENDERER, Role.PRIVACY_OFFICER);
            int decisions = 0;
            List<Span> replaced = new ArrayList<>();
            for (Planted p : mine) {
                int[] k = counts.computeIfAbsent(p.kind(), x -> new int[5]);
                k[0]++;
                if (r.items().stream()
                        .anyMatch(i -> i.suggestion().origin() != Origin.REVIEWER
                                && i.suggestion().span().overlaps(p.span()))) k[1]++;
            }
            for (Deidentification.Item item : r.items()) {
                if (item.suggestion().status().decided()) continue;
                allSuggestions++;
                Planted hit = mine.stream()
                        .filter(p -> p.span().overlaps(item.suggestion().span()))
                        .findFirst()
                        .orElse(null);
                decisions++;
                if (hit == null) {
                    deid.decide(item.id(), Deidentification.Decision.REJECT, RENDERER, Role.PRIVACY_OFFICER);
                    rejected++;
                    continue;
                }
                allCorrect++;
                int[] k = counts.get(hit.kind());
                k[2]++;
                k[3]++;
                if (item.suggestion().span().equals(hit.span())) {
                    deid.decide(item.id(), Deidentification.Decision.ACCEPT, RENDERER, Role.PRIVACY_OFFICER);
                    accepted++;
                    replaced.add(hit.span());
                } else if (replaced.stream().anyMatch(s -> s.overlaps(hit.span()))) {
                    deid.decide(item.id(), Deidentification.Decision.REJECT, RENDERER, Role.PRIVACY_OFFICER);
                    rejected++;
                } else {
                    deid.edit(item.id(), hit.span(), hit.category(), RENDERER, Role.PRIVACY_OFFICER);
                    edited++;
                    replaced.add(hit.span());
                }
            }
            for (Planted p : mine) {
                if (replaced.stream().noneMatch(s -> p.span().within(s))) {
                    deid.add(id, p.span(), p.category(), RENDERER, Role.PRIVACY_OFFICER);
                    added++;
                    decisions++;
                    replaced.add(p.span());
                }
            }
            maxDecisions = Math.max(maxDecisions, decisions);
            deid.render(id, RENDERER, Role.PRIVACY_OFFICER);
            // recall after review is measured on the rendered text: the planted words must be gone
            String rendered = deid.rendered(id).text().toLowerCase(java.util.Locale.ROOT);
            for (Planted p : mine) {
                String words = r.original().slice(p.span()).toLowerCase(java.util.Locale.ROOT);
                if (!rendered.contains(words)) counts.get(p.kind())[4]++;
            }
            deid.markReviewed(id, SECOND_REVIEWER, Role.PRIVACY_OFFICER);
            deid.release(id, SECOND_REVIEWER, Role.PRIVACY_OFFICER);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Figure> byKind = new LinkedHashMap<>();
        int[] all = new int[5];
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] k = e.getValue();
            byKind.put(e.getKey(), new Figure(k[0], k[1], k[2], k[3], k[4]));
            for (int j = 0; j < 5; j++) all[j] += k[j];
        }
        byKind.put("all", new Figure(all[0], all[1], allSuggestions, allCorrect, all[4]));
        return new Figures(interviewIds.size(), byKind, accepted, edited, rejected, added, maxDecisions, millis);
    }
}

package org.tfeval.qual.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;
import org.tfeval.qual.transcript.Turn;

/**
 * Suggests the identifiers of a transcript's original text: every roster entry, every pattern match and
 * every speaker label that is not a generic role (with each of its capitalised words, so "Maria" is found
 * where the label says "Maria Lopez"). Overlapping suggestions keep the longest (a roster entry wins a tie
 * over a speaker label, which wins over a pattern), so the reviewer decides each stretch of text once.
 */
public final class Suggester {
    /** Speaker labels that name a role, not a person ("Interviewer", "Speaker 2", "P3", "TF01-P7"). */
    static final Pattern GENERIC_SPEAKER = Pattern.compile(
            "(?i)(?:interviewer|interviewee|respondent|participant|moderator|facilitator|note[- ]?taker|translator|"
                    + "interpreter|unknown|inaudible|crosstalk|int|resp|q|a|i|r|p|speaker|voice|narrator|other)"
                    + "(?: ?\\d{1,3})?|[A-Z]{1,3}\\d{1,4}|[A-Z][A-Z0-9]{1,7}-P\\d{1,4}(?:-I\\d{1,2})?");

    /** Words of a label not worth suggesting alone (titles). */
    private static final Set<String> TITLES =
            Set.of("mr", "mrs", "ms", "miss", "dr", "officer", "detective", "agent", "sgt", "sergeant", "deputy");

    private Suggester() {}

    /** The suggestions for a transcript's original text, sorted, non-overlapping, all {@link Status#SUGGESTED}. */
    public static List<Suggestion> suggest(CanonicalText text, List<Turn> turns, Roster roster) {
        List<Suggestion> all = new ArrayList<>();
        for (Roster.Match m : roster.find(text)) {
            all.add(new Suggestion(
                    m.span(),
                    m.entry().category(),
                    Origin.ROSTER,
                    "roster:" + m.entry().id(),
                    Status.SUGGESTED));
        }
        for (Roster.Match m : speakers(turns).find(text)) {
            all.add(new Suggestion(m.span(), Category.PERSON, Origin.SPEAKER, "speaker", Status.SUGGESTED));
        }
        for (IdentifierPattern p : IdentifierPattern.values()) {
            for (Span s : p.find(text)) {
                all.add(new Suggestion(s, p.category(), Origin.PATTERN, p.source(), Status.SUGGESTED));
            }
        }
        return resolve(all);
    }

    /** The speaker labels that may name a person, with their capitalised words, as a roster. */
    static Roster speakers(List<Turn> turns) {
        Set<String> names = new LinkedHashSet<>();
        for (Turn t : turns) {
            String label = t.speaker().strip();
            if (label.isEmpty() || GENERIC_SPEAKER.matcher(label).matches()) continue;
            names.add(label);
            String[] words = label.split("[\\s.]+");
            if (words.length > 1) {
                for (String w : words) {
                    if (w.length() >= Roster.MIN_LETTERS
                            && Character.isUpperCase(w.codePointAt(0))
                            && !TITLES.contains(w.toLowerCase(Locale.ROOT))) {
                        names.add(w);
                    }
                }
            }
        }
        List<Roster.Entry> entries = new ArrayList<>();
        for (String n : names) {
            if (n.codePoints().filter(Character::isLetterOrDigit).count() >= Roster.MIN_LETTERS) {
                entries.add(new Roster.Entry("speaker", n, Category.PERSON));
            }
        }
        return Roster.of(entries);
    }

    /** Keeps the longest of overlapping suggestions (ties: roster, speaker, pattern), sorted by position. */
    static List<Suggestion> resolve(List<Suggestion> all) {
        List<Suggestion> byPriority = new ArrayList<>(all);
        byPriority.sort(Comparator.comparingInt((Suggestion s) -> -s.span().length())
                .thenComparingInt(s -> s.origin().ordinal())
                .thenComparing(Suggestion::span));
        List<Suggestion> kept = new ArrayList<>();
        for (Suggestion s : byPriority) {
            if (kept.stream().noneMatch(k -> k.span().overlaps(s.span()))) kept.add(s);
        }
        kept.sort(Comparator.comparing(Suggestion::span));
        return kept;
    }
}

package org.tfeval.qual.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

/**
 * Renders the de-identified text: every accepted, edited or added span of the original is replaced by
 * its category's token, the same token for the same words everywhere in the study (the caller's {@link
 * Tokens} keeps that promise). Refused while a suggestion is undecided or two replaced spans overlap.
 */
public final class Rendering {
    /** Gives the token of an original string in a category; the same string and category, the same token. */
    @FunctionalInterface
    public interface Tokens {
        String tokenFor(Category category, String original);
    }

    /**
     * One replacement.
     *
     * @param original the span in the original text
     * @param rendered the token's span in the rendered text
     * @param category the category
     * @param token    the token
     */
    public record Replacement(Span original, Span rendered, Category category, String token) {}

    /** The rendered text and where each replacement went. */
    public record Rendered(CanonicalText text, List<Replacement> replacements) {
        public Rendered {
            replacements = List.copyOf(replacements);
        }

        /** Where an original position (a span's start) lands in the rendered text. */
        public int startOf(int original) {
            int shift = 0;
            for (Replacement r : replacements) {
                if (original >= r.original().end())
                    shift += r.rendered().length() - r.original().length();
                else if (original > r.original().start()) return r.rendered().start();
                else break;
            }
            return original + shift;
        }

        /** Where an original position (a span's end) lands in the rendered text. */
        public int endOf(int original) {
            int shift = 0;
            for (Replacement r : replacements) {
                if (original >= r.original().end())
                    shift += r.rendered().length() - r.original().length();
                else if (original > r.original().start()) return r.rendered().end();
                else break;
            }
            return original + shift;
        }

        /** An original span in rendered coordinates. */
        public Span map(Span original) {
            return new Span(startOf(original.start()), endOf(original.end()));
        }
    }

    private Rendering() {}

    /** Renders an original text under its decided suggestions. */
    public static Rendered render(CanonicalText original, List<Suggestion> suggestions, Tokens tokens) {
        long undecided = suggestions.stream().filter(s -> !s.status().decided()).count();
        if (undecided > 0) {
            throw Problem.refused(
                    undecided + " suggestion(s) are not decided yet",
                    "accept, reject or edit every suggestion before rendering");
        }
        List<Suggestion> replaced = new ArrayList<>(
                suggestions.stream().filter(s -> s.status().replaced()).toList());
        replaced.sort(Comparator.comparing(Suggestion::span));
        for (int k = 1; k < replaced.size(); k++) {
            if (replaced.get(k).span().overlaps(replaced.get(k - 1).span())) {
                throw Problem.refused(
                        "two replaced spans overlap at code point "
                                + replaced.get(k).span().start(),
                        "edit one of them so they do not overlap");
            }
        }
        StringBuilder out = new StringBuilder();
        List<Replacement> done = new ArrayList<>();
        int at = 0;
        int outCp = 0;
        for (Suggestion s : replaced) {
            if (s.span().end() > original.length()) {
                throw Problem.usage("a span leaves the transcript", null);
            }
            String kept = original.slice(at, s.span().start());
            out.append(kept);
            outCp += s.span().start() - at;
            String token = tokens.tokenFor(s.category(), original.slice(s.span()));
            out.append(token);
            int len = token.codePointCount(0, token.length());
            done.add(new Replacement(s.span(), new Span(outCp, outCp + len), s.category(), token));
            outCp += len;
            at = s.span().end();
        }
        out.append(original.slice(at, original.length()));
        return new Rendered(CanonicalText.verbatim(out.toString()), done);
    }
}

package org.tfeval.web.deid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tfeval.qual.deid.Category;
import org.tfeval.study.qual.Deidentification;
import org.tfeval.web.Chrome;

/**
 * One transcript under review: the original with its suggestions marked, and the decisions to take.
 *
 * @param chrome the page around it
 * @param review the transcript, its original and its suggestions
 */
public record DeidReviewPage(Chrome chrome, Deidentification.Review review) {
    /** A stretch of the original: plain words, or the words of a suggestion. */
    public record Piece(String text, Deidentification.Item item) {}

    /** The original cut at the suggestions' spans (suggestions never overlap). */
    public List<Piece> pieces() {
        List<Piece> out = new ArrayList<>();
        int at = 0;
        var text = review.original();
        for (Deidentification.Item i : review.items()) {
            int start = i.suggestion().span().start();
            if (start < at) continue;
            if (start > at) out.add(new Piece(text.slice(at, start), null));
            out.add(new Piece(i.words(), i));
            at = i.suggestion().span().end();
        }
        if (at < text.length()) out.add(new Piece(text.slice(at, text.length()), null));
        return out;
    }

    /** The first undecided suggestion's number, or -1: it gets the keyboard focus. */
    public long next() {
        return review.items().stream()
                .filter(i -> !i.suggestion().status().decided())
                .mapToLong(Deidentification.Item::id)
                .findFirst()
                .orElse(-1);
    }

    /** Whether every suggestion is decided and the transcript may be rendered. */
    public boolean renderable() {
        return review.undecided() == 0 && review.state().label().equals("imported");
    }

    /** The categories, for the edit and add forms. */
    public List<String> categories() {
        return Arrays.stream(Category.values()).map(Category::label).toList();
    }
}

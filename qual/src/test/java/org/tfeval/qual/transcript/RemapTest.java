package org.tfeval.qual.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

class RemapTest {
    private static final CanonicalText OLD = CanonicalText.of(
            "P1: We met the detectives in March.\nP1: The shelter had no beds that winter.\nP1: Later it got better.");

    private static Segment segment(String id, String words) {
        int at = OLD.text().indexOf(words);
        Span span = new Span(OLD.codePointAt(at), OLD.codePointAt(at + words.length()));
        return new Segment(id, span, OLD.hashOf(span));
    }

    @Test
    void segments_move_with_their_words_when_text_before_them_is_corrected() {
        CanonicalText corrected = CanonicalText.of("P1: We first met the two detectives in early March.\n"
                + "P1: The shelter had no beds that winter.\nP1: Later it got better.");
        Segment shelter = segment("s1", "The shelter had no beds that winter.");
        Remap.Result r = Remap.of(OLD, corrected, List.of(shelter));
        assertThat(r.review()).isEmpty();
        Span to = r.moved().get(0).to();
        assertThat(corrected.slice(to)).isEqualTo("The shelter had no beds that winter.");
        assertThat(to.start()).isGreaterThan(shelter.span().start());
    }

    @Test
    void a_segment_whose_own_words_changed_goes_to_review_and_is_never_shifted() {
        CanonicalText corrected = CanonicalText.of("P1: We met the detectives in March.\n"
                + "P1: The shelter had only two beds that winter.\nP1: Later it got better.");
        Segment inside = segment("s1", "The shelter had no beds that winter.");
        Segment endWord = segment("s2", "no beds");
        Segment untouched = segment("s3", "Later it got better.");
        Remap.Result r = Remap.of(OLD, corrected, List.of(inside, endWord, untouched));
        assertThat(r.moved()).extracting(m -> m.segment().id()).containsExactly("s3");
        assertThat(r.review())
                .extracting(Remap.Unplaced::reason)
                .containsExactly(Remap.Reason.TEXT_CHANGED, Remap.Reason.BOUNDARY_EDITED);
    }

    @Test
    void a_segment_whose_hash_does_not_match_its_old_text_is_refused() {
        Segment bad = new Segment("s9", new Span(0, 3), "0".repeat(64));
        Remap.Result r = Remap.of(OLD, OLD, List.of(bad));
        assertThat(r.review()).extracting(Remap.Unplaced::reason).containsExactly(Remap.Reason.STALE_HASH);
    }
}

package org.tfeval.web.qual;

import java.util.List;
import org.tfeval.study.qual.QualCoding;

/**
 * The list of the coder's codings beside the text (also the answer to every save): each with its code,
 * span and words, the version the next save is made against, and, after a stale save, both sides.
 *
 * @param codings    the codings now saved
 * @param version    their version
 * @param conflicted whether the last save was not applied because the codings had changed
 * @param yours      what that save would have done (when conflicted)
 * @param mayCode    whether the account may code (remove buttons)
 */
public record CodingsView(
        List<QualCoding.Applied> codings, int version, boolean conflicted, String yours, boolean mayCode) {
    /** Highlight colours (qc0 ... qc8 in app.css). */
    static final int COLOURS = 9;

    public CodingsView {
        codings = List.copyOf(codings);
    }

    static CodingsView of(QualCoding.Outcome o) {
        return new CodingsView(o.codings(), o.version(), o.conflicted(), o.yours(), o.mayCode());
    }

    /** The colour class of a coding's code. */
    public static String colour(QualCoding.Applied a) {
        return "qc" + (a.colour() % COLOURS);
    }
}

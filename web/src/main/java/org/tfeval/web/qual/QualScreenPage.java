package org.tfeval.web.qual;

import java.util.ArrayList;
import java.util.List;
import org.tfeval.qual.text.Span;
import org.tfeval.study.qual.QualCoding;
import org.tfeval.web.Chrome;

/**
 * One transcript's coding screen.
 *
 * @param chrome the page around it
 * @param screen the transcript, codes, codings and memos
 */
public record QualScreenPage(Chrome chrome, QualCoding.Screen screen, CodePoints text) {
    /**
     * A stretch of the text in one element: a speaker turn, or what lies between turns. The browser maps
     * a selection to code points by the piece's {@code data-start} and the code points before it in the piece.
     */
    public record Piece(int start, int end, String text, boolean turn, String speaker) {}

    public QualScreenPage(Chrome chrome, QualCoding.Screen screen) {
        this(chrome, screen, new CodePoints(screen.text()));
    }

    /** The text cut at the turns, covering all of it. */
    public List<Piece> pieces() {
        List<Piece> out = new ArrayList<>();
        int at = 0;
        for (QualCoding.Turn t : screen.turns()) {
            Span s = t.span();
            if (s.start() < at || s.end() > text.length()) continue;
            if (s.start() > at) out.add(new Piece(at, s.start(), text.slice(at, s.start()), false, ""));
            out.add(new Piece(s.start(), s.end(), text.slice(s.start(), s.end()), true, t.speaker()));
            at = s.end();
        }
        if (at < text.length()) out.add(new Piece(at, text.length(), text.slice(at, text.length()), false, ""));
        return out;
    }

    public CodingsView codings() {
        return new CodingsView(screen.codings(), screen.codingVersion(), false, null, screen.mayCode());
    }

    public MemosView memos() {
        return new MemosView(screen.memos(), false, null, null);
    }

    /** The path of the screen. */
    public String base() {
        return "/qual/transcripts/" + screen.interviewId();
    }

    /** The colour class of a code (its place in the tree, as the codings list colours it). */
    public String colour(QualCoding.CodeNode n) {
        return "qc" + (screen.codes().indexOf(n) % CodingsView.COLOURS);
    }

    /** Left margin class of a code in the tree. */
    public static String depth(QualCoding.CodeNode n) {
        return "depth-" + Math.min(n.depth(), 4);
    }
}

package org.tfeval.qual.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tfeval.qual.text.CanonicalText;
import org.tfeval.qual.text.Span;

/**
 * Scans a rendered (de-identified) text again with the rosters and patterns. A hit inside a token or
 * inside a span the reviewer rejected (mapped into the rendered text) is reviewed; any other hit blocks
 * coding and export until someone decides it.
 */
public final class ResidualScan {
    /**
     * One hit of the scan.
     *
     * @param span     code points of the rendered text
     * @param category what it would be
     * @param source   which roster entry or pattern found it
     * @param reviewed whether a person already decided these words
     */
    public record Hit(Span span, Category category, String source, boolean reviewed) {}

    private ResidualScan() {}

    /** The scan's hits, sorted. {@code settled}: token spans and rejected spans, in rendered coordinates. */
    public static List<Hit> scan(CanonicalText rendered, Roster roster, List<Span> settled) {
        List<Hit> out = new ArrayList<>();
        for (Roster.Match m : roster.find(rendered)) {
            out.add(new Hit(
                    m.span(), m.entry().category(), "roster:" + m.entry().id(), within(m.span(), settled)));
        }
        for (IdentifierPattern p : IdentifierPattern.values()) {
            for (Span s : p.find(rendered)) out.add(new Hit(s, p.category(), p.source(), within(s, settled)));
        }
        out.sort(Comparator.comparing(Hit::span));
        return out;
    }

    /** The hits nobody has decided. */
    public static List<Hit> unreviewed(List<Hit> hits) {
        return hits.stream().filter(h -> !h.reviewed()).toList();
    }

    private static boolean within(Span s, List<Span> settled) {
        for (Span t : settled) if (s.within(t)) return true;
        return false;
    }
}

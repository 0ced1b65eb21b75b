package org.tfeval.store.sample;

import java.util.List;

/**
 * A sample draw and its cases.
 *
 * @param id           id in the store, 0 before it is recorded
 * @param frameName    the case list's file name
 * @param frameSha256  SHA-256 of the case list
 * @param frameRows    cases in the frame
 * @param seed         the seed
 * @param method       the method in words
 * @param sizeRule     the per-site size rule in words
 * @param replacements ordered replacement draws per site
 * @param cases        every case drawn, by site and draw order
 * @param frameSizes   cases on each site's list (the frame sizes N of the design weights), recorded with the draw
 *                     (table {@code sample_frame}, V700); empty for draws recorded before V700
 */
public record SampleDraw(
        long id,
        String frameName,
        String frameSha256,
        long frameRows,
        long seed,
        String method,
        String sizeRule,
        int replacements,
        List<Drawn> cases,
        java.util.Map<String, Long> frameSizes) {
    public SampleDraw {
        cases = List.copyOf(cases);
        frameSizes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(frameSizes));
    }

    SampleDraw withId(long newId) {
        return new SampleDraw(
                newId, frameName, frameSha256, frameRows, seed, method, sizeRule, replacements, cases, frameSizes);
    }

    /** Cases in the sample proper (not replacements). */
    public long sampled() {
        return cases.stream().filter(c -> !c.replacement()).count();
    }

    /**
     * One case drawn.
     *
     * @param tfId        the site
     * @param caseRef     the case's reference in the frame
     * @param order       1-based draw order within the site
     * @param replacement whether it is a replacement draw (used in order when a sampled file is ineligible)
     */
    public record Drawn(String tfId, String caseRef, int order, boolean replacement) {}
}

package org.tfeval.web.sampling;

import java.util.List;
import org.tfeval.web.Chrome;

/**
 * The sampling page.
 *
 * @param chrome   the page around it
 * @param draws    recorded draws the session may see
 * @param problems problems in the last upload, or empty
 * @param seed     a suggested seed
 */
public record SamplingPage(Chrome chrome, List<Draw> draws, List<String> problems, long seed) {
    /**
     * A recorded draw.
     *
     * @param id        draw id
     * @param at        when, ISO-8601
     * @param actor     who
     * @param frameName the case list's file name
     * @param seed      the seed
     * @param sizeRule  the per-site size rule
     * @param cases     sampled cases visible to the session
     */
    public record Draw(long id, String at, String actor, String frameName, long seed, String sizeRule, long cases) {}

    public SamplingPage {
        draws = List.copyOf(draws);
        problems = List.copyOf(problems);
    }
}

package org.tfeval.synth;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A recorded sample draw that the generator codes instead of drawing a sample of its own, so that the coded case
 * files are exactly the draw's entries: per task force, the drawn case references in draw order, of which the first
 * {@code sampleSizes} are the sample and the rest the ordered replacements. As in the field, a drawn file is
 * sometimes unusable (missing, sealed, not a trafficking case: chance {@value #UNUSABLE_FILE}, decided from the seed
 * and the draw position); it is then replaced by the next usable replacement in order, and a task force whose
 * replacements run out is coded short.
 *
 * @param drawn       TF_ID to the drawn case references in draw order (sample first, then replacements)
 * @param sampleSizes TF_ID to the number of sampled entries at the head of its list
 */
public record CodedDraw(Map<String, List<String>> drawn, Map<String, Integer> sampleSizes) {
    /** Chance that a drawn case file turns out unusable and is replaced. */
    public static final double UNUSABLE_FILE = 0.05;

    public CodedDraw {
        Map<String, List<String>> d = new TreeMap<>();
        Objects.requireNonNull(drawn, "drawn").forEach((k, v) -> d.put(k, List.copyOf(v)));
        drawn = Collections.unmodifiableMap(d);
        sampleSizes = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(sampleSizes, "sampleSizes")));
        for (Map.Entry<String, Integer> e : sampleSizes.entrySet()) {
            int listed = drawn.getOrDefault(e.getKey(), List.of()).size();
            if (e.getValue() < 0 || e.getValue() > listed)
                throw new IllegalArgumentException(
                        "task force " + e.getKey() + ": " + e.getValue() + " sampled entries but " + listed + " drawn");
        }
    }

    /** What was coded at one task force. */
    public record Coded(Set<String> references, int unusable, int replacementsUsed) {
        public Coded {
            references = Collections.unmodifiableSet(new HashSet<>(references));
        }
    }

    /** The references coded at task force {@code tfId} ({@code siteIndex} keys the unusable-file stream). */
    public Coded coded(String tfId, int siteIndex, long seed) {
        List<String> list = drawn.getOrDefault(tfId, List.of());
        int n = sampleSizes.getOrDefault(tfId, 0);
        Map<Integer, Boolean> usable = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            SplittableRandom r = RandomStream.UNUSABLE.open(seed, siteIndex, i);
            usable.put(i, r.nextDouble() >= UNUSABLE_FILE);
        }
        Set<String> refs = new HashSet<>();
        int unusable = 0;
        int used = 0;
        int next = n;
        for (int i = 0; i < n; i++) {
            if (usable.get(i)) {
                refs.add(list.get(i));
                continue;
            }
            unusable++;
            while (next < list.size() && !usable.get(next)) next++;
            if (next < list.size()) {
                refs.add(list.get(next++));
                used++;
            }
        }
        return new Coded(refs, unusable, used);
    }
}

package org.tfeval.store.sample;

/** How many cases to draw per site. */
public sealed interface SampleSize permits SampleSize.Fixed, SampleSize.ByFrameSize, SampleSize.PerSite {

    /** Cases to draw at a site with {@code frame} cases, given the smallest and largest site frames. */
    int at(int frame, int smallestFrame, int largestFrame);

    /**
     * Cases to draw at site {@code site} with {@code frame} cases: {@link #at(int, int, int)} unless the rule names
     * the site's size.
     */
    default int at(String site, int frame, int smallestFrame, int largestFrame) {
        return at(frame, smallestFrame, largestFrame);
    }

    /** The rule in words, recorded with the draw (its first word parses back to the rule). */
    String describe();

    /** Parses {@code 30}, {@code 20-40} or a size per site {@code TF001=25,TF002=31}. */
    static SampleSize parse(String text) {
        String t = text.strip();
        if (t.contains("=")) return PerSite.parse(t);
        try {
            int dash = t.indexOf('-');
            if (dash > 0)
                return new ByFrameSize(
                        Integer.parseInt(t.substring(0, dash).strip()),
                        Integer.parseInt(t.substring(dash + 1).strip()));
            return new Fixed(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--per-site must be a number (30) or a range (20-40), not '" + text + "'");
        }
    }

    /** The same number at every site (all cases where the frame is smaller). */
    record Fixed(int n) implements SampleSize {
        public Fixed {
            if (n < 1) throw new IllegalArgumentException("per-site sample size " + n + " must be at least 1");
        }

        public int at(int frame, int smallestFrame, int largestFrame) {
            return Math.min(n, frame);
        }

        public String describe() {
            return n + " per site";
        }
    }

    /**
     * From {@code min} at the site with the smallest frame to {@code max} at the largest, linear in
     * frame size, rounded half up, never more than the frame.
     */
    record ByFrameSize(int min, int max) implements SampleSize {
        public ByFrameSize {
            if (min < 1 || max < min)
                throw new IllegalArgumentException("per-site range " + min + "-" + max + " must have 1 <= min <= max");
        }

        public int at(int frame, int smallestFrame, int largestFrame) {
            double share = largestFrame == smallestFrame
                    ? 1.0
                    : (double) (frame - smallestFrame) / (largestFrame - smallestFrame);
            return Math.min(frame, (int) Math.floor(min + share * (max - min) + 0.5));
        }

        public String describe() {
            return min + "-" + max + " per site, linear in frame size";
        }
    }

    /**
     * A size named for each site ({@code TF001=25,TF002=31}), as when the evaluation agreed a number of files
     * with every task force; a site not named is not sampled (0 cases), never more than the frame.
     */
    record PerSite(java.util.Map<String, Integer> sizes) implements SampleSize {
        public PerSite {
            sizes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sizes));
            if (sizes.isEmpty()) throw new IllegalArgumentException("a per-site size list needs at least one site");
            sizes.forEach((site, n) -> {
                if (site.isBlank() || site.contains(",") || site.contains("=") || site.contains(" "))
                    throw new IllegalArgumentException("site '" + site + "' cannot be named in a per-site size list");
                if (n == null || n < 0)
                    throw new IllegalArgumentException("per-site sample size of " + site + " must be >= 0, got " + n);
            });
        }

        static PerSite parse(String text) {
            java.util.Map<String, Integer> m = new java.util.TreeMap<>();
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0)
                    throw new IllegalArgumentException("per-site sizes read SITE=N,SITE=N, not '" + text + "'");
                String site = part.substring(0, eq).strip();
                try {
                    if (m.put(site, Integer.parseInt(part.substring(eq + 1).strip())) != null)
                        throw new IllegalArgumentException("site " + site + " is named twice in '" + text + "'");
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("per-site sizes read SITE=N,SITE=N, not '" + text + "'");
                }
            }
            return new PerSite(m);
        }

        public int at(int frame, int smallestFrame, int largestFrame) {
            throw new IllegalStateException("a per-site size list needs the site");
        }

        @Override
        public int at(String site, int frame, int smallestFrame, int largestFrame) {
            return Math.min(frame, sizes.getOrDefault(site, 0));
        }

        public String describe() {
            StringBuilder b = new StringBuilder();
            sizes.forEach((site, n) -> b.append(b.length() == 0 ? "" : ",")
                    .append(site)
                    .append('=')
                    .append(n));
            return b + " (cases per site, as listed)";
        }
    }
}

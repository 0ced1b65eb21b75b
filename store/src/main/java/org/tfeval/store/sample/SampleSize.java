package org.tfeval.store.sample;

/** How many cases to draw per site. */
public sealed interface SampleSize permits SampleSize.Fixed, SampleSize.ByFrameSize {

    /** Cases to draw at a site with {@code frame} cases, given the smallest and largest site frames. */
    int at(int frame, int smallestFrame, int largestFrame);

    /** The rule in words, recorded with the draw. */
    String describe();

    /** Parses {@code 30} or {@code 20-40}. */
    static SampleSize parse(String text) {
        String t = text.strip();
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
}

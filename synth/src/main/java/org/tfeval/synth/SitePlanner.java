package org.tfeval.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the task forces of a study: their characteristics, which of them provided case files,
 * how the samples were drawn and coded, and how many cases each contributes. Shares the study
 * reports (8 of 10 providing, 5 of 8 drawn by the researchers, 2 of 8 electronic, half may
 * arrest survivors) are met exactly by quota; the rest is drawn per site.
 */
final class SitePlanner {
    /** Providing sites over all sites (8 of 10). */
    static final double PROVIDING_SHARE =
            (double) CalibrationTargets.STUDY_PROVIDING_SITES / CalibrationTargets.STUDY_SITES;
    /** Samples drawn by the research team over providing sites (5 of 8). */
    static final double RESEARCHER_DRAWN_SHARE =
            (double) CalibrationTargets.STUDY_SAMPLES_DRAWN_BY_RESEARCHERS / CalibrationTargets.STUDY_PROVIDING_SITES;
    /** Electronic case files over providing sites (2 of 8). */
    static final double ELECTRONIC_SHARE =
            (double) CalibrationTargets.STUDY_ELECTRONIC_SITES / CalibrationTargets.STUDY_PROVIDING_SITES;
    /** Relative caseload of a providing site: uniform in [MIN, MAX], so samples of 226 over 8 sites fall in 20-40. */
    static final double MIN_SITE_WEIGHT = 0.75;

    static final double MAX_SITE_WEIGHT = 1.35;
    /** Shares of TF_SCOPE 1 city, 2 county, 3 regional, 4 statewide among the sites. */
    static final double[] SCOPE_SHARES = {0.30, 0.25, 0.20, 0.25};
    /** Shares of TF_FOCUS 1 sex only, 2 mostly sex, 3 balanced (no site focuses mostly on labor). */
    static final double[] FOCUS_SHARES = {0.30, 0.55, 0.15};

    static final double SPEC_PROSECUTOR_SHARE = 0.5;
    static final double SPEC_UNIT_SHARE = 0.5;
    static final double COLOCATED_SHARE = 0.4;
    /** Earliest and latest first ECM fiscal year of a synthetic site. */
    static final int FIRST_FY_MIN = 2010;

    static final int FIRST_FY_MAX = 2015;
    /** Years between awards. */
    static final int AWARD_CYCLE_YEARS = 3;

    private static final String[] STATES = {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
        "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"
    };

    private static final Distribution[] LEAD_LE_TYPE_BY_SCOPE = {
        Distribution.of(1, 0.85, 5, 0.10, 7, 0.05),
        Distribution.of(2, 0.60, 5, 0.30, 1, 0.10),
        Distribution.of(1, 0.40, 2, 0.30, 6, 0.20, 7, 0.10),
        Distribution.of(3, 0.50, 4, 0.40, 6, 0.10),
    };
    private static final Distribution LEAD_MODEL = Distribution.of(1, 0.60, 2, 0.25, 3, 0.10, 4, 0.05);
    private static final Distribution LE_UNIT_WITHOUT_SPEC_UNIT = Distribution.of(1, 0.60, 3, 0.30, 4, 0.10);
    private static final int[][] AGENCIES_BY_SCOPE = {{5, 20}, {8, 30}, {15, 50}, {30, 120}};

    private SitePlanner() {}

    /** The sites of a study of {@code caseCount} cases over {@code siteCount} task forces. */
    static List<Site> plan(int siteCount, int caseCount, long seed) {
        SplittableRandom rng = RandomStream.SITES.open(seed);
        int providing = caseCount == 0
                ? 0
                : Math.max(1, Math.min(Math.min(siteCount, caseCount), (int) Math.round(siteCount * PROVIDING_SHARE)));
        boolean[] provides = quota(rng, siteCount, providing);
        boolean[] researcherDrawn = quota(rng, providing, (int) Math.round(providing * RESEARCHER_DRAWN_SHARE));
        boolean[] electronic = quota(rng, providing, (int) Math.round(providing * ELECTRONIC_SHARE));
        boolean[] mayArrest =
                quota(rng, siteCount, (int) Math.round(siteCount * CalibrationTargets.MAY_ARREST_SURVIVORS_SHARE));
        int[] scope = categories(rng, siteCount, SCOPE_SHARES);
        int[] focus = categories(rng, siteCount, FOCUS_SHARES);
        boolean[] specProsecutor = quota(rng, siteCount, (int) Math.round(siteCount * SPEC_PROSECUTOR_SHARE));
        boolean[] specUnit = quota(rng, siteCount, (int) Math.round(siteCount * SPEC_UNIT_SHARE));
        boolean[] colocated = quota(rng, siteCount, (int) Math.round(siteCount * COLOCATED_SHARE));
        String[] states = STATES.clone();
        shuffle(rng, states);

        double[] weights = new double[providing];
        for (int i = 0; i < providing; i++) {
            weights[i] = MIN_SITE_WEIGHT + (MAX_SITE_WEIGHT - MIN_SITE_WEIGHT) * rng.nextDouble();
        }
        int[] cases = atLeastOne(apportion(caseCount, weights));

        List<Site> sites = new ArrayList<>(siteCount);
        int p = 0;
        for (int i = 0; i < siteCount; i++) {
            int sc = scope[i];
            int leadLe = LEAD_LE_TYPE_BY_SCOPE[sc - 1].drawInt(rng);
            int leadModel = leadLe == 5 && Distribution.chance(rng, 0.5) ? 3 : LEAD_MODEL.drawInt(rng);
            int leUnit = specUnit[i] ? 2 : LE_UNIT_WITHOUT_SPEC_UNIT.drawInt(rng);
            int agencies = Distribution.between(rng, AGENCIES_BY_SCOPE[sc - 1][0], AGENCIES_BY_SCOPE[sc - 1][1]);
            int members = agencies * Distribution.between(rng, 2, 6) + Distribution.between(rng, 0, 10);
            int firstFy = Distribution.between(rng, FIRST_FY_MIN, FIRST_FY_MAX);
            int cycle = Site.LAST_CLOSED_YEAR - (Site.LAST_CLOSED_YEAR - firstFy) % AWARD_CYCLE_YEARS;
            int purpose = sc == Site.SCOPE_STATEWIDE && Distribution.chance(rng, 0.7)
                    ? 3
                    : Distribution.chance(rng, 0.4) ? 1 : 2;
            boolean laborPartner = Distribution.chance(rng, focus[i] == 3 ? 0.85 : 0.30);
            double arrestRandom = Distribution.gaussian(rng) * OutcomeModel.SITE_ARREST_SD;
            double prosecutionRandom = Distribution.gaussian(rng) * OutcomeModel.SITE_PROSECUTION_SD;
            double htRandom = Distribution.gaussian(rng) * OutcomeModel.SITE_HT_CHARGE_SD;
            double frameRatio = CalibrationTargets.MIN_FRAME_RATIO
                    + (CalibrationTargets.MAX_FRAME_RATIO - CalibrationTargets.MIN_FRAME_RATIO) * rng.nextDouble();
            int n = 0;
            int drawnBy = 0;
            int mode = 0;
            long frame = 0;
            if (provides[i]) {
                n = cases[p];
                drawnBy = researcherDrawn[p] ? 1 : 2;
                mode = electronic[p] ? 1 : 2;
                frame = Math.max(n, Math.round(n * frameRatio));
                p++;
            }
            boolean statewide = sc == Site.SCOPE_STATEWIDE;
            sites.add(new Site(
                    i,
                    tfId(i),
                    "Synthetic Task Force " + String.format(java.util.Locale.ROOT, "%02d", i + 1),
                    states[i % states.length],
                    sc,
                    leadLe,
                    leadModel,
                    colocated[i],
                    specUnit[i],
                    specProsecutor[i],
                    leUnit,
                    agencies,
                    members,
                    firstFy,
                    cycle,
                    purpose,
                    focus[i],
                    laborPartner,
                    mayArrest[i],
                    drawnBy,
                    mode,
                    n,
                    frame,
                    OutcomeModel.siteArrestEffect(specUnit[i], arrestRandom),
                    OutcomeModel.siteProsecutionEffect(specProsecutor[i], statewide, colocated[i], prosecutionRandom),
                    OutcomeModel.siteHtChargeEffect(specProsecutor[i], specUnit[i], statewide, htRandom)));
        }
        return List.copyOf(sites);
    }

    /** The task-force ID of the site at a 0-based index: TF01, TF02, ..., TF100. */
    static String tfId(int index) {
        return index < 99 ? String.format(java.util.Locale.ROOT, "TF%02d", index + 1) : "TF" + (index + 1);
    }

    /** Exactly {@code k} of {@code n} flags set, at random positions. */
    static boolean[] quota(SplittableRandom rng, int n, int k) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < k && i < n; i++) out[i] = true;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            boolean t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** Codes 1..shares.length assigned to n items in proportion to the shares (largest remainder), shuffled. */
    static int[] categories(SplittableRandom rng, int n, double[] shares) {
        int[] counts = apportion(n, shares);
        int[] out = new int[n];
        int k = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int j = 0; j < counts[c]; j++) out[k++] = c + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** Splits a total in proportion to weights so that the parts sum to it exactly (largest remainder, ties to the first). */
    static int[] apportion(int total, double[] weights) {
        int n = weights.length;
        int[] out = new int[n];
        if (n == 0) return out;
        double sum = 0;
        for (double w : weights) sum += w;
        double[] remainder = new double[n];
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            double exact = total * weights[i] / sum;
            out[i] = (int) Math.floor(exact);
            remainder[i] = exact - out[i];
            assigned += out[i];
        }
        for (int left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainder[i] > remainder[best]) best = i;
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }

    private static int[] atLeastOne(int[] parts) {
        for (int i = 0; i < parts.length; i++) {
            while (parts[i] == 0) {
                int largest = 0;
                for (int j = 1; j < parts.length; j++) {
                    if (parts[j] > parts[largest]) largest = j;
                }
                if (parts[largest] <= 1) throw new IllegalArgumentException("cannot give every providing site a case");
                parts[largest]--;
                parts[i]++;
            }
        }
        return parts;
    }

    private static void shuffle(SplittableRandom rng, String[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            String t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

package org.tfeval.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything fixed before the first record is written: the sites, the calibrated outcome model,
 * and (after a first pass over every sampled case's facts) the adjustment that makes the totals
 * of victims and suspects exact. The first pass draws only what the counts depend on; the second
 * pass redraws it from the same per-case random stream and goes on from there.
 */
final class StudyPlan {
    /** Victims per case file in the study (208 / 226). */
    static final double VICTIMS_PER_CASE = (double) CalibrationTargets.STUDY_VICTIMS / CalibrationTargets.STUDY_CASES;
    /** Suspects per case file in the study (257 / 226). */
    static final double SUSPECTS_PER_CASE = (double) CalibrationTargets.STUDY_SUSPECTS / CalibrationTargets.STUDY_CASES;

    /**
     * Victims of a case with an actual victim, before adjustment: sex trafficking, and labor (larger
     * groups). With about 59% of cases having an actual victim, the means (1.44 and 3.04) give about
     * 0.92 victims per case, so the adjustment to the exact total is small.
     */
    private static final Distribution VICTIMS = Distribution.of(1, 0.72, 2, 0.17, 3, 0.07, 4, 0.03, 5, 0.01);

    private static final Distribution LABOR_VICTIMS =
            Distribution.of(1, 0.35, 2, 0.20, 3, 0.15, 4, 0.10, 5, 0.08, 6, 0.04, 8, 0.04, 12, 0.04);
    /**
     * Suspects of a case, before adjustment: a sting with an arrest, another case with an arrest, a
     * case without. With about 92% of cases having an arrest, 43% of them stings, the means (1.07,
     * 1.30, 0.48) give about 1.14 suspects per case.
     */
    private static final Distribution STING_SUSPECTS = Distribution.of(1, 0.94, 2, 0.05, 3, 0.01);

    private static final Distribution ARREST_SUSPECTS = Distribution.of(1, 0.80, 2, 0.13, 3, 0.045, 4, 0.018, 5, 0.007);
    private static final Distribution NO_ARREST_SUSPECTS = Distribution.of(0, 0.55, 1, 0.42, 2, 0.03);

    /** (sqrt(5) - 1) / 2: the step of the most evenly spread additive sequence modulo 1. */
    static final double GOLDEN_RATIO_CONJUGATE = 0.6180339887498949;

    final long seed;
    final List<Site> sites;
    private final double[] outcomeStarts;
    final CaseModel caseModel;
    final OutcomeModel outcomes;
    final CountAllocator victims = new CountAllocator();
    final CountAllocator suspects = new CountAllocator();
    final long cases;
    final long frameRows;

    /** A case after the first stage: facts, outcomes and drawn counts, with its random stream positioned after them. */
    record CaseDraft(
            CaseFacts facts, OutcomeModel.Outcome outcome, int rawVictims, int rawSuspects, SplittableRandom rng) {
        int minVictims() {
            return facts.actualVictim() ? 1 : 0;
        }

        /** Cases with an actual victim receive extra victims in proportion to their victims. */
        int victimWeight() {
            return facts.actualVictim() ? rawVictims : 0;
        }

        /** A case with an arrest keeps at least one suspect. */
        int minSuspects() {
            return outcome.arrest() ? 1 : 0;
        }

        int suspectWeight() {
            return rawSuspects + 1;
        }
    }

    private StudyPlan(long seed, List<Site> sites, CaseModel caseModel, OutcomeModel outcomes) {
        this.seed = seed;
        this.sites = sites;
        this.caseModel = caseModel;
        this.outcomes = outcomes;
        this.cases = sites.stream().mapToLong(Site::cases).sum();
        this.frameRows = sites.stream().mapToLong(Site::frameSize).sum();
        this.outcomeStarts = new double[sites.size()];
        for (Site s : sites)
            outcomeStarts[s.index()] =
                    RandomStream.CASE.open(seed, s.index(), 0).nextDouble();
    }

    /** Plans a study and runs the first pass. */
    static StudyPlan prepare(int caseCount, int siteCount, long seed, List<String> evidenceFlags, int maxCasesPerSite) {
        return prepare(caseCount, siteCount, seed, evidenceFlags, maxCasesPerSite, null);
    }

    /** Plans a study whose coded cases are those of a recorded draw ({@code null}: each site's own sample). */
    static StudyPlan prepare(
            int caseCount, int siteCount, long seed, List<String> evidenceFlags, int maxCasesPerSite, CodedDraw draw) {
        List<Site> sites = SitePlanner.plan(siteCount, caseCount, seed);
        for (Site s : sites) {
            if (s.cases() > maxCasesPerSite) {
                throw new IllegalArgumentException(
                        caseCount + " cases over " + siteCount + " task forces puts " + s.cases() + " cases in "
                                + s.tfId() + "; at most " + maxCasesPerSite + " fit a case ID: add task forces");
            }
        }
        CaseModel caseModel = new CaseModel(evidenceFlags);
        OutcomeModel outcomes = OutcomeModel.calibrate(
                sites,
                caseModel,
                seed,
                CalibrationTargets.SEX_CASES_WITH_ARREST,
                CalibrationTargets.SEX_CASES_PROSECUTED,
                CalibrationTargets.SEX_CASES_WITH_HT_CHARGE);
        StudyPlan plan = new StudyPlan(seed, sites, caseModel, outcomes);
        for (Site site : sites) {
            if (!site.providesFiles()) continue;
            SamplingFrame frame = new SamplingFrame(site, seed, StudyGenerator.coded(draw, site, seed));
            while (frame.next()) {
                if (!frame.selected()) continue;
                CaseDraft d = plan.draft(site, frame.caseNumber(), frame.closedYear(), frame.htType());
                plan.victims.observe(d.rawVictims(), d.minVictims(), d.victimWeight());
                plan.suspects.observe(d.rawSuspects(), d.minSuspects(), d.suspectWeight());
            }
        }
        plan.victims.plan(Math.round(caseCount * VICTIMS_PER_CASE), RandomStream.ALLOCATION.open(seed, 1));
        plan.suspects.plan(Math.round(caseCount * SUSPECTS_PER_CASE), RandomStream.ALLOCATION.open(seed, 2));
        return plan;
    }

    /**
     * The uniform number that decides a case's outcomes: the site's golden-ratio (Weyl) sequence
     * from a random start, so that each site's cases cover [0, 1) evenly.
     */
    double outcomeUniform(Site site, int caseNumber) {
        double u = outcomeStarts[site.index()] + caseNumber * GOLDEN_RATIO_CONJUGATE;
        return u - Math.floor(u);
    }

    /** The first stage of a sampled case; the same every time it is asked for. */
    CaseDraft draft(Site site, int caseNumber, int closedYear, int htType) {
        SplittableRandom rng = RandomStream.CASE.open(seed, site.index(), caseNumber);
        CaseFacts facts = caseModel.draw(closedYear, htType, rng);
        OutcomeModel.Outcome outcome =
                outcomes.decide(OutcomeModel.predictors(site, facts, caseModel), outcomeUniform(site, caseNumber));
        int v = facts.actualVictim() ? (facts.labor() ? LABOR_VICTIMS : VICTIMS).drawInt(rng) : 0;
        Distribution s = !outcome.arrest() ? NO_ARREST_SUSPECTS : facts.sting() ? STING_SUSPECTS : ARREST_SUSPECTS;
        return new CaseDraft(facts, outcome, v, s.drawInt(rng), rng);
    }
}

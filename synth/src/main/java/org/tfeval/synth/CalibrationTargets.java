package org.tfeval.synth;

/**
 * The published figures of the federal ECM evaluation that the synthetic study reproduces
 * (public reports and the ICPSR 37988 study description; see {@code shared/domain/study.md}).
 * They are targets for synthetic data only: no product code outside this module may use them.
 */
public final class CalibrationTargets {
    /** Task forces in the first evaluation. */
    public static final int STUDY_SITES = 10;
    /** Task forces that provided closed case files (8 of 10). */
    public static final int STUDY_PROVIDING_SITES = 8;
    /** Closed case files coded. */
    public static final int STUDY_CASES = 226;
    /** Survivors (victims) in those files. */
    public static final int STUDY_VICTIMS = 208;
    /** Suspects in those files. */
    public static final int STUDY_SUSPECTS = 257;
    /** Task forces whose sample the research team drew from a supplied case list (5 of 8). */
    public static final int STUDY_SAMPLES_DRAWN_BY_RESEARCHERS = 5;
    /** Task forces that sent electronic case files (2 of 8; the other 6 were coded on paper on site). */
    public static final int STUDY_ELECTRONIC_SITES = 2;
    /** Smallest random sample of closed cases per task force. */
    public static final int MIN_CASES_PER_SITE = 20;
    /** Largest random sample of closed cases per task force. */
    public static final int MAX_CASES_PER_SITE = 40;

    /** Share of sex-trafficking investigations that led to an arrest. */
    public static final double SEX_CASES_WITH_ARREST = 0.95;
    /** Share of sex-trafficking investigations that led to a prosecution. */
    public static final double SEX_CASES_PROSECUTED = 0.77;
    /** Share of sex-trafficking investigations prosecuted under trafficking statutes (denominator: all sex cases). */
    public static final double SEX_CASES_WITH_HT_CHARGE = 0.33;
    /** Most cases were sex trafficking. */
    public static final double SEX_TRAFFICKING_SHARE = 0.90;
    /** Labor trafficking cases were rare. */
    public static final double LABOR_TRAFFICKING_SHARE = 0.05;
    /** Share of suspects who were Black. */
    public static final double BLACK_SUSPECT_SHARE = 0.66;
    /** Share of task forces that said they may arrest a survivor during an investigation. */
    public static final double MAY_ARREST_SURVIVORS_SHARE = 0.5;

    /** Smallest ratio of a site's closed-case list to its sample (synthetic design choice). */
    public static final double MIN_FRAME_RATIO = 5.0;
    /** Largest ratio of a site's closed-case list to its sample (synthetic design choice). */
    public static final double MAX_FRAME_RATIO = 15.0;

    private CalibrationTargets() {}
}

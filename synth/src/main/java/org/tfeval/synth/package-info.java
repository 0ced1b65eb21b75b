/**
 * The synthetic study generator: writes a realistic, clearly labelled synthetic ECM study as
 * import-format CSV files (one per instrument form, plus a sampling frame of closed cases and a
 * {@code SYNTHETIC.txt} notice). Column lists, codes, skip logic, derived flags and inherited
 * variables come from the instrument; the distributions are calibrated to the published figures
 * of the federal ECM evaluation ({@link org.tfeval.synth.CalibrationTargets}). The study streams
 * case by case, so a million cases need no more memory than a few hundred.
 */
package org.tfeval.synth;

/**
 * Inter-coder reliability on coded text: NVivo's character-level percent agreement and Cohen's kappa
 * per code, Krippendorff's alpha on turns as units (any number of coders, missing data), Krippendorff's
 * unitizing alpha (alpha_U, 2004) on raw spans, and a cluster bootstrap for each. Checked against
 * the worked values in the shared reference folder agreement-qualitative.
 */
package org.tfeval.qual.agreement;

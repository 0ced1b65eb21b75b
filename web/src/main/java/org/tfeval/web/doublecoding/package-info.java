/**
 * Double coding: coordinators assign a share of case files to a second, blind coder; the
 * reconciliation screen shows the passes' disagreements field by field and takes the chosen
 * values into the study data; agreement per coder pair and variable (percent and Cohen's kappa)
 * comes from {@link org.tfeval.stats.agreement.TwoCoderAgreement}, over the codings as they stood
 * before reconciliation.
 */
package org.tfeval.web.doublecoding;

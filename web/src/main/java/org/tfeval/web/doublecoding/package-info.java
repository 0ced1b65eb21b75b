/**
 * Double coding pages: coordinators assign a share of case files to a second, blind coder; the
 * reconciliation screen shows the passes' disagreements field by field and takes the chosen
 * values into the study data; agreement per coder pair and variable (percent and Cohen's kappa),
 * all computed by {@link org.tfeval.study.coding.DoubleCoding}.
 */
package org.tfeval.web.doublecoding;

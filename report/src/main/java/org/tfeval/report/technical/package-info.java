/**
 * The cross-site technical report, structured as a funder publishes one (contents, executive summary,
 * background, program, research questions, methods with a methods note, site profiles, findings by
 * research question, recommendations citing findings, limitations, references, appendices); its
 * site profiles, references and the list of tests behind its methods. Other chapters plug in at the
 * commented hooks of {@link org.tfeval.report.technical.TechnicalReport}.
 */
package org.tfeval.report.technical;

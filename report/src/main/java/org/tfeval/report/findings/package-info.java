/**
 * Words generated from results: the findings, the executive summary, the limitations the data show
 * and the recommendations the results support, each sentence built only from result-table values (which
 * it names) and never from constants about the published study.
 */
package org.tfeval.report.findings;

/**
 * Reports rendered from analysis results: the cross-site technical report, one individualized
 * report per task force (with complementary cell suppression), and the two-page practitioner brief,
 * each as HTML and PDF, with the result JSON beside them. Every number in a report comes from a
 * result table and is marked with its source.
 */
package org.tfeval.report;

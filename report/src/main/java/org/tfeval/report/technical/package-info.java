/**
 * The cross-site technical report: title page, generated summary of findings, methods, numbered
 * tables and figures for every analysis, limitations derived from the data, and appendices with
 * the instrument and the result files' hashes.
 */
package org.tfeval.report.technical;

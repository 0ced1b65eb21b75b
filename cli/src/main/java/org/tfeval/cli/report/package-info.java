/**
 * The {@code tfeval report} and {@code tfeval run} commands: analyses and reports from a snapshot,
 * and the whole pipeline (validate, snapshot, analyse, report) in one go.
 */
package org.tfeval.cli.report;

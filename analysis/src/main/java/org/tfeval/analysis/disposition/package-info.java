/**
 * Time to disposition: Kaplan-Meier curves of the days from arrest to disposition by type of
 * trafficking, with pending dispositions censored.
 */
package org.tfeval.analysis.disposition;

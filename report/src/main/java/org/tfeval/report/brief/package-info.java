/**
 * The practitioner brief: two pages in plain language, key figures and the recommendations the
 * data support, generated from the results.
 */
package org.tfeval.report.brief;

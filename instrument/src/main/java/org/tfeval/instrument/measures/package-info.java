/**
 * The performance-measure catalogue ({@code measures.yaml}, beside {@code ecm.yaml}): the quarterly
 * measures each grantee reports, their allowed disaggregations, the measures the coded case files can
 * compute, the law-enforcement / victim-service pairs that must reconcile and the rates the trends show.
 * Versioned: stored values keep the catalogue version they were reported under.
 */
package org.tfeval.instrument.measures;

package org.tfeval.report.technical;

/**
 * How the technical report prints a task force's name: every print of a site name goes through one
 * of these, so that an edition that must not name sites can replace it in one place.
 */
@FunctionalInterface
public interface SiteLabel {
    /** The task force as recorded in the results (the restricted technical report names its sites). */
    SiteLabel AS_RECORDED = taskForce -> taskForce;

    /** The printed name of {@code taskForce} (its ID in the results). */
    String of(String taskForce);
}

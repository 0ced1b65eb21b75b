/**
 * Survivors: who the victims in the case files were, how many were arrested or charged, referred
 * to services, cooperated and testified, and arrests of survivors by task-force policy.
 */
package org.tfeval.analysis.survivors;

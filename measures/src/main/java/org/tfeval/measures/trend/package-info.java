/**
 * Trends of the performance measures: quarterly series of counts and rates per task force, year-over-year
 * change by fiscal year, the cross-site range per quarter, funding cycles (award changes) and a comparison of
 * task forces by feature at site level (no case-level p-values; an exact site permutation test only when each
 * group has enough sites).
 */
package org.tfeval.measures.trend;

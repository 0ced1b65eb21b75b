/**
 * Exact permutation tests whose unit is the site: {@link org.tfeval.stats.permutation.SitePermutationTest}
 * compares the mean site-level rate of two arms by enumerating every assignment of the sites to the arms.
 */
package org.tfeval.stats.permutation;

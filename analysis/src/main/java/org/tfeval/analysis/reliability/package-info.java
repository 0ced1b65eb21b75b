/**
 * Inter-coder reliability of the case-file coding from the snapshot's double-coded files (blind second passes):
 * per variable the coded pairs, percent agreement and Cohen's kappa with a unit-level bootstrap interval.
 */
package org.tfeval.analysis.reliability;

/**
 * Task-force comparison: case outcomes by scope, leadership, co-location, specialized unit or
 * prosecutor and size, with exact tests, and a statement generated from the number of sites of
 * what such a comparison can and cannot show.
 */
package org.tfeval.analysis.comparison;

/**
 * The codebook: hierarchical codes with definitions, inclusion and exclusion criteria and examples
 * (categories are not codable), versioned by a history of changes (add, rename, move, merge, split,
 * retire) that says where existing codings go; REFI-QDA .qdc in and out.
 */
package org.tfeval.qual.codebook;

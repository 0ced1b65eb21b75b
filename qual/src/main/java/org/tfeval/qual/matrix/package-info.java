/**
 * Theme matrices: coded segments cross-tabulated by a participant attribute (stakeholder group, site)
 * and code, with three counts per cell and small counts withheld outside the restricted tier.
 */
package org.tfeval.qual.matrix;

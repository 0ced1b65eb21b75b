/**
 * R-style model formulas ({@code y ~ a + b + c:d}, {@code a*b}, {@code I(x^2)}, {@code - 1}) and the
 * design matrices built from them: treatment coding of text columns with a selectable reference level
 * (default: alphabetically first), term names {@code intercept}, {@code x}, {@code g=level},
 * {@code x^2}, interactions joined with {@code :}. Also the collinearity check that names aliased terms.
 */
package org.tfeval.stats.design;

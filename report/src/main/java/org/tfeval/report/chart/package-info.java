/**
 * Charts drawn as inline SVG in Java: grouped bars (the funnel by task force), intervals on a log
 * scale (disproportionality ratios) and step curves (Kaplan-Meier). No scripts, no external fonts
 * or images, so browsers and the PDF renderer draw the same picture.
 */
package org.tfeval.report.chart;

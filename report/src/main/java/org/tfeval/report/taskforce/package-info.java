/**
 * Individualized task-force reports: one task force's results beside the cross-site picture, other
 * task forces anonymized and their small counts withheld with complementary suppression.
 */
package org.tfeval.report.taskforce;

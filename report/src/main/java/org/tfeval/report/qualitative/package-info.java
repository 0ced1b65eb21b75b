/**
 * The qualitative findings chapter: themes by stakeholder group with interviewee counts and brief de-identified
 * quotes per research question, the methods with the reliability figures, joint displays beside case-file
 * figures; and its per-site variant for the task-force reports (other sites anonymised, small counts withheld).
 * Reads {@link org.tfeval.snapshot.qual.QualitativeFindings}, never the store.
 */
package org.tfeval.report.qualitative;

/**
 * Whole-study validation: every stored record through the same record checks as import and the
 * coding form, then cross-form checks in SQL derived from the instrument (derived flags against
 * their children, values repeated from the parent, dates against the parent record, possible
 * duplicates), coded cases against the recorded sample draw (SampleLinkCheck), and missingness per variable. Written as JSON and a readable HTML report (the jte
 * template {@code src/main/jte/validate/report.jte}, which escapes every value).
 */
package org.tfeval.store.validate;

/**
 * Skip logic and rule conditions in REDCap's branching-logic syntax ({@code [HT_TYPE] = 1 or
 * [HT_TYPE] = 3}), with three-valued logic: a comparison with a missing value is unknown. The same
 * expression is evaluated on a record in Java and rendered as SQL for whole-study checks.
 */
package org.tfeval.instrument.expression;

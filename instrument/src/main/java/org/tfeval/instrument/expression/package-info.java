/**
 * Skip logic and rule conditions in REDCap's branching-logic syntax ({@code [HT_TYPE] = 1 or
 * [HT_TYPE] = 3}), with three-valued logic: a comparison with a missing value is unknown. The same
 * expression is evaluated on a record in Java, rendered as SQL for whole-study checks, and written as
 * JSON ({@link org.tfeval.instrument.expression.SkipLogicSpec}) for the coding form's evaluator in the
 * browser, which must agree with the Java evaluation case by case.
 */
package org.tfeval.instrument.expression;

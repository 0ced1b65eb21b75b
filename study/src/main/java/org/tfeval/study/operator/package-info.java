/**
 * Privileged command-line steps: {@link org.tfeval.study.operator.Operator}, the person at the
 * keyboard proven by the operating system (the study folder's owner holding the study's owner-only
 * audit key), not by a name they type.
 */
package org.tfeval.study.operator;

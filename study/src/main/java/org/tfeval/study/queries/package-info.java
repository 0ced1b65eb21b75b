/**
 * Data-quality queries as people work them: list, read the thread, answer or close, open one on
 * a field, within the account's task forces and the blindness of second coding.
 */
package org.tfeval.study.queries;

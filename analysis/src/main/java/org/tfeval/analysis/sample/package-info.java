/**
 * Sample description: the task forces, how many cases, survivors and suspects each contributed,
 * and how their case samples were drawn and coded.
 */
package org.tfeval.analysis.sample;

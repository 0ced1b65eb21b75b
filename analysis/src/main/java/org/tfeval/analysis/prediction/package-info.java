/**
 * What predicts prosecution and a trafficking charge: logistic models of case characteristics and
 * task-force features, with small-sample methods by default (Firth estimates, CR2 standard errors
 * by task force, wild cluster bootstrap p-values) and a random-intercept model as a sensitivity
 * analysis.
 */
package org.tfeval.analysis.prediction;

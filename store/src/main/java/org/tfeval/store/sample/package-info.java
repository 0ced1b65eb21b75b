/**
 * Reproducible case sampling: a simple random sample without replacement per task force from a
 * case list, with ordered replacement draws, recorded (frame hash, seed, method, who, when) and
 * re-derivable on any machine.
 */
package org.tfeval.store.sample;

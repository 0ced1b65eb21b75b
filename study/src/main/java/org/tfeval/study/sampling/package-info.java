/**
 * Drawing the case sample from an uploaded case list with the store's sampler, recorded with
 * the draw's seed, frame hash and method; a site coordinator draws only from their own task
 * forces' lists.
 */
package org.tfeval.study.sampling;

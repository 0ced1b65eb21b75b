/**
 * Drawing the case sample from an uploaded case list with the store's
 * {@link org.tfeval.store.sample.Sampler}: reproducible (seed, frame hash, method) and recorded.
 * A site coordinator may only draw from a list of their own task forces.
 */
package org.tfeval.web.sampling;

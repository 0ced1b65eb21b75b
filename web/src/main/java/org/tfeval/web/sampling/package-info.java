/**
 * The sampling page: a coordinator uploads a case list and the study draws and records the
 * sample ({@link org.tfeval.study.sampling.Sampling}); a site coordinator may only draw from a
 * list of their own task forces.
 */
package org.tfeval.web.sampling;

/**
 * The data steward's screens for restricted-use access: the list of applications with what is due,
 * the transfer log, a new application, and one access with its decision, issues, renewals, annual
 * reports and destruction certificate. The rules are the study layer's
 * ({@link org.tfeval.study.access.RestrictedAccess}); these routes only parse and render.
 */
package org.tfeval.web.access;

/**
 * The study instrument: forms, variables, value labels, missing codes, skip logic, cross-form
 * rules, disclosure roles and release levels, loaded from a plain versioned YAML file. Everything
 * else in tfeval (tables, validation, forms, exports, codebooks) derives from this model.
 */
package org.tfeval.instrument;

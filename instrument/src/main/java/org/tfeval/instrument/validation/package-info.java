/**
 * Checks of single records against the instrument: types, codes, ranges, missing codes, skip
 * logic and within-record rules. The same code serves imports, the coding form and
 * {@code tfeval validate}; violations carry a location and a stable code, never personal data.
 */
package org.tfeval.instrument.validation;

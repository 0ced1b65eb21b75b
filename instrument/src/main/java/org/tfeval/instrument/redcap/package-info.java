/**
 * REDCap data dictionary CSV (its 18 standard columns plus {@code tfeval_*} columns for what
 * REDCap lacks) to and from an instrument, so a study already on REDCap can move over.
 */
package org.tfeval.instrument.redcap;

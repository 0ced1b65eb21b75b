/**
 * De-identification of transcripts, without the store: suggestions of identifiers ({@link
 * org.tfeval.qual.deid.Suggester}: the study's rosters, patterns, speaker labels), their review status,
 * rendering with consistent tokens ({@link org.tfeval.qual.deid.Rendering}) and the residual scan of
 * the rendered text ({@link org.tfeval.qual.deid.ResidualScan}). No name-recognition model: Apache
 * OpenNLP publishes no English name-finder model on Maven Central, so person names come from rosters,
 * speaker labels and the reviewer.
 */
package org.tfeval.qual.deid;

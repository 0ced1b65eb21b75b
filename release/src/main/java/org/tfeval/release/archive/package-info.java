/**
 * The study-level documentation of a release package, as an archive ships it: a DDI Codebook 2.5
 * study description ({@code study.xml}: citation, abstract, coverage, sample design, weights, data
 * processing, access terms, what is withheld, how the files link, related materials), a user guide,
 * the instrument, the package README's study section, and the universe and derivation of each
 * variable for the codebooks. Study-level texts come from the {@code study:} section of the
 * instrument ({@link org.tfeval.instrument.StudyDescription}); variables, forms and keys come from
 * the instrument itself, never repeated by hand.
 */
package org.tfeval.release.archive;

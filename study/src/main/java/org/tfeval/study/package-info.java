/**
 * The application layer: {@link org.tfeval.study.Study} opens a study and offers its use cases
 * (import, edit, validate, sample, snapshot, reports, release, the web's coding actions) with their
 * preconditions; {@link org.tfeval.study.StudyFolder} is the folder layout. Adapters call nothing
 * below this layer.
 */
package org.tfeval.study;

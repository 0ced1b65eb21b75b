/**
 * Identification and investigation: how cases came to the task force ({@code ID_SOURCE}), the
 * evidence in the files, and cases with an actual victim against stings with an officer posing.
 */
package org.tfeval.analysis.identification;

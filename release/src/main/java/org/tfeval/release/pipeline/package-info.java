/**
 * The data release pipeline: from a snapshot to a release package
 * ({@link org.tfeval.release.pipeline.ReleaseBuilder}): disclosure control, files for every dataset in
 * every format, codebooks, the disclosure report, the processing log, README and manifest.
 */
package org.tfeval.release.pipeline;

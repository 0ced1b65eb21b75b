/**
 * What every module's use cases share without depending on the store: the one {@link
 * org.tfeval.instrument.workflow.Problem} type the edges map, {@link
 * org.tfeval.instrument.workflow.ProgressListener} for long work, {@link
 * org.tfeval.instrument.workflow.ContentHash} (SHA-256 and short IDs of content) and {@link
 * org.tfeval.instrument.workflow.WorkFolders} for the folders a step builds and removes, and {@link
 * org.tfeval.instrument.workflow.OwnerOnlyFiles} for files that may hold personal data (0600/0700).
 */
package org.tfeval.instrument.workflow;

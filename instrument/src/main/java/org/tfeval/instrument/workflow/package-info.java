/**
 * What every module's use cases share without depending on the store: the one {@link
 * org.tfeval.instrument.workflow.Problem} type the edges map, and {@link
 * org.tfeval.instrument.workflow.ProgressListener} for long work.
 */
package org.tfeval.instrument.workflow;

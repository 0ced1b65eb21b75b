/**
 * A neutral, typed description of a dataset to release: {@link org.tfeval.release.dataset.DatasetSpec}
 * with its {@link org.tfeval.release.dataset.VariableSpec}s, and the {@link
 * org.tfeval.release.dataset.RowSource} that streams its rows. File writers read nothing else.
 */
package org.tfeval.release.dataset;

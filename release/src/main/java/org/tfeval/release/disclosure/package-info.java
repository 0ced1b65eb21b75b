/**
 * Disclosure control of a release, driven by the instrument's disclosure roles and release levels:
 * small rules named for what they enforce ({@link org.tfeval.release.disclosure.DropDirectIdentifiers},
 * {@link org.tfeval.release.disclosure.PseudonymiseIds}, {@link org.tfeval.release.disclosure.CoarsenDates},
 * {@link org.tfeval.release.disclosure.TopCode}, {@link org.tfeval.release.disclosure.CollapseRareCategories},
 * {@link org.tfeval.release.disclosure.LocalSuppression}, {@link org.tfeval.release.disclosure.LDiversity}, ...)
 * composed into the {@link org.tfeval.release.disclosure.DisclosurePolicy} of each release level, with
 * named {@link org.tfeval.release.disclosure.Thresholds}. The rows are worked on in DuckDB tables in a
 * private folder ({@link org.tfeval.release.disclosure.ReleaseWork}); the result is the released
 * datasets and a {@link org.tfeval.release.disclosure.DisclosureReport}.
 */
package org.tfeval.release.disclosure;

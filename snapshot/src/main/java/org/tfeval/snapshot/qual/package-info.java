/**
 * The qualitative strand's part of a snapshot ({@code qualitative.json}, hashed into the snapshot ID like every
 * dataset): theme counts by stakeholder group and site with interviewee counts, quote candidates (reviewed,
 * de-identified, consented) and the reliability figures of the latest closed round; never a withdrawn
 * participant.
 */
package org.tfeval.snapshot.qual;

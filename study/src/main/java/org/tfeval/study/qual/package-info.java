/**
 * The interview strand's use cases: importing transcripts (linked to interview records, versioned, the
 * original sealed under the participant's key), de-identification as a reviewed workflow ({@link
 * org.tfeval.study.qual.Deidentification}: suggestions, the privacy officer's decisions, rendering with
 * study-wide tokens, a second person's review, the residual scan that gates coding and export), coding,
 * reliability rounds, theme matrices and REFI-QDA interchange. Each call runs in one transaction with its
 * audit event; adapters only parse and print.
 */
package org.tfeval.study.qual;

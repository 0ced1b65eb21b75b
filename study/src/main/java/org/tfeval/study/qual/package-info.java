/**
 * The interview strand's use cases: importing transcripts (linked to interview records, versioned,
 * codings remapped onto corrections), moving them through the protection states, coding, reliability
 * rounds, theme matrices and REFI-QDA interchange. Each call runs in one transaction with its audit
 * event; adapters only parse and print.
 */
package org.tfeval.study.qual;

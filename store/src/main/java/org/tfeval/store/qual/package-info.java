/**
 * The qualitative strand's tables: transcripts and their turns, codes, codings, rounds, remap reviews, and
 * de-identification ({@link org.tfeval.store.qual.DeidTables}): originals and a participant's roster names
 * stored only sealed (bytes the application layer seals; no key ever reaches this package), suggestions as
 * spans without words, and the key map apart from them.
 */
package org.tfeval.store.qual;

/** The qualitative strand's tables: transcripts and their turns, codes, codings, rounds, remap reviews. */
package org.tfeval.store.qual;

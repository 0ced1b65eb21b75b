/**
 * Transcripts: reading .txt, .docx, .vtt and .srt files into canonical text with speaker turns, the
 * state a transcript moves through before anyone may code it, and the remap of coded segments onto a
 * corrected version.
 */
package org.tfeval.qual.transcript;

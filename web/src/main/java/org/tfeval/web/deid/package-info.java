/**
 * The privacy officer's de-identification review: the list of transcripts with their states, and one
 * transcript's original with its suggestions to accept, reject, edit or add, keyboard first (the next
 * undecided suggestion's Accept button has the focus; a and r are its access keys).
 */
package org.tfeval.web.deid;

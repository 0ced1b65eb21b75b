/**
 * Qualitative coding in the browser (issue 11 item 4) and the interview safety screens (issue 16 item 5):
 * the coder's transcript list, the coding screen (de-identified text by speaker turn; select, apply codes,
 * remove, memos; keyboard first), the coordinator's assignments, and safe contact, referral lists,
 * scheduling and the distress protocol. Handlers parse and print; the rules are in study.qual.QualCoding,
 * study.protect.TranscriptAccess and study.protect.InterviewSafety.
 */
package org.tfeval.web.qual;

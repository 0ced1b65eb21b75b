/**
 * The administrator's participants screen: the roster (IDs, site, group, tier, consent in force,
 * withdrawal level; never a word of an interview), a withdrawal at one of three levels with a
 * confirmation step and its outcome (outputs superseded, notices to send), acknowledgements of those
 * notices, and survivor-access grants per account. Every act runs in {@code org.tfeval.study.protect}.
 */
package org.tfeval.web.participant;

/**
 * Protection of participants' words: {@link org.tfeval.study.protect.ParticipantKeys}, one data key
 * per interview participant, kept in the study folder's key store (never in the database), so that
 * destroying a participant's key makes every copy of their encrypted words unreadable — in the
 * database, in database dumps and in backups that do not carry the key store.
 */
package org.tfeval.study.protect;

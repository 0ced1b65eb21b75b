/**
 * Protection of participants' words: {@link org.tfeval.study.protect.ParticipantKeys}, one data key
 * per interview participant, kept in the study folder's key store (never in the database), so that
 * destroying a participant's key makes every copy of their encrypted words unreadable — in the
 * database, in database dumps and in backups that do not carry the key store.
 *
 * <p>Also: who may read which transcript ({@link org.tfeval.study.protect.TranscriptAccess}: survivor
 * tier only with a per-account survivor-access grant, coders only their assignments), the consent in
 * force ({@link org.tfeval.study.protect.Consents}, the instrument's consent form) and the status every
 * output asks ({@link org.tfeval.study.protect.ParticipantStatus}), withdrawal at three levels
 * ({@link org.tfeval.study.protect.Withdrawals}) with its register outside the database and backups
 * ({@link org.tfeval.study.protect.WithdrawalRegister}) and the register of superseded outputs and
 * notices ({@link org.tfeval.study.protect.OutputRegister}), and safety in the interview workflow
 * ({@link org.tfeval.study.protect.InterviewSafety}).
 */
package org.tfeval.study.protect;

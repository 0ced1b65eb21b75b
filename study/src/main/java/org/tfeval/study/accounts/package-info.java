/**
 * Accounts of the web application: who may sign in, in which role, for which task forces (the
 * data access groups); Argon2id password hashes; the sign-in lockout after repeated failures,
 * decided with the account's row locked while the password is checked (no parallel bypass), with
 * the same answer and cost for unknown names; failed sign-ins counted per day and aggregated in the
 * audit log; the limit of failed sign-ins per client address
 * ({@link org.tfeval.study.accounts.SignInAddresses}: in the database, addresses stored only as a
 * keyed hash, taken atomically so parallel attempts cannot pass it); the {@link org.tfeval.study.accounts.PasswordPolicy} (length, not blank, nbvcxz's
 * estimate against common and context words); the first administrator (its one-time password in an
 * owner-only file) and the demo accounts, created with one-time passwords that must be replaced at
 * the first sign-in. Also the two
 * answers every per-site access rule gives: {@link org.tfeval.study.accounts.NotVisible} (another
 * task force's records do not exist for a scoped account) and
 * {@link org.tfeval.study.accounts.NotAllowed} (the role may see but not do this).
 */
package org.tfeval.study.accounts;

/**
 * Accounts of the web application: who may sign in, in which role, for which task forces (the
 * data access groups); Argon2id password hashes; the sign-in lockout after repeated failures;
 * the first administrator and the demo accounts, created with one-time passwords. Also the two
 * answers every per-site access rule gives: {@link org.tfeval.study.accounts.NotVisible} (another
 * task force's records do not exist for a scoped account) and
 * {@link org.tfeval.study.accounts.NotAllowed} (the role may see but not do this).
 */
package org.tfeval.study.accounts;

/**
 * Signing in and staying signed in: the sign-in form (the study's
 * {@link org.tfeval.study.accounts.Accounts} checks the Argon2id hash and the lockout),
 * server-side sessions that expire when idle, a synchronizer CSRF token per session, the limit of
 * failed sign-ins per client address (the study's {@link org.tfeval.study.accounts.SignInAddresses},
 * kept in the database so a restart does not reset it), and the forced
 * change of a one-time password.
 */
package org.tfeval.web.auth;

/**
 * Signing in and staying signed in: the sign-in form (the study's
 * {@link org.tfeval.study.accounts.Accounts} checks the Argon2id hash and the lockout),
 * server-side sessions that expire when idle, and a synchronizer CSRF token per session.
 */
package org.tfeval.web.auth;

/**
 * Signing in and staying signed in: Argon2id password hashes, server-side sessions that expire
 * when idle, a synchronizer CSRF token per session, and the lockout after repeated failures.
 */
package org.tfeval.web.auth;

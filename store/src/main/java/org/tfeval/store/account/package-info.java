/**
 * Accounts of the web application: who may sign in, in which role, for which task forces (the
 * data access groups), and the failed-login counter behind the lockout. Passwords arrive already
 * hashed (the web module hashes with Argon2id); nothing here sees a clear-text password.
 */
package org.tfeval.store.account;

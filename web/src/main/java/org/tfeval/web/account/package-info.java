/**
 * Account management for administrators (create with a one-time password, deactivate, reset)
 * and the demo accounts {@code tfeval demo} creates and prints once.
 */
package org.tfeval.web.account;

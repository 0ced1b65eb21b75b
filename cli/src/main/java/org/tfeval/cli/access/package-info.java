/**
 * {@code tfeval access ...}: restricted-use access for the data steward (apply, decide, issue, renew,
 * report, destroy, list, trace), one class per subcommand; the rules are the study layer's
 * ({@link org.tfeval.study.access.RestrictedAccess}).
 */
package org.tfeval.cli.access;

/**
 * Statistics commands that work on any CSV file without a study: {@code fit} (regression models),
 * {@code km} (Kaplan-Meier and log-rank), {@code xtab} (cross-tabulation, chi-square, Fisher) and
 * {@code agree} (inter-coder agreement). One class per subcommand; each prints a readable table or, with
 * {@code --format json}, a JSON document; bad input prints one line on stderr and exits with code 2.
 */
package org.tfeval.cli.stats;

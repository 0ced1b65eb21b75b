/**
 * PostgreSQL for tfeval: an embedded server started and stopped by tfeval with its data under the
 * study folder (binaries from Maven Central, verified against a manifest made from the jar's
 * archive before every start), or a connection to a team's server. As root the server runs as the
 * dedicated account {@code tfeval-pg} with CAP_DAC_READ_SEARCH only, and a watchdog stops it when
 * the JVM that started it dies; see {@code pg/README.md} for the design.
 */
package org.tfeval.pg;

/**
 * PostgreSQL for tfeval: an embedded server started and stopped by tfeval with its data under the
 * study folder (binaries from Maven Central), or a connection to a team's server.
 */
package org.tfeval.pg;

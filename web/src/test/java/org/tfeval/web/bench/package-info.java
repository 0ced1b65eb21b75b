/**
 * The load benchmark (run by {@code web/bench/run-load.sh}, never by the unit tests): simulated
 * coders saving forms against a server in its own JVM, with latency percentiles, errors, a count
 * of lost saves from the database afterwards, and the server's memory.
 */
package org.tfeval.web.bench;

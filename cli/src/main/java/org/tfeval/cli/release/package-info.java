/** The {@code tfeval release} command: a data release package from a snapshot. */
package org.tfeval.cli.release;

/** {@code tfeval measures}: the performance-measure commands (they parse and print; study.measures does the work). */
package org.tfeval.cli.measures;

/**
 * The command-line adapter: picocli commands over the study modules. One mapper turns failures
 * into exit codes: 0 done, 1 problems in the data (validation, import), 2 bad usage or input,
 * 3 an internal failure.
 */
package org.tfeval.cli;

/** The interview strand's commands: {@code tfeval transcripts ...} and {@code tfeval qual ...}. */
package org.tfeval.cli.qual;

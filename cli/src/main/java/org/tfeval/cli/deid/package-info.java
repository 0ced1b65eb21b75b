/**
 * {@code tfeval deid}: the de-identification workflow of transcripts from the command line, one class per
 * subcommand. On the command line the person holding the study folder (and so its key store) acts as
 * the privacy officer; {@code deid clean} acts as the administrator. The web app checks account roles.
 */
package org.tfeval.cli.deid;

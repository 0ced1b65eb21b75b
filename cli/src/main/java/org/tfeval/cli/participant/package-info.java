/**
 * {@code tfeval participant ...}: an interview participant's withdrawal (three levels), the notices to
 * holders of restricted packages it raises, and survivor-access grants. The study layer
 * ({@code org.tfeval.study.protect}) does the work; these commands parse and print.
 */
package org.tfeval.cli.participant;

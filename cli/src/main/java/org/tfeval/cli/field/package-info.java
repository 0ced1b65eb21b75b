/**
 * {@code tfeval field}: field packages for coding on a laptop without a network (checkout, serve,
 * checkin, devices, revoke, conflicts, resolve). The commands only parse and print; the use cases
 * are {@code org.tfeval.study.field}.
 */
package org.tfeval.cli.field;

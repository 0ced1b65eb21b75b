/** The {@code tfeval serve} command: the web application for coding case files on a study's database. */
package org.tfeval.cli.web;

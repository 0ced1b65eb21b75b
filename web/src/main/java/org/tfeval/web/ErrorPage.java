package org.tfeval.web;

/**
 * An error page.
 *
 * @param chrome  the page around it
 * @param status  HTTP status
 * @param title   short title
 * @param message what happened, without record values
 */
public record ErrorPage(Chrome chrome, int status, String title, String message) {}

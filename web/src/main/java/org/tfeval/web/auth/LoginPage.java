package org.tfeval.web.auth;

import org.tfeval.web.Chrome;

/**
 * The sign-in page.
 *
 * @param chrome      the page around it
 * @param error       why the last attempt failed, or null
 * @param name        the name to fill in again, or null
 * @param idleMinutes the idle timeout
 */
public record LoginPage(Chrome chrome, String error, String name, long idleMinutes) {}

package org.tfeval.web.auth;

import org.tfeval.web.Chrome;

/**
 * The change-password page.
 *
 * @param chrome    the page around it
 * @param error     why the last attempt failed, or null
 * @param minLength  shortest password
 * @param mustChange whether the account must choose its own password before anything else
 */
public record PasswordPage(Chrome chrome, String error, int minLength, boolean mustChange) {}

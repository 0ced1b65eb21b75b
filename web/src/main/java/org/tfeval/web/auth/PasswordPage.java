package org.tfeval.web.auth;

import org.tfeval.web.Chrome;

/**
 * The change-password page.
 *
 * @param chrome    the page around it
 * @param error     why the last attempt failed, or null
 * @param minLength shortest password
 */
public record PasswordPage(Chrome chrome, String error, int minLength) {}

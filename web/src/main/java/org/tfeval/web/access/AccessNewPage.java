package org.tfeval.web.access;

import org.tfeval.web.Chrome;

/**
 * The form of a new application.
 *
 * @param chrome the page around it
 */
public record AccessNewPage(Chrome chrome) {}

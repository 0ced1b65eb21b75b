/**
 * Coding a case file in the browser: the case with its victims, suspects and offenses on one
 * page, every field rendered from the instrument (label, value labels, missing-code buttons),
 * skip logic and validation evaluated by the server on every change and returned as htmx
 * fragments, drafts saved as the coder types, completion only when the case file validates.
 */
package org.tfeval.web.coding;

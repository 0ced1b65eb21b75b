/** The coordinator's field package screens: checkout (download), devices and revocation, the conflict queue. */
package org.tfeval.web.field;

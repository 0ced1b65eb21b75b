/**
 * Charging: the top-charge mix of prosecuted suspects, trafficking versus other statutes, venue,
 * and the level of arrest charges.
 */
package org.tfeval.analysis.charging;

/**
 * The outcome funnel: investigation, arrest, prosecution, trafficking charge, conviction and
 * sentence, at case and suspect level, by type of trafficking and by task force, and the share of
 * sex-trafficking investigations charged under a trafficking statute with both denominators.
 */
package org.tfeval.analysis.funnel;

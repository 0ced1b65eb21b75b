/**
 * The instrument's disclosure model: who the attacker is at each release level (the outside
 * sources assumed and the quasi-identifiers they give), the disclosure scenario, and the
 * generalization hierarchies the release may climb before it suppresses. Read from the {@code
 * disclosure_model} section of the instrument YAML; the release module acts on it.
 */
package org.tfeval.instrument.disclosure;

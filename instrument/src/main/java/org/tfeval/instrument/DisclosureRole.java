package org.tfeval.instrument;

/** How a variable takes part in disclosure control. */
public enum DisclosureRole {
    /** Identifies a person or place by itself: dropped from every release. */
    DIRECT,
    /** Identifies in combination: enters the k-anonymity check. */
    QUASI,
    /** Sensitive attribute: enters the l-diversity check. */
    SENSITIVE,
    /** No disclosure role. */
    NONE
}

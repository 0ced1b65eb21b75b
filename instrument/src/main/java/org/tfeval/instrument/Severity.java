package org.tfeval.instrument;

/** How serious a rule violation is. */
public enum Severity {
    /** Blocks an import, a completed record and a snapshot. */
    ERROR,
    /** Reported for review; blocks nothing. */
    WARNING
}

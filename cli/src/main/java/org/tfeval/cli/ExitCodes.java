package org.tfeval.cli;

/** Exit codes of every command. */
final class ExitCodes {
    /** Done. */
    static final int OK = 0;
    /** Problems in the data: validation or import errors. */
    static final int DATA_ERRORS = 1;
    /** Bad usage or unusable input. */
    static final int USAGE = 2;
    /** An internal failure. */
    static final int INTERNAL = 3;

    private ExitCodes() {
    }
}

package org.tfeval.cli;

/** Exit codes of every command. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Problems in the data: validation or import errors. */
    public static final int DATA_ERRORS = 1;
    /** Bad usage or unusable input. */
    public static final int USAGE = 2;
    /** An internal failure. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}

package org.tfeval.instrument.workflow;

import java.util.Objects;

/**
 * Why a use case could not do what was asked: the one problem type every tfeval module throws and
 * each edge maps once (the CLI to an exit code, the web to an HTTP status).
 *
 * <p>Four kinds, closed: {@link Usage} (the request itself is wrong: a missing study, a bad option, an
 * unreadable file), {@link Data} (the study's data has problems the user must fix, listed
 * elsewhere with file, row and variable), {@link Refused} (a precondition of the workflow does not
 * hold: open data-quality queries, a non-empty target folder), {@link Internal} (a fault of tfeval
 * or its environment). Module-specific problems extend one of the four.
 *
 * <p>Messages name files, records and variables, never a value of case data.
 */
public abstract sealed class Problem extends RuntimeException
        permits Problem.Usage, Problem.Data, Problem.Refused, Problem.Internal {
    private static final long serialVersionUID = 1L;

    /** The closed set of kinds, for the edges' one mapping each. */
    public enum Kind {
        USAGE,
        DATA,
        REFUSED,
        INTERNAL
    }

    private final String hint;

    Problem(String message, String hint, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.hint = hint;
    }

    /** Which kind of problem. */
    public abstract Kind kind();

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }

    /** The message and, where there is one, what to do. */
    public String describe() {
        return hint == null ? getMessage() : getMessage() + "; " + hint;
    }

    public static Usage usage(String message) {
        return new Usage(message, null, null);
    }

    public static Usage usage(String message, String hint) {
        return new Usage(message, hint, null);
    }

    public static Data data(String message) {
        return new Data(message, null, null);
    }

    public static Refused refused(String message, String hint) {
        return new Refused(message, hint, null);
    }

    public static Internal internal(String message, Throwable cause) {
        return new Internal(message, null, cause);
    }

    /** The request is wrong: fix the command, option or file and try again. */
    public static non-sealed class Usage extends Problem {
        private static final long serialVersionUID = 1L;

        public Usage(String message, String hint, Throwable cause) {
            super(message, hint, cause);
        }

        @Override
        public final Kind kind() {
            return Kind.USAGE;
        }
    }

    /** The data has problems (reported in full elsewhere); fix them and try again. */
    public static non-sealed class Data extends Problem {
        private static final long serialVersionUID = 1L;

        public Data(String message, String hint, Throwable cause) {
            super(message, hint, cause);
        }

        @Override
        public final Kind kind() {
            return Kind.DATA;
        }
    }

    /** A precondition of the workflow does not hold; the hint says how to meet it. */
    public static non-sealed class Refused extends Problem {
        private static final long serialVersionUID = 1L;

        public Refused(String message, String hint, Throwable cause) {
            super(message, hint, cause);
        }

        @Override
        public final Kind kind() {
            return Kind.REFUSED;
        }
    }

    /** A fault of tfeval or its environment (disk, database server). */
    public static non-sealed class Internal extends Problem {
        private static final long serialVersionUID = 1L;

        public Internal(String message, String hint, Throwable cause) {
            super(message, hint, cause);
        }

        @Override
        public final Kind kind() {
            return Kind.INTERNAL;
        }
    }
}

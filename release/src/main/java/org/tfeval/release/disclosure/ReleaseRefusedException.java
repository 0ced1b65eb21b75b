package org.tfeval.release.disclosure;

/**
 * The disclosure target cannot be met within the configured limits; the release is refused and no
 * package is written. The message gives the figures and the threshold, never a value of a record.
 */
public final class ReleaseRefusedException extends org.tfeval.instrument.workflow.Problem.Refused {
    private static final long serialVersionUID = 1L;

    public ReleaseRefusedException(String message) {
        super(message, "no package was written; relax the limits or reduce the quasi-identifiers", null);
    }
}

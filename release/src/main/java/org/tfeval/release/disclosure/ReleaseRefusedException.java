package org.tfeval.release.disclosure;

/**
 * The disclosure target cannot be met within the configured limits; the release is refused and no
 * package is written. The message gives the figures and the threshold, never a value of a record.
 */
public final class ReleaseRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReleaseRefusedException(String message) {
        super(message);
    }
}

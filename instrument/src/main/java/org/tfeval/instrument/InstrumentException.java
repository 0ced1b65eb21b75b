package org.tfeval.instrument;

/** An instrument file that cannot be used, with the file and the place in it. */
public class InstrumentException extends org.tfeval.instrument.workflow.Problem.Usage {
    private static final long serialVersionUID = 1L;

    public InstrumentException(String message) {
        super(message, null, null);
    }

    public InstrumentException(String message, Throwable cause) {
        super(message, null, cause);
    }
}

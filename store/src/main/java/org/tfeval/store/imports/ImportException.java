package org.tfeval.store.imports;

/** A file that cannot be read at all (unsupported type, unreadable); problems in rows are violations instead. */
public class ImportException extends org.tfeval.instrument.workflow.Problem.Usage {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message, null, null);
    }

    public ImportException(String message, Throwable cause) {
        super(message, null, cause);
    }
}

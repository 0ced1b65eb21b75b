package org.tfeval.study.accounts;

import org.tfeval.instrument.workflow.Problem;

/** The account may see this but its role or task forces do not let it do what it asked. */
public final class NotAllowed extends Problem.Refused {
    private static final long serialVersionUID = 1L;

    public NotAllowed(String message) {
        super(message, null, null);
    }
}

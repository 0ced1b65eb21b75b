package org.tfeval.study.accounts;

import org.tfeval.instrument.workflow.Problem;

/**
 * What does not exist for the account asking: another task force's records for a scoped
 * account, pass 1 for the blind second coder, or an id that names nothing. Adapters show it as
 * "not found", the same for both, so nobody learns what another task force holds.
 */
public final class NotVisible extends Problem.Usage {
    private static final long serialVersionUID = 1L;

    public NotVisible() {
        super("Not found", null, null);
    }
}

package org.tfeval.web.participant;

import java.util.Objects;
import org.tfeval.study.protect.Withdrawals;
import org.tfeval.web.Chrome;

/**
 * What a withdrawal did: rows deleted, the key destroyed, outputs superseded, notices to send.
 *
 * @param chrome    the page around it
 * @param withdrawn the study layer's account of it
 */
public record WithdrawnPage(Chrome chrome, Withdrawals.Withdrawn withdrawn) {
    public WithdrawnPage {
        Objects.requireNonNull(withdrawn, "withdrawn");
    }
}

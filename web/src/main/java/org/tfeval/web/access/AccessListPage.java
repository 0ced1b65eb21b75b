package org.tfeval.web.access;

import java.util.List;
import org.tfeval.study.access.AccessFile;
import org.tfeval.study.access.AccessRecord;
import org.tfeval.web.Chrome;

/**
 * The steward's list.
 *
 * @param chrome    the page around it
 * @param accesses  applications and accesses, newest first
 * @param dueOnly   whether only those with something due are shown
 * @param transfers the transfer log, newest first
 */
public record AccessListPage(
        Chrome chrome, List<AccessRecord> accesses, boolean dueOnly, List<AccessFile.Transfer> transfers) {
    public AccessListPage {
        accesses = List.copyOf(accesses);
        transfers = List.copyOf(transfers);
    }
}

package org.tfeval.web.coding;

import java.util.List;
import org.tfeval.web.Chrome;

/**
 * The page of one pass of a case file.
 *
 * @param chrome       the page around it
 * @param caseId       the case
 * @param tfId         its task force
 * @param caseRef      its reference in the case list, or null
 * @param pass         1 or 2
 * @param coder        the pass's coder
 * @param status       the pass's status in words
 * @param reconciled   whether the passes were reconciled
 * @param links        related pages the session may open
 * @param problems     the errors that block completion, after an attempt
 * @param tree         the records
 * @param completeHref where to post "mark complete", or null
 * @param reloadHref   where to post "reload from the study data", or null
 */
public record CasePage(
        Chrome chrome,
        String caseId,
        String tfId,
        String caseRef,
        int pass,
        String coder,
        String status,
        boolean reconciled,
        List<Chrome.Link> links,
        List<Problem> problems,
        NodeView tree,
        String completeHref,
        String reloadHref) {
    /**
     * An error in the completion summary.
     *
     * @param href    anchor of the field or record
     * @param where   record and variable
     * @param message what is wrong
     */
    public record Problem(String href, String where, String message) {}

    public CasePage {
        links = List.copyOf(links);
        problems = List.copyOf(problems);
    }
}

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
 * @param index        the records of the case file, for the side index
 * @param keys         the keyboard shortcuts, for the legend
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
        String reloadHref,
        List<IndexEntry> index,
        List<Key> keys) {
    /**
     * A record in the side index.
     *
     * @param anchor    the record's anchor ({@code #rec-<id>})
     * @param label     the form's label
     * @param key       the record's key
     * @param depth     0 for the case, 1 for its children, ...
     * @param sections  the record's sections (anchor, heading)
     * @param left      its fields that still need a value
     * @param recordId  the record
     * @param accessKey the key that jumps to it (the first record of each form), or null
     */
    public record IndexEntry(
            String anchor,
            String label,
            String key,
            int depth,
            List<Chrome.Link> sections,
            long left,
            long recordId,
            String accessKey) {
        public IndexEntry {
            sections = List.copyOf(sections);
        }
    }

    /**
     * A keyboard shortcut of the form.
     *
     * @param keys    what to press
     * @param meaning what it does
     */
    public record Key(String keys, String meaning) {}

    /** The case file's fields that still need a value. */
    public long left() {
        return index.stream().mapToLong(IndexEntry::left).sum();
    }

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
        index = List.copyOf(index);
        keys = List.copyOf(keys);
    }
}

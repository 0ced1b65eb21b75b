package org.tfeval.web.coding;

import java.util.List;

/**
 * A record and the records below it, grouped by form.
 *
 * @param record the record
 * @param groups the child forms, each with its records
 */
public record NodeView(RecordView record, List<Group> groups) {
    /**
     * The records of one child form.
     *
     * @param form    the form's name
     * @param label   the form's label
     * @param addHref where to post to add one, or null
     * @param nodes   the records
     */
    public record Group(String form, String label, String addHref, List<NodeView> nodes) {
        public Group {
            nodes = List.copyOf(nodes);
        }

        /** The id of the group's heading below the record {@code parent}. */
        public String headingId(long parent) {
            return "grp-" + parent + "-" + form;
        }
    }

    public NodeView {
        groups = List.copyOf(groups);
    }
}

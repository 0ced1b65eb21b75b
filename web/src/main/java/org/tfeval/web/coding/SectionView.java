package org.tfeval.web.coding;

import java.util.List;
import java.util.Objects;

/**
 * One section of a record's form, as the instrument declares it, and its fields in blocks.
 *
 * @param anchor the section's id on the page
 * @param label  its heading, or null for a form without sections
 * @param blocks its fields: single fields, and yes/no items of one group as one row block
 */
public record SectionView(String anchor, String label, List<Block> blocks) {
    public SectionView {
        Objects.requireNonNull(anchor, "anchor");
        blocks = List.copyOf(blocks);
    }

    /**
     * A single field, or the consecutive yes/no items of one group.
     *
     * @param legend the group's heading (null for a single field)
     * @param fields the field, or the group's items
     */
    public record Block(String legend, List<FieldView> fields) {
        public Block {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) throw new IllegalArgumentException("a block needs a field");
        }

        /** Whether it is a group of yes/no items laid out as rows. */
        public boolean rows() {
            return legend != null;
        }

        /** The one field of a single-field block. */
        public FieldView field() {
            return fields.get(0);
        }
    }
}

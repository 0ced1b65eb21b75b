package org.tfeval.web.coding;

import java.util.List;

/**
 * The response to a save: the status line, and out-of-band fragments of what the save changed (fields
 * whose applicability or shown value changed; the saved record's error blocks and issues, and those
 * of other records whose messages changed) so the field being typed in is never replaced.
 *
 * @param status      the status line of the saved record
 * @param fields      field wrappers to replace
 * @param errorBlocks error blocks to replace
 * @param records     records whose issue blocks to replace
 * @param record      the saved record
 * @param version     its version after the save (replaces the form's, so the next save names it)
 */
public record SavedView(
        String status,
        List<FieldView> fields,
        List<FieldView> errorBlocks,
        List<RecordView> records,
        long record,
        int version) {
    public SavedView {
        fields = List.copyOf(fields);
        errorBlocks = List.copyOf(errorBlocks);
        records = List.copyOf(records);
    }
}

package org.tfeval.store.coding;

import java.util.Arrays;
import java.util.Locale;

/** Where a pass stands. */
public enum PassStatus {
    /** Being coded: records are drafts and may break rules. */
    IN_PROGRESS,
    /** Passed validation and was marked complete. */
    COMPLETE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PassStatus of(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pass status '" + id + "'"));
    }
}

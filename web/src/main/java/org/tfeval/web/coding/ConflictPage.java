package org.tfeval.web.coding;

import java.util.Objects;
import org.tfeval.web.Chrome;

/**
 * A save conflict shown as a page, for a browser without scripts.
 *
 * @param chrome   the page around it
 * @param conflict the conflict
 */
public record ConflictPage(Chrome chrome, ConflictView conflict) {
    public ConflictPage {
        Objects.requireNonNull(conflict, "conflict");
    }
}

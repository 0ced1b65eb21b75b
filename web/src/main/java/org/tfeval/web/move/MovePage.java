package org.tfeval.web.move;

import java.util.Objects;
import org.tfeval.web.Chrome;

/**
 * The move form, and what the last move did.
 *
 * @param chrome the page around it
 * @param done   what the last move did (null: none yet)
 */
public record MovePage(Chrome chrome, String done) {
    public MovePage {
        Objects.requireNonNull(chrome, "chrome");
    }
}

package org.tfeval.web.progress;

import java.util.List;
import org.tfeval.study.coding.Coding;
import org.tfeval.web.Chrome;

/**
 * Progress of the task forces a session sees.
 *
 * @param chrome    the page around it
 * @param rows      one per task force
 * @param linkCases whether the task forces link to their case files
 * @param total     the sums over the rows
 */
public record ProgressPage(Chrome chrome, List<Coding.Progress> rows, boolean linkCases, Coding.Progress total) {
    public ProgressPage {
        rows = List.copyOf(rows);
    }
}

package org.tfeval.web.qual;

import java.util.List;
import org.tfeval.study.qual.QualCoding;
import org.tfeval.web.Chrome;

/**
 * The coordinator's assignments of coders to transcripts.
 *
 * @param chrome      the page around it
 * @param assignments current direct assignments at the coordinator's task forces
 * @param transcripts transcripts the coordinator may see (to pick from)
 */
public record AssignPage(Chrome chrome, List<QualCoding.Assignment> assignments, List<QualCoding.Listed> transcripts) {
    public AssignPage {
        assignments = List.copyOf(assignments);
        transcripts = List.copyOf(transcripts);
    }
}

package org.tfeval.web.qual;

import java.util.List;
import org.tfeval.study.qual.QualCoding;
import org.tfeval.web.Chrome;

/**
 * The transcripts an account may open, with where each stands.
 *
 * @param chrome      the page around it
 * @param transcripts the transcripts
 * @param coordinates whether the account assigns transcripts (link to the assignments)
 */
public record QualListPage(Chrome chrome, List<QualCoding.Listed> transcripts, boolean coordinates) {
    public QualListPage {
        transcripts = List.copyOf(transcripts);
    }
}

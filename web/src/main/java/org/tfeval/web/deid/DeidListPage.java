package org.tfeval.web.deid;

import java.util.List;
import org.tfeval.qual.deid.Status;
import org.tfeval.study.qual.Deidentification;
import org.tfeval.web.Chrome;

/**
 * The transcripts and where each stands in de-identification.
 *
 * @param chrome      the page around it
 * @param transcripts each newest transcript's status
 */
public record DeidListPage(Chrome chrome, List<Deidentification.TranscriptStatus> transcripts) {
    public DeidListPage {
        transcripts = List.copyOf(transcripts);
    }

    /** A transcript's count of suggestions in a status. */
    public static long count(Deidentification.TranscriptStatus t, String status) {
        return t.byStatus().getOrDefault(Status.of(status), 0L);
    }
}

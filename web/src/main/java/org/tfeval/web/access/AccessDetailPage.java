package org.tfeval.web.access;

import java.util.List;
import org.tfeval.study.access.AccessFile;
import org.tfeval.web.Chrome;

/**
 * One access and the steps the steward may take on it.
 *
 * @param chrome      the page around it
 * @param file        everything recorded about it
 * @param snapshots   snapshot IDs a package may be issued from, newest first
 * @param termMonths  the default term of an approval or renewal
 */
public record AccessDetailPage(Chrome chrome, AccessFile file, List<String> snapshots, int termMonths) {
    public AccessDetailPage {
        snapshots = List.copyOf(snapshots);
    }

    /** The first characters of a snapshot ID, as the lists show it. */
    public static String shortId(String id) {
        return id.length() <= 12 ? id : id.substring(0, 12);
    }
}

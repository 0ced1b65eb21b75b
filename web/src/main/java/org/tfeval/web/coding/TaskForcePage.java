package org.tfeval.web.coding;

import java.util.List;
import org.tfeval.study.coding.Coding;
import org.tfeval.web.Chrome;

/**
 * A task force's case files.
 *
 * @param chrome      the page around it
 * @param tfId        the task force
 * @param progress    its counts
 * @param cases       case files in coding
 * @param sampled     sampled cases whose coding has not started
 * @param stored      stored cases not in coding
 * @param mayCode     whether the session may start and open coding
 * @param coordinator whether the session may assign double coding
 * @param coders      accounts that may be assigned a second pass
 * @param exportable  forms the session may export, or empty
 */
public record TaskForcePage(
        Chrome chrome,
        String tfId,
        Coding.Progress progress,
        List<Row> cases,
        List<Coding.SampledCase> sampled,
        List<String> stored,
        boolean mayCode,
        boolean coordinator,
        List<String> coders,
        List<String> exportable) {
    /**
     * A case file in the list.
     *
     * @param caseId      the case
     * @param caseRef     case-list reference, or null
     * @param first       pass 1 in words
     * @param second      pass 2 in words, or null
     * @param reconciled  whether reconciled
     * @param openQueries unsettled queries
     * @param mayAssign   whether a second pass can be assigned
     * @param mayReconcile whether the passes can be reconciled
     */
    public record Row(
            String caseId,
            String caseRef,
            String first,
            String second,
            boolean reconciled,
            long openQueries,
            boolean mayAssign,
            boolean mayReconcile) {}

    public TaskForcePage {
        cases = List.copyOf(cases);
        sampled = List.copyOf(sampled);
        stored = List.copyOf(stored);
        coders = List.copyOf(coders);
        exportable = List.copyOf(exportable);
    }
}

package org.tfeval.web.doublecoding;

import java.util.List;
import org.tfeval.web.Chrome;

/**
 * The reconciliation screen of a case file.
 *
 * @param chrome      the page around it
 * @param caseId      the case
 * @param tfId        its task force
 * @param ready       whether both passes are complete
 * @param firstCoder  pass 1's coder
 * @param secondCoder pass 2's coder
 * @param rows        the disagreements
 * @param problems    errors after a failed attempt
 */
public record ReconcilePage(
        Chrome chrome,
        String caseId,
        String tfId,
        boolean ready,
        String firstCoder,
        String secondCoder,
        List<Row> rows,
        List<String> problems) {
    /**
     * One disagreement.
     *
     * @param id       the choice's form field name
     * @param record   the form and record key
     * @param variable the variable and its label, or "whole record"
     * @param first    pass 1's value in words
     * @param second   pass 2's value in words
     */
    public record Row(String id, String record, String variable, String first, String second) {}

    public ReconcilePage {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}

package org.tfeval.web.doublecoding;

import java.util.List;
import org.tfeval.web.Chrome;

/**
 * Agreement of double-coded case files.
 *
 * @param chrome the page around it
 * @param rows   one per coder pair and variable
 * @param cases  double-coded case files counted
 */
public record AgreementPage(Chrome chrome, List<Row> rows, long cases) {
    /**
     * Agreement of a coder pair on a variable.
     *
     * @param coders   "first / second"
     * @param form     the form
     * @param variable the variable
     * @param units    coded pairs
     * @param percent  percent agreement, formatted
     * @param kappa    Cohen's kappa, formatted ("n/a" when every value is the same)
     */
    public record Row(String coders, String form, String variable, long units, String percent, String kappa) {}

    public AgreementPage {
        rows = List.copyOf(rows);
    }
}

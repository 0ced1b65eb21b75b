package org.tfeval.cli.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.cli.OutputFormat;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.model.FitWarning;
import org.tfeval.stats.table.ChiSquareTest;
import org.tfeval.stats.table.ContingencyTable;
import org.tfeval.stats.table.FisherExactTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tfeval xtab}: a cross-tabulation with chi-square and Fisher's exact test. */
@Command(
        name = "xtab",
        header = "Cross-tabulate two columns of a CSV file with chi-square and Fisher's exact test.",
        description = {
            "Cross-tabulate two columns; Pearson chi-square (no continuity correction) and Fisher's exact test."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad input: missing column, fewer than two levels, bad option"})
public final class XtabCommand extends StatsCommand {

    @Option(names = "--rows", required = true, paramLabel = "COL", description = "Row variable.")
    String rows;

    @Option(names = "--cols", required = true, paramLabel = "COL", description = "Column variable.")
    String cols;

    @Option(names = "--no-fisher", description = "Skip Fisher's exact test (large tables).")
    boolean noFisher;

    @Override
    String run(DataFrame frame) {
        ContingencyTable t = ContingencyTable.crossTabulate(frame, rows, cols);
        if (t.rows() < 2 || t.columns() < 2) {
            throw new IllegalArgumentException(
                    "a test of independence needs at least two levels in both " + rows + " and " + cols);
        }
        ChiSquareTest.Result chi = ChiSquareTest.test(t);
        List<String> warnings =
                new ArrayList<>(chi.warnings().stream().map(FitWarning::message).toList());
        Double fisher = null;
        if (!noFisher) {
            try {
                fisher = FisherExactTest.pValue(t);
            } catch (IllegalStateException e) {
                warnings.add(e.getMessage());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("cols", cols);
        m.put("row_levels", t.rowLabels());
        m.put("col_levels", t.columnLabels());
        List<Object> counts = new ArrayList<>();
        for (long[] r : t.counts()) {
            counts.add(r);
        }
        m.put("counts", counts);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("statistic", chi.statistic());
        c.put("df", chi.df());
        c.put("p_value", chi.pValue());
        m.put("chisq", c);
        m.put("fisher_p_value", fisher);
        m.put("warnings", warnings);
        m.put("missing_codes", missingJson(List.of(rows, cols)));
        if (outputFormat() == OutputFormat.JSON) {
            return Json.write(m);
        }
        StringBuilder b = new StringBuilder();
        int w = Math.max(
                rows.length(),
                t.rowLabels().stream().mapToInt(String::length).max().orElse(1));
        b.append(String.format("%-" + w + "s", rows + "\\" + cols));
        for (String cl : t.columnLabels()) {
            b.append(String.format(" %10s", cl));
        }
        b.append(String.format(" %10s%n", "total"));
        long[] ct = t.columnTotals();
        long[] rt = t.rowTotals();
        for (int i = 0; i < t.rows(); i++) {
            b.append(String.format("%-" + w + "s", t.rowLabels().get(i)));
            for (int j = 0; j < t.columns(); j++) {
                b.append(String.format(" %10d", t.count(i, j)));
            }
            b.append(String.format(" %10d%n", rt[i]));
        }
        b.append(String.format("%-" + w + "s", "total"));
        for (long v : ct) {
            b.append(String.format(" %10d", v));
        }
        b.append(String.format(" %10d%n%n", t.total()));
        b.append(String.format(
                "Pearson chi-square %s on %d df, p = %s%n", num(chi.statistic()), chi.df(), pval(chi.pValue())));
        if (fisher != null) {
            b.append(String.format("Fisher's exact test (two-sided) p = %s%n", pval(fisher)));
        }
        for (String s : warnings) {
            b.append("warning: ").append(s).append('\n');
        }
        b.append(missingText(List.of(rows, cols)));
        return b.toString();
    }
}

package org.tfeval.stats.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tfeval.stats.ReferenceCases;
import org.tfeval.stats.model.FitWarning;

/**
 * Oracle: R {@code chisq.test(correct = FALSE)} and {@code fisher.test} (two-sided), every table in every
 * reference/r case whose model is {@code proportions-and-tables}; tolerance {@code p_value} from the file
 * (also applied to the statistic).
 */
class TablesReferenceTest {

    @TestFactory
    Stream<DynamicTest> every_reference_table_matches_r() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : ReferenceCases.rCases("proportions-and-tables")) {
            JsonNode exp = ReferenceCases.expected(c);
            double tol = exp.path("tolerance").path("p_value").asDouble();
            for (JsonNode t : exp.path("tables")) {
                tests.add(DynamicTest.dynamicTest(
                        c.getFileName() + " " + t.path("name").asText(), () -> {
                            ContingencyTable table = ContingencyTable.of(counts(t.path("counts")));
                            ChiSquareTest.Result chi = ChiSquareTest.test(table);
                            List<String> failures = new ArrayList<>();
                            compare(
                                    failures,
                                    "chisq",
                                    chi.statistic(),
                                    t.path("chisq").path("statistic").asDouble(),
                                    tol);
                            compare(
                                    failures,
                                    "chisq p",
                                    chi.pValue(),
                                    t.path("chisq").path("p_value").asDouble(),
                                    tol);
                            assertThat(chi.df())
                                    .isEqualTo(t.path("chisq").path("df").asInt());
                            compare(
                                    failures,
                                    "fisher p",
                                    FisherExactTest.pValue(table),
                                    t.path("fisher_p_value").asDouble(),
                                    tol);
                            assertThat(failures).isEmpty();
                        }));
            }
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @Test
    void warns_when_expected_counts_are_small() {
        // Oracle: chisq.test(matrix(c(3, 1, 1, 3), 2)) warns "Chi-squared approximation may be incorrect" (E = 2).
        ChiSquareTest.Result r = ChiSquareTest.test(ContingencyTable.of(new long[][] {{3, 1}, {1, 3}}));
        assertThat(r.warnings()).extracting(FitWarning::code).containsExactly(FitWarning.SMALL_EXPECTED_COUNTS);
    }

    @Test
    void symmetric_table_ties_count_as_extreme() {
        // Oracle: fisher.test(matrix(c(2, 0, 0, 2), 2))$p.value = 1/3 (both extreme tables have p = 1/6).
        assertThat(FisherExactTest.pValue(ContingencyTable.of(new long[][] {{2, 0}, {0, 2}})))
                .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-15));
    }

    static long[][] counts(JsonNode rows) {
        long[][] c = new long[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            c[i] = new long[rows.get(i).size()];
            for (int j = 0; j < c[i].length; j++) {
                c[i][j] = rows.get(i).get(j).asLong();
            }
        }
        return c;
    }

    private static void compare(List<String> failures, String what, double actual, double expected, double tol) {
        if (!ReferenceCases.close(actual, expected, tol)) {
            failures.add(ReferenceCases.mismatch(what, actual, expected, tol));
        }
    }
}

package org.tfeval.stats.survival;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tfeval.stats.ReferenceCases;

/**
 * Oracle: R {@code survival::survfit} (tables for conf.type "log" and "log-log") and {@code survdiff}
 * (log-rank), for every reference/r case whose model is {@code kaplan-meier}. R's {@code Inf} and
 * {@code NA} (stored as strings) must come out as infinity and NaN. Tolerances from each expected.json:
 * {@code survival} for estimates and SEs, {@code ci} for limits; the log-rank statistic and p-value use
 * the {@code ci} tolerance (same arithmetic depth).
 */
class KaplanMeierReferenceTest {

    @TestFactory
    Stream<DynamicTest> every_r_kaplan_meier_case_matches_survfit() {
        List<Path> cases = ReferenceCases.rCases("kaplan-meier");
        assertThat(cases).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            for (SurvivalInterval type : SurvivalInterval.values()) {
                tests.add(DynamicTest.dynamicTest(c.getFileName() + " " + type.rName(), () -> check(c, type)));
            }
        }
        return tests.stream();
    }

    private void check(Path folder, SurvivalInterval type) {
        JsonNode exp = ReferenceCases.expected(folder);
        double tolS = exp.path("tolerance").path("survival").asDouble();
        double tolCi = exp.path("tolerance").path("ci").asDouble();
        String strata = exp.hasNonNull("strata") ? exp.path("strata").asText() : null;
        KaplanMeierFit fit = KaplanMeier.create()
                .withInterval(type)
                .fit(
                        ReferenceCases.data(folder),
                        exp.path("time").asText(),
                        exp.path("event").asText(),
                        strata);
        JsonNode table = exp.path("table_" + type.rName().replace("-", ""));
        List<SurvivalPoint> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (SurvivalCurve c : fit.curves()) {
            for (SurvivalPoint p : c.points()) {
                rows.add(p);
                labels.add(c.stratum());
            }
        }
        assertThat(rows).hasSize(table.size());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            JsonNode e = table.get(i);
            SurvivalPoint p = rows.get(i);
            String at = e.path("stratum").asText() + " t=" + e.path("time").asText();
            assertThat(labels.get(i)).isEqualTo(e.path("stratum").asText());
            assertThat(p.time()).isEqualTo(e.path("time").asDouble());
            assertThat(p.atRisk()).as(at).isEqualTo(e.path("n_risk").asInt());
            assertThat(p.events()).as(at).isEqualTo(e.path("n_event").asInt());
            assertThat(p.censored()).as(at).isEqualTo(e.path("n_censor").asInt());
            compare(failures, at + " survival", p.survival(), number(e.path("survival")), tolS);
            compare(failures, at + " std_error", p.stdError(), number(e.path("std_error")), tolS);
            compare(failures, at + " ci_low", p.ciLow(), number(e.path("ci_low")), tolCi);
            compare(failures, at + " ci_high", p.ciHigh(), number(e.path("ci_high")), tolCi);
        }
        if (exp.has("logrank")) {
            JsonNode lr = exp.path("logrank");
            assertThat(fit.logRank()).isNotNull();
            assertThat(fit.logRank().df()).isEqualTo(lr.path("df").asInt());
            compare(
                    failures,
                    "logrank chisq",
                    fit.logRank().chiSquare(),
                    lr.path("chisq").asDouble(),
                    tolCi);
            compare(
                    failures,
                    "logrank p",
                    fit.logRank().pValue(),
                    lr.path("p_value").asDouble(),
                    tolCi);
        }
        assertThat(failures).isEmpty();
    }

    /** R writes Inf and NA as strings. */
    private static double number(JsonNode n) {
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        return n.asDouble();
    }

    private static void compare(List<String> failures, String what, double actual, double expected, double tol) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            if (Double.compare(actual, expected) != 0) {
                failures.add(what + ": got " + actual + ", expected " + expected);
            }
            return;
        }
        if (!ReferenceCases.close(actual, expected, tol)) {
            failures.add(ReferenceCases.mismatch(what, actual, expected, tol));
        }
    }
}

package org.tfeval.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tfeval fit} on reference data. Oracle: the R results in reference/r/*&#47;expected.json (glm,
 * clubSandwich CR2, lme4 glmer), with each file's tolerances.
 */
class FitCommandTest {

    private static final Path LOGIT = CommandRun.reference().resolve("r/logit_cases_226");
    private static final Path GLMM = CommandRun.reference().resolve("r/glmm_cases_226_laplace");

    @Test
    void fits_a_logit_and_prints_the_documented_json() {
        Map<String, Object> exp = expected(LOGIT);
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "logit",
                "--formula",
                (String) exp.get("formula"),
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        assertThat(got.keySet())
                .containsExactly(
                        "model",
                        "n",
                        "converged",
                        "coefficients",
                        "loglik",
                        "deviance",
                        "aic",
                        "random_intercept_sd",
                        "warnings",
                        "missing_codes");
        assertThat(got.get("model")).isEqualTo("logit");
        assertThat(got.get("n")).isEqualTo(226.0);
        assertThat(got.get("converged")).isEqualTo(true);
        assertThat(got.get("random_intercept_sd")).isNull();
        double tolEst = tolerance(exp, "estimate");
        double tolSe = tolerance(exp, "std_error");
        for (Map<String, Object> e : rows(exp.get("coefficients"))) {
            Map<String, Object> c = row(got, (String) e.get("term"));
            assertThat(c.keySet())
                    .containsExactly("term", "estimate", "std_error", "ci_low", "ci_high", "p_value", "df");
            assertClose((Double) c.get("estimate"), (Double) e.get("estimate"), tolEst);
            assertClose((Double) c.get("std_error"), (Double) e.get("std_error"), tolSe);
            assertClose((Double) c.get("p_value"), (Double) e.get("p_value"), tolSe);
            assertThat(c.get("df")).as("z test: df null").isNull();
        }
        assertClose((Double) got.get("deviance"), (Double) exp.get("deviance"), tolEst);
        assertClose((Double) got.get("aic"), (Double) exp.get("aic"), tolEst);
    }

    @Test
    void cluster_robust_cr2_matches_clubsandwich() {
        Map<String, Object> exp = expected(LOGIT);
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "logit",
                "--formula",
                (String) exp.get("formula"),
                "--cluster",
                "site",
                "--vcov",
                "CR2",
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        double tol = tolerance(exp, "std_error");
        for (Map<String, Object> e : rows(exp.get("vcov_CR2"))) {
            Map<String, Object> c = row(got, (String) e.get("term"));
            assertClose((Double) c.get("std_error"), (Double) e.get("std_error"), tol);
            assertClose((Double) c.get("df"), (Double) e.get("df"), tol);
            assertClose((Double) c.get("p_value"), (Double) e.get("p_value"), tol);
        }
        assertThat((List<?>) got.get("warnings")).anyMatch(w -> w.toString().contains("clusters"));
    }

    @Test
    void wild_bootstrap_reports_enumerated_rademacher_draws() {
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "ols",
                "--formula",
                "prosecuted ~ ht_type + minor_victim + federal",
                "--cluster",
                "site",
                "--bootstrap",
                "wild");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("rademacher weights")
                .contains("all 256 sign patterns enumerated")
                .contains("ht_type=sex");
    }

    @Test
    void glmm_with_lme4_pirls_matches_glmer() {
        Map<String, Object> exp = expected(GLMM);
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                GLMM.resolve("data.csv").toString(),
                "--model",
                "glmm-logit",
                "--formula",
                (String) exp.get("formula"),
                "--group",
                "site",
                "--nagq",
                "1",
                "--pirls",
                "lme4",
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> got = MiniJson.object(r.out());
        assertClose(
                (Double) got.get("random_intercept_sd"),
                (Double) exp.get("random_intercept_sd"),
                tolerance(exp, "random_intercept_sd"));
        assertClose((Double) got.get("loglik"), (Double) exp.get("loglik"), tolerance(exp, "loglik"));
        for (Map<String, Object> e : rows(exp.get("coefficients"))) {
            Map<String, Object> c = row(got, (String) e.get("term"));
            assertClose((Double) c.get("estimate"), (Double) e.get("estimate"), tolerance(exp, "estimate"));
            assertClose((Double) c.get("std_error"), (Double) e.get("std_error"), tolerance(exp, "std_error"));
        }
    }

    @Test
    void prints_a_readable_table_by_default() {
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "poisson",
                "--formula",
                "n_suspects ~ ht_type + federal");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Model: poisson")
                .contains("intercept")
                .contains("ht_type=sex")
                .contains("AIC");
    }

    @Test
    void a_missing_column_exits_2_and_names_it() {
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "logit",
                "--formula",
                "prosecuted ~ ht_type + no_such_column");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no_such_column").contains("no such column");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_text_outcome_exits_2_and_names_it() {
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "ols",
                "--formula",
                "site ~ federal");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'site'").contains("numeric");
    }

    @Test
    void a_logit_outcome_other_than_0_1_exits_2_and_names_it() {
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "logit",
                "--formula",
                "n_suspects ~ federal");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'n_suspects'").contains("0/1");
    }

    @Test
    void a_singular_design_exits_2_and_names_the_aliased_terms(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("singular.csv");
        Files.writeString(csv, "y,x,x2,z\n1,1,2,5\n0,2,4,3\n1,3,6,8\n0,4,8,1\n1,5,10,2\n0,6,12,7\n");
        CommandRun r = CommandRun.of(
                new FitCommand(), "--data", csv.toString(), "--model", "ols", "--formula", "y ~ x + z + x2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("singular").contains("x2");
    }

    @Test
    void a_bad_option_value_exits_2() {
        CommandRun r = CommandRun.of(
                new FitCommand(),
                "--data",
                LOGIT.resolve("data.csv").toString(),
                "--model",
                "probit",
                "--formula",
                "prosecuted ~ federal");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("probit");
    }

    @Test
    void help_documents_the_exit_codes() {
        CommandRun r = CommandRun.of(new FitCommand(), "--help");
        assertThat(r.out()).contains("Exit codes").contains("2").contains("glmm-logit");
    }

    static Map<String, Object> expected(Path folder) {
        try {
            return MiniJson.object(Files.readString(folder.resolve("expected.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Object list) {
        return (List<Map<String, Object>>) list;
    }

    static Map<String, Object> row(Map<String, Object> got, String term) {
        return rows(got.get("coefficients")).stream()
                .filter(c -> term.equals(c.get("term")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no coefficient " + term));
    }

    @SuppressWarnings("unchecked")
    static double tolerance(Map<String, Object> exp, String kind) {
        return (Double) ((Map<String, Object>) exp.get("tolerance")).get(kind);
    }

    /** |a - e| <= tol * max(1, |e|), as the reference tolerances are meant. */
    static void assertClose(double actual, double expected, double tol) {
        assertThat(Math.abs(actual - expected))
                .as("got %s, expected %s", actual, expected)
                .isLessThanOrEqualTo(tol * Math.max(1, Math.abs(expected)));
    }
}

package org.tfeval.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.tfeval.snapshot.Snapshot;

/** Independent answers for the tests: SQL over the snapshot's Parquet files (DuckDB) and R. */
final class Oracles {
    /** Set to 1 to skip (not fail) tests whose oracle is an external program that is not installed. */
    static final String SKIP_EXTERNAL = "TFEVAL_SKIP_EXTERNAL";

    private Oracles() {}

    /** A query over the snapshot with {@code {case}}, {@code {suspect}}, ... replaced by the datasets; returns the first column as longs. */
    static List<Long> longs(Snapshot s, String sql) {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(expand(s, sql))) {
            while (rs.next()) out.add(rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static long count(Snapshot s, String sql) {
        return longs(s, sql).get(0);
    }

    /** Rows of a query as string arrays. */
    static List<String[]> rows(Snapshot s, String sql) {
        List<String[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(expand(s, sql))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] r = new String[n];
                for (int i = 0; i < n; i++) r[i] = rs.getString(i + 1);
                out.add(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String expand(Snapshot s, String sql) {
        for (String f : List.of("task_force", "case", "victim", "suspect", "offense")) {
            sql = sql.replace("{" + f + "}", "read_parquet('" + s.dataset(f) + "')");
        }
        return sql;
    }

    /**
     * Runs an R script and returns its standard output. Fails when Rscript is missing, unless
     * {@value #SKIP_EXTERNAL}=1, which skips the test instead.
     */
    static String r(String script) {
        Path rscript = Path.of("/usr/bin/Rscript");
        if (!Files.isExecutable(rscript)) {
            Assumptions.assumeFalse(
                    "1".equals(System.getenv(SKIP_EXTERNAL)), "Rscript is not installed (" + SKIP_EXTERNAL + "=1)");
            throw new AssertionError(
                    "Rscript is not installed: install r-base-core (or set " + SKIP_EXTERNAL + "=1 to skip)");
        }
        try {
            Path file = Files.createTempFile("tfeval-oracle-", ".R");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(rscript.toString(), "--vanilla", file.toString())
                    .redirectErrorStream(false)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("Rscript failed: %s", err).isZero();
            Files.delete(file);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Numbers printed by R with {@code cat(sprintf("%.15g\n", x))}. */
    static double[] numbers(String rOutput) {
        return rOutput.lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty())
                .mapToDouble(Double::parseDouble)
                .toArray();
    }
}

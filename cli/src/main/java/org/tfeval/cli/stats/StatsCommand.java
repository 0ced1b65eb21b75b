package org.tfeval.cli.stats;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tfeval.cli.OutputFormat;
import org.tfeval.instrument.MissingCode;
import org.tfeval.stats.frame.CsvFrameReader;
import org.tfeval.stats.frame.DataFrame;
import org.tfeval.stats.frame.MissingCodes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the statistics commands share: the {@code --data} and {@code --format} options and reading the
 * CSV. Bad input (absent column, unusable values, singular design, bad option) is mapped to exit code
 * 2 by the command line's one failure handler, with one line on stderr naming the column or option.
 */
abstract class StatsCommand implements Callable<Integer> {

    /** Done. */
    static final int OK = 0;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
    Path data;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "table|json",
            description = "Output: table (default) or json.")
    OutputFormat format;

    @Option(
            names = "--missing-codes",
            defaultValue = "reserved",
            paramLabel = "LIST",
            description = {
                "Numeric codes read as missing: reserved (default: tfeval's reserved missing codes "
                        + "-9, -8, -7, -6), none, or a comma-separated list such as -9,-8,99.",
                "Rows holding one in a column the command uses are left out and counted per column."
            })
    String missingCodes;

    /** The frame after recoding missing codes, and the counts; set by {@link #call}. */
    MissingCodes.Recoded recoded;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DataFrame frame = CsvFrameReader.standard().read(data);
        recoded = codes().applyTo(frame);
        String text = run(recoded.frame());
        out.print(text);
        if (!text.endsWith("\n")) {
            out.println();
        }
        out.flush();
        return OK;
    }

    /** The parsed {@code --missing-codes}. */
    MissingCodes codes() {
        String text = missingCodes.trim().toLowerCase(Locale.ROOT);
        if (text.equals("reserved")) {
            return MissingCodes.of(Arrays.stream(MissingCode.values())
                    .map(c -> (long) c.code())
                    .toList());
        }
        if (text.equals("none")) {
            return MissingCodes.none();
        }
        List<Long> list = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                list.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--missing-codes takes reserved, none or whole numbers separated by commas, got '" + part.trim()
                                + "'");
            }
        }
        return MissingCodes.of(list);
    }

    /**
     * JSON block for the output: the codes read as missing and, per used column, the rows holding one
     * (which the command left out).
     */
    Map<String, Object> missingJson(Collection<String> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codes", codes().codes());
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String c : columns) {
            if (recoded.codedIn(c) > 0) {
                rows.put(c, recoded.codedIn(c));
            }
        }
        m.put("rows_dropped_by_column", rows);
        return m;
    }

    /** One line for tables: the codes and the rows left out per used column. */
    String missingText(Collection<String> columns) {
        MissingCodes mc = codes();
        if (mc.isEmpty()) {
            return "missing codes: none (every value taken as it stands)\n";
        }
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            int k = recoded.codedIn(c);
            if (k > 0) {
                parts.add(c + " " + k + (k == 1 ? " row" : " rows"));
            }
        }
        String codes =
                String.join(", ", mc.codes().stream().map(String::valueOf).toList());
        return "missing codes " + codes + " read as missing; rows left out for a code: "
                + (parts.isEmpty() ? "none" : String.join(", ", parts)) + "\n";
    }

    /** Computes and renders the result in the chosen {@link #format}. */
    abstract String run(DataFrame frame);

    /** The parsed {@code --format}. */
    OutputFormat outputFormat() {
        return format;
    }

    /** Fixed-width number for tables. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e7)) {
            return String.format("%.4e", v);
        }
        return String.format("%.6f", v);
    }

    /** p-value text for tables. */
    static String pval(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        return p < 1e-4 ? String.format("%.2e", p) : String.format("%.4f", p);
    }
}

package org.tfeval.cli.stats;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tfeval.cli.OutputFormat;
import org.tfeval.stats.frame.CsvFrameReader;
import org.tfeval.stats.frame.DataFrame;
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

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DataFrame frame = CsvFrameReader.standard().read(data);
        String text = run(frame);
        out.print(text);
        if (!text.endsWith("\n")) {
            out.println();
        }
        out.flush();
        return OK;
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

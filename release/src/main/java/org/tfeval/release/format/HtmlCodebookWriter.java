package org.tfeval.release.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.NumericStats;
import org.tfeval.release.summary.VariableSummary;

/**
 * A self-contained HTML codebook: an index of variables, then for each variable its label,
 * question text, type and format, counts of valid, system-missing and coded-missing cells, summary
 * statistics, and a table of codes with labels and frequencies. With {@link
 * WriteOptions#suppressBelow()} set to k, frequencies from 1 to k - 1 print as "&lt;k" (and their
 * percentages are left out).
 */
public final class HtmlCodebookWriter implements DatasetWriter {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}
            th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.missing td{color:#666;font-style:italic}
            section{border-top:2px solid #ddd;margin-top:1.5rem}
            .q{font-style:italic}""";

    private final WriteOptions options;

    public HtmlCodebookWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        DatasetSummary summary = DatasetSummary.compute(spec, rows);
        Files.writeString(target, html(spec, summary), StandardCharsets.UTF_8);
        return new WrittenFile(target, FileFormat.HTML_CODEBOOK, summary.rowCount());
    }

    String html(DatasetSpec spec, DatasetSummary summary) {
        Suppression suppression = new Suppression(options.suppressBelow());
        String title = spec.label().isEmpty() ? spec.name() : spec.label() + " (" + spec.name() + ")";
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.append("<title>Codebook: ").append(esc(title)).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n");
        b.append("<h1>Codebook: ").append(esc(title)).append("</h1>\n");
        b.append("<p>").append(summary.rowCount()).append(" rows, ").append(spec.size()).append(" variables. Written ")
                .append(esc(options.timestamp().toString())).append(" by tfeval-release.");
        options.suppressBelow().ifPresent(k -> b.append(" Frequencies from 1 to ").append(k - 1)
                .append(" are shown as &lt;").append(k).append("; ").append(Suppression.COMPLEMENTARY)
                .append(" marks a count hidden so that a hidden count cannot be worked out from the totals."));
        b.append("</p>\n<p>Reserved missing codes: ").append(MissingCode.legend()).append(".</p>\n");

        b.append("<table id=\"variables\">\n<tr><th>Variable</th><th>Label</th><th>Type</th></tr>\n");
        for (VariableSpec v : spec.variables()) {
            b.append("<tr><td><a href=\"#var-").append(esc(v.name())).append("\">").append(esc(v.name()))
                    .append("</a></td><td>").append(esc(v.label())).append("</td><td>").append(typeText(v))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");

        for (int i = 0; i < spec.size(); i++) {
            variable(b, spec.variable(i), summary.variables().get(i), summary.rowCount(), suppression);
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static void variable(StringBuilder b, VariableSpec v, VariableSummary s, long rows, Suppression suppression) {
        Suppression.Cells sup = suppression.cells(v, s);
        b.append("<section id=\"var-").append(esc(v.name())).append("\">\n<h2>").append(esc(v.name()));
        if (!v.label().isEmpty()) {
            b.append(": ").append(esc(v.label()));
        }
        b.append("</h2>\n");
        if (!v.question().isEmpty()) {
            b.append("<p class=\"q\">").append(esc(v.question())).append("</p>\n");
        }
        b.append("<table class=\"summary\">\n");
        row(b, "Type", typeText(v));
        row(b, "Valid", sup.valid());
        row(b, "System missing", sup.systemMissing());
        for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
            row(b, "Missing " + e.getKey().code() + " (" + e.getValue() + ")", sup.missing(e.getKey()));
        }
        if (s.numeric().isPresent()) {
            NumericStats n = s.numeric().get();
            row(b, "Minimum", number(n.min(), v));
            row(b, "Maximum", number(n.max(), v));
            row(b, "Mean", CsvWriter.plain(round(n.mean())));
            row(b, "Standard deviation", n.standardDeviation().isPresent()
                    ? CsvWriter.plain(round(n.standardDeviation().getAsDouble())) : "&#8212;");
        }
        s.earliest().ifPresent(d -> row(b, "Earliest", d.toString()));
        s.latest().ifPresent(d -> row(b, "Latest", d.toString()));
        if (v.kind() == VariableKind.STRING) {
            row(b, "Longest value (bytes)", Integer.toString(s.maxLength()));
        }
        b.append("</table>\n");

        if (!s.frequencies().isEmpty() || !v.missingCodes().isEmpty()) {
            b.append("<table class=\"codes\">\n<tr><th>Code</th><th>Label</th><th>Frequency</th><th>Percent</th></tr>\n");
            for (Map.Entry<Long, Long> e : s.frequencies().entrySet()) {
                codeRow(b, "", e.getKey(), v.valueLabels().getOrDefault(e.getKey(), ""), e.getValue(), rows,
                        sup.frequency(e.getKey()), sup.hidesFrequency(e.getKey()));
            }
            for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
                codeRow(b, " class=\"missing\"", e.getKey().code(), e.getValue(), s.missing(e.getKey()), rows,
                        sup.missing(e.getKey()), sup.hidesMissing(e.getKey()));
            }
            if (!s.frequenciesComplete()) {
                b.append("<tr><td colspan=\"4\">More distinct values than the codebook counts.</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</section>\n");
    }

    private static void codeRow(StringBuilder b, String cls, long code, String label, long count, long rows,
            String countText, boolean hidden) {
        String percent = hidden || rows == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * count / rows);
        b.append("<tr").append(cls).append("><td class=\"n\">").append(code).append("</td><td>").append(esc(label))
                .append("</td><td class=\"n\">").append(esc(countText)).append("</td><td class=\"n\">")
                .append(percent).append("</td></tr>\n");
    }

    private static void row(StringBuilder b, String name, String valueHtml) {
        b.append("<tr><th>").append(esc(name)).append("</th><td class=\"n\">").append(esc(valueHtml)).append("</td></tr>\n");
    }

    static String typeText(VariableSpec v) {
        return switch (v.kind()) {
            case INTEGER -> "integer";
            case DECIMAL -> "decimal, " + v.type().decimals() + " decimals";
            case STRING -> "text, up to " + v.type().width() + " bytes";
            case DATE -> "date (YYYY-MM-DD)";
        };
    }

    static String number(double d, VariableSpec v) {
        return v.kind() == VariableKind.INTEGER ? Long.toString((long) d) : CsvWriter.plain(d);
    }

    /** Four significant decimals are plenty for a codebook. */
    static double round(double d) {
        return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).doubleValue();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

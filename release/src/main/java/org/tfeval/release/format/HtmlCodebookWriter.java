package org.tfeval.release.format;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableKind;
import org.tfeval.release.dataset.VariableSpec;
import org.tfeval.release.summary.DatasetSummary;
import org.tfeval.release.summary.VariableSummary;

/**
 * A self-contained HTML codebook: an index of variables, then for each variable its label,
 * question text, type and format, counts of valid, system-missing and coded-missing cells, summary
 * statistics, and a table of codes with labels and frequencies. With {@link
 * WriteOptions#suppressBelow()} set to k, frequencies from 1 to k - 1 print as "&lt;k" (and their
 * percentages are left out). Rendered by the template {@code format/codebook.jte}, which escapes
 * every value.
 */
public final class HtmlCodebookWriter implements DatasetWriter {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(
            null, ContentType.Html, HtmlCodebookWriter.class.getClassLoader(), "org.tfeval.release");

    private final WriteOptions options;

    public HtmlCodebookWriter(WriteOptions options) {
        this.options = options;
    }

    /**
     * What the template prints.
     *
     * @param suppressBelow the threshold k, or null when nothing is hidden
     */
    record Page(
            String title,
            long rows,
            String written,
            Integer suppressBelow,
            String complementaryMark,
            String reservedCodes,
            List<Section> sections) {}

    /** One variable. */
    record Section(
            String name,
            String label,
            String type,
            String question,
            List<Line> summary,
            boolean codeTable,
            List<CodeLine> codes,
            boolean incomplete) {}

    /** A row of the summary table. */
    record Line(String name, String value) {}

    /** A row of the code table. */
    record CodeLine(boolean missing, long code, String label, String count, String percent) {}

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        DatasetSummary summary = DatasetSummary.compute(spec, rows);
        Files.writeString(target, html(spec, summary), StandardCharsets.UTF_8);
        return new WrittenFile(target, FileFormat.HTML_CODEBOOK, summary.rowCount());
    }

    String html(DatasetSpec spec, DatasetSummary summary) {
        Suppression suppression = new Suppression(options.suppressBelow());
        String title = spec.label().isEmpty() ? spec.name() : spec.label() + " (" + spec.name() + ")";
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < spec.size(); i++) {
            sections.add(section(
                    spec.variable(i),
                    summary.variables().get(i),
                    summary.rowCount(),
                    suppression,
                    options.notesOf(spec.variable(i).name())));
        }
        Page page = new Page(
                title,
                summary.rowCount(),
                options.timestamp().toString(),
                options.suppressBelow().isPresent() ? options.suppressBelow().getAsInt() : null,
                Suppression.COMPLEMENTARY,
                ReservedCodes.sentence(),
                sections);
        StringOutput out = new StringOutput();
        TEMPLATES.render("format/codebook.jte", page, out);
        return out.toString();
    }

    private static Section section(
            VariableSpec v, VariableSummary s, long rows, Suppression suppression, VariableNotes notes) {
        Suppression.Cells sup = suppression.cells(v, s);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Type", typeText(v)));
        lines.add(new Line("Valid", sup.valid()));
        lines.add(new Line("System missing", sup.systemMissing()));
        for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
            lines.add(new Line("Missing " + e.getKey().code() + " (" + e.getValue() + ")", sup.missing(e.getKey())));
        }
        if (!notes.universe().isEmpty()) {
            lines.add(new Line("Universe", notes.universe()));
        }
        if (!notes.derivation().isEmpty()) {
            lines.add(new Line("Derivation", notes.derivation()));
        }
        PrintedStatistics printed = PrintedStatistics.of(suppression.threshold());
        if (printed.withheld(s, sup)) {
            lines.add(new Line("Mean, SD and range", PrintedStatistics.WITHHELD_NOTE));
        }
        for (PrintedStatistics.Stat stat : printed.of(v, s, sup)) {
            lines.add(new Line(stat.label(), stat.value()));
        }
        if (v.kind() == VariableKind.STRING) {
            lines.add(new Line("Longest value (bytes)", Integer.toString(s.maxLength())));
        }
        List<CodeLine> codes = new ArrayList<>();
        for (Map.Entry<Long, Long> e : s.frequencies().entrySet()) {
            codes.add(codeLine(
                    false,
                    e.getKey(),
                    v.valueLabels().getOrDefault(e.getKey(), ""),
                    e.getValue(),
                    rows,
                    sup.frequency(e.getKey()),
                    sup.hidesFrequency(e.getKey())));
        }
        for (Map.Entry<MissingCode, String> e : v.missingCodes().entrySet()) {
            codes.add(codeLine(
                    true,
                    e.getKey().code(),
                    e.getValue(),
                    s.missing(e.getKey()),
                    rows,
                    sup.missing(e.getKey()),
                    sup.hidesMissing(e.getKey())));
        }
        boolean codeTable = !s.frequencies().isEmpty() || !v.missingCodes().isEmpty();
        return new Section(
                v.name(),
                v.label(),
                typeText(v),
                v.question(),
                lines,
                codeTable,
                codes,
                codeTable && !s.frequenciesComplete());
    }

    private static CodeLine codeLine(
            boolean missing, long code, String label, long count, long rows, String countText, boolean hidden) {
        String percent = hidden || rows == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * count / rows);
        return new CodeLine(missing, code, label, countText, percent);
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
}

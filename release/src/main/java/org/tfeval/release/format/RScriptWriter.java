package org.tfeval.release.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import org.tfeval.instrument.MissingCode;
import org.tfeval.release.dataset.DatasetSpec;
import org.tfeval.release.dataset.RowSource;
import org.tfeval.release.dataset.VariableSpec;

/**
 * An R script that reads the CSV file with {@code utils::read.csv} into a data frame named after
 * the dataset and applies labels with the haven package.
 *
 * <ul>
 *   <li>Numeric variables with value labels or missing codes become {@code haven::labelled_spss}
 *       vectors: the reserved codes keep their numbers and labels and are declared user-missing
 *       ({@code na_values}, or {@code na_range = c(-9, -6)} for all four), so {@code is.na()} is
 *       TRUE for them and {@code haven::zap_missing()} turns them into NA.
 *   <li>Other numeric and string variables get their label through {@code haven::labelled} or the
 *       {@code label} attribute; empty strings are read as NA.
 *   <li>Dates become {@code Date}; their missing codes become NA (a Date cannot hold -9).
 * </ul>
 * Non-ASCII text is written as {@code \\u} escapes, so the script runs in any locale.
 */
public final class RScriptWriter implements DatasetWriter {

    private final WriteOptions options;

    public RScriptWriter(WriteOptions options) {
        this.options = options;
    }

    @Override
    public WrittenFile write(DatasetSpec spec, RowSource rows, Path target) throws IOException {
        SetupFiles.write(target, script(spec));
        return new WrittenFile(target, FileFormat.R_SCRIPT, 0);
    }

    String script(DatasetSpec spec) {
        String dataFile = options.dataFileNameFor(spec.name());
        String df = spec.name();
        StringBuilder b = new StringBuilder(SetupFiles.header("#", spec, dataFile, "R"));
        b.append("# Needs the haven package.\n\n");
        StringJoiner classes = new StringJoiner(",\n    ", "c(\n    ", ")");
        for (VariableSpec v : spec.variables()) {
            String cls = switch (v.kind()) {
                case INTEGER, DECIMAL -> "numeric";
                case STRING, DATE -> "character";
            };
            classes.add(string(v.name()) + " = \"" + cls + "\"");
        }
        b.append(df)
                .append(" <- utils::read.csv(")
                .append(string(dataFile))
                .append(", header = TRUE, colClasses = ")
                .append(classes)
                .append(",\n  na.strings = \"\", encoding = \"UTF-8\", fileEncoding = \"UTF-8\", check.names = FALSE,")
                .append(" stringsAsFactors = FALSE)\n\n");
        for (VariableSpec v : spec.variables()) {
            String col = df + "[[" + string(v.name()) + "]]";
            String label = v.label().isEmpty() ? "NULL" : string(v.label());
            switch (v.kind()) {
                case INTEGER, DECIMAL -> {
                    if (v.hasCodeLabels()) {
                        b.append(col)
                                .append(" <- haven::labelled_spss(")
                                .append(col)
                                .append(",\n  labels = ")
                                .append(labels(v))
                                .append(",\n  ")
                                .append(missing(v))
                                .append(", label = ")
                                .append(label)
                                .append(")\n");
                    } else {
                        b.append(col)
                                .append(" <- haven::labelled(")
                                .append(col)
                                .append(", label = ")
                                .append(label)
                                .append(")\n");
                    }
                }
                case STRING ->
                    b.append("attr(")
                            .append(col)
                            .append(", \"label\") <- ")
                            .append(label)
                            .append('\n');
                case DATE -> {
                    StringJoiner codes = new StringJoiner(", ", "c(", ")");
                    for (MissingCode code : MissingCode.values()) {
                        codes.add("\"" + code.code() + "\"");
                    }
                    b.append(col)
                            .append("[")
                            .append(col)
                            .append(" %in% ")
                            .append(codes)
                            .append("] <- NA\n");
                    b.append(col)
                            .append(" <- structure(as.Date(")
                            .append(col)
                            .append(", format = \"%Y-%m-%d\"), label = ")
                            .append(label)
                            .append(")\n");
                }
                default -> throw new AssertionError(v.kind());
            }
        }
        if (!spec.label().isEmpty()) {
            b.append("attr(")
                    .append(df)
                    .append(", \"label\") <- ")
                    .append(string(spec.label()))
                    .append('\n');
        }
        return b.toString();
    }

    private static String labels(VariableSpec v) {
        StringJoiner j = new StringJoiner(", ", "c(", ")");
        for (Map.Entry<Long, String> e : SpssSyntaxWriter.codeLabels(v).entrySet()) {
            j.add(string(e.getValue()) + " = " + e.getKey());
        }
        return j.toString();
    }

    private static String missing(VariableSpec v) {
        double[] values = SpssWriter.missingValues(v);
        StringJoiner j = new StringJoiner(", ", "c(", ")");
        for (double d : values) {
            j.add(Long.toString((long) d));
        }
        if (v.missingCodes().isEmpty()) {
            return "na_values = NULL";
        }
        return (v.missingCodes().size() == MissingCode.values().length ? "na_range = " : "na_values = ") + j;
    }

    /** An R string literal; non-ASCII characters as \\u or \\U escapes. */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (cp >= 0x20 && cp < 0x7F) {
                        b.append((char) cp);
                    } else if (cp <= 0xFFFF) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}

package org.tfeval.measures.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.measures.MeasureValue;

/** Writes values as a measure file (the import's columns, plus the measure's label for people). */
public final class MeasureFileWriter {
    /** The extra column a person reads; the import ignores it. */
    public static final String LABEL_COLUMN = "MEASURE_LABEL";

    private MeasureFileWriter() {}

    /** Writes the values in the given order. */
    public static void write(Path file, List<MeasureValue> values, MeasureCatalogue catalogue) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            p.printRecord(
                    Column.TF_ID,
                    Column.SYSTEM,
                    Column.AWARD,
                    Column.PERIOD_START,
                    Column.PERIOD_END,
                    Column.MEASURE_ID,
                    LABEL_COLUMN,
                    Column.DISAGGREGATION,
                    Column.VALUE);
            for (MeasureValue v : values) {
                p.printRecord(
                        v.tfId(),
                        v.grantee().code(),
                        v.award(),
                        v.quarter().start(),
                        v.quarter().end(),
                        v.measureId(),
                        catalogue.find(v.measureId()).map(m -> m.label()).orElse(""),
                        v.disaggregation().cell(),
                        v.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes raw rows (the synthetic files with planted errors), one string per column of {@link Column}. */
    public static void writeRaw(Path file, List<List<String>> rows) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            p.printRecord((Object[]) Column.values());
            for (List<String> r : rows) p.printRecord(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

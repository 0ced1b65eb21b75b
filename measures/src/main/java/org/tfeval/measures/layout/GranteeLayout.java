package org.tfeval.measures.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tfeval.instrument.measures.Dimension;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.file.MeasureFileWriter;

/**
 * Writes values in the grantees' layout: one CSV per task force, system and quarter
 * ({@code TF01_LE_FY2020Q1.csv}), rows in catalogue order (each measure's total, then its categories in
 * the catalogue's order), in the columns of the import so a file can be imported again unchanged.
 */
public final class GranteeLayout {
    private GranteeLayout() {}

    /** The file name of one grantee's quarter. */
    public static String fileName(
            String tfId, org.tfeval.instrument.measures.Grantee g, org.tfeval.measures.FiscalQuarter q) {
        return tfId + "_" + g.code() + "_" + q.code() + ".csv";
    }

    /** Writes the files into {@code dir}; returns them in name order. */
    public static List<Path> write(Path dir, List<MeasureValue> values, MeasureCatalogue catalogue) {
        Map<String, Integer> order = new HashMap<>();
        int i = 0;
        for (Measure m : catalogue.measures()) {
            order.put(m.id() + "|", i++);
            for (Dimension d : m.disaggregations())
                for (String c : d.values()) order.put(m.id() + "|" + d.name() + "=" + c, i++);
        }
        Map<String, List<MeasureValue>> byFile = new TreeMap<>();
        for (MeasureValue v : values)
            byFile.computeIfAbsent(fileName(v.tfId(), v.grantee(), v.quarter()), k -> new ArrayList<>())
                    .add(v);
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        for (Map.Entry<String, List<MeasureValue>> e : byFile.entrySet()) {
            List<MeasureValue> vs = new ArrayList<>(e.getValue());
            vs.sort(Comparator.comparingInt(v ->
                    order.getOrDefault(v.measureId() + "|" + v.disaggregation().cell(), Integer.MAX_VALUE)));
            Path f = dir.resolve(e.getKey());
            MeasureFileWriter.write(f, vs, catalogue);
            out.add(f);
        }
        return out;
    }
}

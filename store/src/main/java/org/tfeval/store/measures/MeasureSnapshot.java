package org.tfeval.store.measures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tfeval.instrument.measures.Grantee;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.measures.Disaggregation;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.compare.CaseRecord;
import org.tfeval.measures.compare.Comparison;
import org.tfeval.measures.compare.Difference;
import org.tfeval.measures.frozen.FrozenMeasures;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.store.Store;

/**
 * Reads what a snapshot freezes of the performance measures, on the snapshot's own connection and
 * transaction: the reported values with their catalogue version, the case-file counts with the records behind
 * them, and the reconciliation with its recorded explanations.
 */
public final class MeasureSnapshot {
    private MeasureSnapshot() {}

    /** Whether any performance measure is stored. */
    public static boolean any(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM measure_value)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The study's measures under this catalogue; empty when none is stored (the snapshot then holds none). */
    public static Optional<FrozenMeasures> read(Connection c, Store store, MeasureCatalogue cat, String yaml)
            throws SQLException {
        if (!any(c)) return Optional.empty();
        List<FrozenMeasures.Reported> reported = reported(c);
        List<MeasureValue> values =
                reported.stream().map(FrozenMeasures.Reported::value).toList();
        Map<String, List<CaseRecord>> records = new LinkedHashMap<>();
        for (Measure m : cat.computable())
            records.put(m.id(), MeasureTables.caseRecords(c, store, m.computed(), null, null));
        return Optional.of(new FrozenMeasures(
                cat,
                yaml,
                catalogues(c),
                reported,
                compare(cat, values, records, null),
                records,
                Reconciler.of(cat).reconcile(values, MeasureTables.notes(c))));
    }

    /**
     * Reported totals beside the counts of the coded case-file records, for every computable measure, task force
     * (or one) and quarter that has either.
     */
    public static List<Comparison> compare(
            MeasureCatalogue cat, List<MeasureValue> values, Map<String, List<CaseRecord>> records, String tfId) {
        List<Comparison> out = new ArrayList<>();
        for (Measure m : cat.computable()) {
            Map<String, TreeMap<FiscalQuarter, long[]>> by = new TreeMap<>();
            for (MeasureValue v : values) {
                if (v.measureId().equals(m.id())
                        && v.disaggregation().isTotal()
                        && (tfId == null || v.tfId().equals(tfId)))
                    by.computeIfAbsent(v.tfId(), k -> new TreeMap<>())
                                    .computeIfAbsent(v.quarter(), k -> new long[] {-1, 0})[0] =
                            v.value();
            }
            for (CaseRecord r : records.getOrDefault(m.id(), List.of())) {
                if (tfId != null && !r.tfId().equals(tfId)) continue;
                by.computeIfAbsent(r.tfId(), k -> new TreeMap<>())
                        .computeIfAbsent(FiscalQuarter.of(r.date()), k -> new long[] {-1, 0})[1]++;
            }
            by.forEach((tf, qs) -> qs.forEach((q, rc) -> {
                Long rep = rc[0] < 0 ? null : rc[0];
                out.add(new Comparison(tf, m.id(), q, rep, rc[1], Difference.of(rep, rc[1])));
            }));
        }
        return out;
    }

    /** Every stored value with the catalogue version it was reported under. */
    public static List<FrozenMeasures.Reported> reported(Connection c) throws SQLException {
        List<FrozenMeasures.Reported> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tf_id, system, award, period_start, measure_id, disaggregation,"
                        + " value, catalogue_version FROM measure_value"
                        + " ORDER BY tf_id, system, period_start, measure_id, disaggregation")) {
            while (rs.next()) {
                out.add(new FrozenMeasures.Reported(
                        new MeasureValue(
                                rs.getString(1),
                                Grantee.ofCodeOrNull(rs.getString(2)),
                                rs.getString(3),
                                FiscalQuarter.of(rs.getDate(4).toLocalDate()),
                                rs.getString(5),
                                Disaggregation.parse(rs.getString(6)),
                                rs.getLong(7)),
                        rs.getString(8)));
            }
        }
        return out;
    }

    /** The stored catalogue versions. */
    public static List<FrozenMeasures.CatalogueVersion> catalogues(Connection c) throws SQLException {
        List<FrozenMeasures.CatalogueVersion> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT version, catalogue_id, sha256 FROM measure_catalogue ORDER BY version")) {
            while (rs.next())
                out.add(new FrozenMeasures.CatalogueVersion(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
        return out;
    }
}

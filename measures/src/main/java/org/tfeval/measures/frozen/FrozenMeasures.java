package org.tfeval.measures.frozen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.tfeval.instrument.measures.Grantee;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.MeasureCatalogueLoader;
import org.tfeval.measures.Disaggregation;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.compare.CaseRecord;
import org.tfeval.measures.compare.Comparison;
import org.tfeval.measures.compare.Difference;
import org.tfeval.measures.reconcile.GapKind;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.snapshot.MeasureDataset;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.write.MeasureSource;

/**
 * The performance measures of a study as a snapshot freezes them, and as reports read them back.
 *
 * @param catalogue      the catalogue in force
 * @param catalogueYaml  its YAML text
 * @param catalogues     every catalogue version values were stored under
 * @param reported       every reported value with the catalogue version it was reported under, in key order
 * @param comparisons    reported totals beside the case-file counts
 * @param caseRecords    by measure ID, the coded records behind the computed counts
 * @param reconciliation LE vs VS per task force, pair and quarter, with the explanations recorded
 */
public record FrozenMeasures(
        MeasureCatalogue catalogue,
        String catalogueYaml,
        List<CatalogueVersion> catalogues,
        List<Reported> reported,
        List<Comparison> comparisons,
        Map<String, List<CaseRecord>> caseRecords,
        List<ReconciliationRow> reconciliation) {

    public FrozenMeasures {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(catalogueYaml, "catalogueYaml");
        catalogues = List.copyOf(catalogues);
        reported = List.copyOf(reported);
        comparisons = List.copyOf(comparisons);
        Map<String, List<CaseRecord>> c = new TreeMap<>();
        caseRecords.forEach((k, v) -> c.put(k, List.copyOf(v)));
        caseRecords = java.util.Collections.unmodifiableMap(c);
        reconciliation = List.copyOf(reconciliation);
    }

    /**
     * A stored catalogue version.
     *
     * @param version     the version
     * @param catalogueId the catalogue's id
     * @param sha256      the hash of its YAML
     */
    public record CatalogueVersion(String version, String catalogueId, String sha256) {
        public CatalogueVersion {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(catalogueId, "catalogueId");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * A reported value and the catalogue version it was reported under.
     *
     * @param value            the value
     * @param catalogueVersion the catalogue version
     */
    public record Reported(MeasureValue value, String catalogueVersion) {
        public Reported {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(catalogueVersion, "catalogueVersion");
        }
    }

    /** The reported values without their catalogue version. */
    public List<MeasureValue> values() {
        return reported.stream().map(Reported::value).toList();
    }

    /** The snapshot writer's source of these measures (rows in key order, so the same data give the same files). */
    public MeasureSource source() {
        return new MeasureSource() {
            @Override
            public String catalogueId() {
                return catalogue.id();
            }

            @Override
            public String catalogueVersion() {
                return catalogue.version();
            }

            @Override
            public String catalogueYaml() {
                return catalogueYaml;
            }

            @Override
            public long export(MeasureDataset dataset, Path csv) throws IOException {
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                        CSVPrinter p = new CSVPrinter(w, CSV)) {
                    return write(dataset, p);
                }
            }
        };
    }

    /** Quoted text and numbers, NULL as an empty unquoted field: the snapshot's CSV convention. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setNullString("")
            .setQuoteMode(QuoteMode.ALL_NON_NULL)
            .setRecordSeparator("\n")
            .get();

    private long write(MeasureDataset d, CSVPrinter p) throws IOException {
        long n = 0;
        switch (d) {
            case CATALOGUES -> {
                List<CatalogueVersion> sorted = new ArrayList<>(catalogues);
                sorted.sort(Comparator.comparing(CatalogueVersion::version));
                for (CatalogueVersion c : sorted) {
                    p.printRecord(c.version(), c.catalogueId(), c.sha256());
                    n++;
                }
            }
            case REPORTED -> {
                List<Reported> sorted = new ArrayList<>(reported);
                sorted.sort(REPORTED_ORDER);
                for (Reported r : sorted) {
                    MeasureValue v = r.value();
                    p.printRecord(
                            v.tfId(),
                            v.grantee().code(),
                            v.award(),
                            v.measureId(),
                            v.disaggregation().cell(),
                            v.quarter().start(),
                            v.quarter().end(),
                            v.value(),
                            r.catalogueVersion());
                    n++;
                }
            }
            case COMPUTED -> {
                List<Comparison> sorted = new ArrayList<>(comparisons);
                sorted.sort(Comparator.comparing(Comparison::tfId)
                        .thenComparing(Comparison::measureId)
                        .thenComparing(Comparison::quarter));
                for (Comparison c : sorted) {
                    p.printRecord(
                            c.tfId(),
                            c.measureId(),
                            c.quarter().start(),
                            c.reported(),
                            c.computed(),
                            c.difference().name());
                    n++;
                }
            }
            case CASE_RECORDS -> {
                for (Map.Entry<String, List<CaseRecord>> e : caseRecords.entrySet()) {
                    List<CaseRecord> sorted = new ArrayList<>(e.getValue());
                    sorted.sort(Comparator.comparing(CaseRecord::tfId)
                            .thenComparing(CaseRecord::date)
                            .thenComparing(CaseRecord::recordId));
                    for (CaseRecord r : sorted) {
                        p.printRecord(e.getKey(), r.tfId(), r.recordId(), r.date());
                        n++;
                    }
                }
            }
            case RECONCILIATION -> {
                List<ReconciliationRow> sorted = new ArrayList<>(reconciliation);
                sorted.sort(Comparator.comparing(ReconciliationRow::tfId)
                        .thenComparing(ReconciliationRow::pairId)
                        .thenComparing(ReconciliationRow::quarter));
                for (ReconciliationRow r : sorted) {
                    p.printRecord(
                            r.tfId(),
                            r.pairId(),
                            r.quarter().start(),
                            r.lawEnforcement(),
                            r.victimServices(),
                            r.tolerance(),
                            r.kind().name(),
                            r.explanation());
                    n++;
                }
            }
        }
        return n;
    }

    private static final Comparator<Reported> REPORTED_ORDER = Comparator.comparing(
                    (Reported r) -> r.value().tfId())
            .thenComparing(r -> r.value().grantee())
            .thenComparing(r -> r.value().quarter())
            .thenComparing(r -> r.value().measureId())
            .thenComparing(r -> r.value().disaggregation());

    // ------------------------------------------------------------------ reading a snapshot

    /** The performance measures a snapshot holds; empty when its study had none. */
    public static Optional<FrozenMeasures> read(Snapshot snapshot) {
        if (snapshot.measures().isEmpty()) return Optional.empty();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            String yaml = Files.readString(
                    snapshot.dir().resolve(snapshot.measures().get().catalogueFile()), StandardCharsets.UTF_8);
            MeasureCatalogue cat = MeasureCatalogueLoader.parse(yaml, MeasureDataset.CATALOGUE_FILE);
            List<CatalogueVersion> catalogues = new ArrayList<>();
            List<Reported> reported = new ArrayList<>();
            List<Comparison> comparisons = new ArrayList<>();
            Map<String, List<CaseRecord>> records = new LinkedHashMap<>();
            List<ReconciliationRow> reconciliation = new ArrayList<>();
            try (Statement st = duck.createStatement()) {
                try (ResultSet rs = st.executeQuery(select(snapshot, MeasureDataset.CATALOGUES))) {
                    while (rs.next())
                        catalogues.add(new CatalogueVersion(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
                try (ResultSet rs = st.executeQuery(select(snapshot, MeasureDataset.REPORTED))) {
                    while (rs.next())
                        reported.add(new Reported(
                                new MeasureValue(
                                        rs.getString(1),
                                        Grantee.ofCodeOrNull(rs.getString(2)),
                                        rs.getString(3),
                                        FiscalQuarter.of(date(rs, 6)),
                                        rs.getString(4),
                                        Disaggregation.parse(rs.getString(5)),
                                        rs.getLong(8)),
                                rs.getString(9)));
                }
                try (ResultSet rs = st.executeQuery(select(snapshot, MeasureDataset.COMPUTED))) {
                    while (rs.next()) {
                        long r = rs.getLong(4);
                        Long rep = rs.wasNull() ? null : r;
                        comparisons.add(new Comparison(
                                rs.getString(1),
                                rs.getString(2),
                                FiscalQuarter.of(date(rs, 3)),
                                rep,
                                rs.getLong(5),
                                Difference.valueOf(rs.getString(6))));
                    }
                }
                try (ResultSet rs = st.executeQuery(select(snapshot, MeasureDataset.CASE_RECORDS))) {
                    while (rs.next())
                        records.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new CaseRecord(rs.getString(2), rs.getString(3), date(rs, 4)));
                }
                try (ResultSet rs = st.executeQuery(select(snapshot, MeasureDataset.RECONCILIATION))) {
                    while (rs.next()) {
                        long le = rs.getLong(4);
                        Long leV = rs.wasNull() ? null : le;
                        long vs = rs.getLong(5);
                        Long vsV = rs.wasNull() ? null : vs;
                        reconciliation.add(new ReconciliationRow(
                                rs.getString(1),
                                rs.getString(2),
                                FiscalQuarter.of(date(rs, 3)),
                                leV,
                                vsV,
                                rs.getDouble(6),
                                GapKind.valueOf(rs.getString(7)),
                                rs.getString(8)));
                    }
                }
            }
            return Optional.of(
                    new FrozenMeasures(cat, yaml, catalogues, reported, comparisons, records, reconciliation));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the performance measures of snapshot " + snapshot.id() + " (" + e.getSQLState() + ")",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the performance measures of snapshot " + snapshot.id(), e);
        }
    }

    /**
     * Coded features of every task force from the snapshot's {@code task_force} dataset: feature to level (the
     * code as text) by task-force ID, missing codes left out; features the instrument lacks are left out.
     */
    public static Map<String, Map<String, String>> features(Snapshot snapshot, List<String> variables) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        var ds = snapshot.manifest().dataset(TASK_FORCE_FORM);
        if (ds.isEmpty() || !ds.get().columns().contains(TF_ID)) return out;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            for (String f : variables) {
                if (!ds.get().columns().contains(f)) continue;
                Map<String, String> levels = new TreeMap<>();
                try (ResultSet rs = st.executeQuery("SELECT \"" + TF_ID + "\", \"" + f + "\" FROM read_parquet('"
                        + snapshot.dataset(TASK_FORCE_FORM).toString().replace("'", "''") + "')")) {
                    while (rs.next()) {
                        Object v = rs.getObject(2);
                        if (v == null || (v instanceof Number n && n.doubleValue() < 0)) continue;
                        levels.put(
                                rs.getString(1), v instanceof Number n ? Long.toString(n.longValue()) : v.toString());
                    }
                }
                out.put(f, levels);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the task-force features of snapshot " + snapshot.id() + " (" + e.getSQLState() + ")",
                    e);
        }
        return out;
    }

    /** The case-file form of the task forces, and its ID variable. */
    static final String TASK_FORCE_FORM = "task_force";

    static final String TF_ID = "TF_ID";

    private static String select(Snapshot s, MeasureDataset d) {
        return "SELECT "
                + String.join(
                        ", ",
                        d.columns().stream().map(c -> "\"" + c.name() + "\"").toList())
                + " FROM read_parquet('" + s.measureDataset(d).toString().replace("'", "''") + "')";
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, LocalDate.class);
    }
}

package org.tfeval.study.measures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tfeval.instrument.InstrumentException;
import org.tfeval.instrument.measures.Measure;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.measures.MeasureCatalogueLoader;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.OwnerOnlyFiles;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.measures.Disaggregation;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.compare.CaseRecord;
import org.tfeval.measures.compare.Comparison;
import org.tfeval.measures.file.MeasureFile;
import org.tfeval.measures.file.MeasureRow;
import org.tfeval.measures.layout.GranteeLayout;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.measures.reconcile.ReconciliationRow;
import org.tfeval.measures.validation.MeasureCheck;
import org.tfeval.measures.validation.MeasureValidator;
import org.tfeval.measures.validation.StoredMeasures;
import org.tfeval.report.measures.MeasuresReport;
import org.tfeval.store.Store;
import org.tfeval.store.measures.MeasureSnapshot;
import org.tfeval.store.measures.MeasureTables;
import org.tfeval.store.snapshot.SnapshotTaker;
import org.tfeval.study.Study;
import org.tfeval.study.audit.AuditEvents;

/**
 * The performance-measure use cases on an open study. Immutable; every method that writes is one transaction
 * with its audit event, whose particulars are file names, hashes, IDs and counts (never a reported number).
 */
public final class Measures {
    /** The task-force features the trends compare task forces by (coded variables of the task_force form). */
    public static final List<String> FEATURES = org.tfeval.measures.trend.FeatureComparison.TASK_FORCE_FEATURES;

    private final Study study;
    private final Store store;

    private Measures(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.store = study.store();
    }

    public static Measures of(Study study) {
        return new Measures(study);
    }

    /** The study's catalogue file: {@code measures.yaml} beside the instrument. */
    public Path catalogueFile() {
        return study.folder().instrumentFile().resolveSibling(MeasureCatalogueLoader.FILE_NAME);
    }

    /** The study's catalogue (its {@code measures.yaml}, else the built-in one), checked against the instrument. */
    public MeasureCatalogue catalogue() {
        try {
            MeasureCatalogue c = Files.isRegularFile(catalogueFile())
                    ? MeasureCatalogueLoader.load(catalogueFile())
                    : MeasureCatalogueLoader.builtIn();
            return c.checkAgainst(study.instrument());
        } catch (InstrumentException | IllegalArgumentException e) {
            throw Problem.usage(e.getMessage(), "correct " + MeasureCatalogueLoader.FILE_NAME);
        }
    }

    private String catalogueSource() {
        try {
            return Files.isRegularFile(catalogueFile())
                    ? Files.readString(catalogueFile(), StandardCharsets.UTF_8)
                    : MeasureCatalogueLoader.builtInSource();
        } catch (IOException e) {
            throw Problem.usage("cannot read " + catalogueFile() + " (" + e.getMessage() + ")", null);
        }
    }

    /**
     * An import.
     *
     * @param file             the file name
     * @param sha256           the file's hash
     * @param catalogueVersion the catalogue version the values were stored under
     * @param rows             data rows read
     * @param inserted         new values stored
     * @param unchanged        values already stored with the same number
     * @param revised          values stored with another number and replaced (only with revise)
     * @param violations       every problem found (nothing is stored when there is one)
     */
    public record Imported(
            String file,
            String sha256,
            String catalogueVersion,
            long rows,
            long inserted,
            long unchanged,
            long revised,
            List<Violation> violations) {
        public Imported {
            violations = List.copyOf(violations);
        }

        public boolean stored() {
            return violations.isEmpty();
        }
    }

    /**
     * Imports a measure file (CSV or XLSX) in one transaction: every row checked against the catalogue, the
     * file and the stored values; nothing is stored when any problem is found. Values already stored with the
     * same number are left as they are (importing a file twice changes nothing); a value stored with another
     * number is a conflict unless {@code revise}, which replaces it and keeps the earlier number. Audited
     * either way.
     */
    public Imported importFile(Path file, boolean revise, String actor) {
        MeasureCatalogue cat = catalogue();
        List<MeasureRow> rows = MeasureFile.read(file);
        String sha = ContentHash.sha256(file);
        String name = file.getFileName().toString();
        return tx(c -> {
            Instant at = Instant.now();
            MeasureTables.ensureCatalogue(c, cat, catalogueSource(), actor, at);
            Map<MeasureValue.Key, Long> stored = MeasureTables.byKey(c);
            StoredMeasures context = new StoredMeasures(revise ? withoutConflicts(stored, rows) : stored);
            MeasureCheck check = MeasureValidator.of(cat).check(name, rows, context);
            if (!check.passed()) {
                AuditEvents.record(
                        c,
                        actor,
                        "measure_import_refused",
                        null,
                        "file",
                        name,
                        "sha256",
                        sha,
                        "rows",
                        rows.size(),
                        "violations",
                        check.violations().size(),
                        "by_rule",
                        check.countsByCode());
                return new Imported(name, sha, cat.version(), rows.size(), 0, 0, 0, check.violations());
            }
            long id = MeasureTables.recordImport(c, name, sha, cat.version(), rows.size(), actor, at);
            MeasureTables.Loaded l = MeasureTables.load(c, check.values(), id, cat.version(), revise);
            AuditEvents.record(
                    c,
                    actor,
                    "measure_import",
                    null,
                    "file",
                    name,
                    "sha256",
                    sha,
                    "import",
                    id,
                    "catalogue",
                    cat.version(),
                    "rows",
                    rows.size(),
                    "inserted",
                    l.inserted(),
                    "unchanged",
                    l.unchanged(),
                    "revised",
                    l.revised());
            return new Imported(
                    name, sha, cat.version(), rows.size(), l.inserted(), l.unchanged(), l.revised(), List.of());
        });
    }

    /** With revise, the stored numbers of the keys the file reports are not conflicts (they are replaced). */
    private static Map<MeasureValue.Key, Long> withoutConflicts(
            Map<MeasureValue.Key, Long> stored, List<MeasureRow> rows) {
        Map<MeasureValue.Key, Long> out = new HashMap<>(stored);
        // the validator compares stored numbers only for keys the file repeats: drop every stored key of the
        // file's task forces, systems, measures and quarters; gaps and totals still see the other quarters
        java.util.Set<String> series = new java.util.HashSet<>();
        for (MeasureRow r : rows)
            series.add(r.get(org.tfeval.measures.file.Column.TF_ID) + "|"
                    + r.get(org.tfeval.measures.file.Column.SYSTEM).toUpperCase(java.util.Locale.ROOT) + "|"
                    + r.get(org.tfeval.measures.file.Column.MEASURE_ID)
                    + "|" + r.get(org.tfeval.measures.file.Column.PERIOD_START));
        out.keySet()
                .removeIf(k -> series.contains(k.tfId() + "|" + k.grantee().code() + "|" + k.measureId() + "|"
                        + k.quarter().start()));
        return out;
    }

    /** Every stored value. */
    public List<MeasureValue> values() {
        return tx(MeasureTables::values);
    }

    /** Catalogue versions stored, with the number of values reported under each. */
    public Map<String, Long> catalogueVersions() {
        return tx(MeasureTables::catalogueVersions);
    }

    // ---------------------------------------------------------------- reported vs computed

    /**
     * Reported totals beside the counts of the coded case files, for every computable measure, task force
     * (or one) and quarter that has either.
     */
    public List<Comparison> compare(String tfId) {
        MeasureCatalogue cat = catalogue();
        return tx(c -> compare(c, cat, MeasureTables.values(c), tfId));
    }

    private List<Comparison> compare(Connection c, MeasureCatalogue cat, List<MeasureValue> values, String tfId)
            throws SQLException {
        Map<String, List<CaseRecord>> records = new HashMap<>();
        for (Measure m : cat.computable())
            records.put(m.id(), MeasureTables.caseRecords(c, store, m.computed(), tfId, null));
        return MeasureSnapshot.compare(cat, values, records, tfId);
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * The snapshot taker freezing the study's performance measures under its catalogue, when any are stored;
     * otherwise the taker as it is (the snapshot holds no measures and keeps the ID it had without them).
     */
    public SnapshotTaker freezing(SnapshotTaker taker) {
        if (!tx(MeasureSnapshot::any)) return taker;
        return taker.withMeasures(catalogue(), catalogueSource());
    }

    /** The case-file records behind a computed measure for one task force and quarter (record IDs and dates). */
    public List<CaseRecord> explain(String tfId, String measureId, FiscalQuarter q, String actor) {
        MeasureCatalogue cat = catalogue();
        Measure m = cat.find(measureId)
                .orElseThrow(() -> Problem.usage(
                        "measure " + measureId + " is not in the catalogue", "see tfeval measures catalogue"));
        if (m.computed() == null)
            throw Problem.usage(
                    measureId + " cannot be computed from the case files",
                    "computable: " + cat.computable().stream().map(Measure::id).toList());
        return tx(c -> {
            List<CaseRecord> r = MeasureTables.caseRecords(c, store, m.computed(), tfId, q);
            AuditEvents.record(
                    c,
                    actor,
                    "measure_explain",
                    m.computed().form(),
                    "task_force",
                    tfId,
                    "measure",
                    measureId,
                    "quarter",
                    q.code(),
                    "records",
                    r.size());
            return r;
        });
    }

    // ---------------------------------------------------------------- reconciliation

    /** LE vs VS per task force, pair and quarter, with the explanations recorded. */
    public List<ReconciliationRow> reconcile() {
        MeasureCatalogue cat = catalogue();
        return tx(c -> Reconciler.of(cat).reconcile(MeasureTables.values(c), MeasureTables.notes(c)));
    }

    /** Records why a flagged quarter differs; refused for a quarter that is not flagged. */
    public void explainGap(String tfId, String pairId, FiscalQuarter q, String explanation, String actor) {
        if (explanation == null || explanation.isBlank())
            throw Problem.usage("an explanation needs words", "say why the two grantees' counts differ");
        if (explanation.length() > 4000) throw Problem.usage("an explanation is at most 4000 characters", null);
        MeasureCatalogue cat = catalogue();
        if (cat.pair(pairId).isEmpty())
            throw Problem.usage(
                    "pair " + pairId + " is not in the catalogue",
                    "pairs: " + cat.pairs().stream().map(p -> p.id()).toList());
        tx(c -> {
            boolean flagged = Reconciler.of(cat).reconcile(MeasureTables.values(c), Map.of()).stream()
                    .anyMatch(r -> r.tfId().equals(tfId)
                            && r.pairId().equals(pairId)
                            && r.quarter().equals(q)
                            && r.flagged());
            if (!flagged)
                throw Problem.refused(
                        tfId + " " + pairId + " " + q.label() + " is not a flagged gap",
                        "see tfeval measures reconcile --flagged");
            MeasureTables.note(c, tfId, pairId, q, explanation.strip(), actor, Instant.now());
            AuditEvents.record(
                    c, actor, "measure_gap_explained", null, "task_force", tfId, "pair", pairId, "quarter", q.code());
            return null;
        });
    }

    // ---------------------------------------------------------------- export

    /** What the export writes: the reported values, or the counts tfeval computes from the case files. */
    public enum Source {
        REPORTED,
        COMPUTED
    }

    /**
     * Writes the grantees' layout into an empty or new folder: one file per task force, system and quarter,
     * optionally of one task force and quarter. Computed files hold the computable measures' totals, under
     * the award the grantee reported that quarter with (quarters without a reported award are left out).
     */
    public List<Path> export(Path dir, Source source, String tfId, FiscalQuarter q, String actor) {
        Objects.requireNonNull(source, "source");
        try {
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    if (s.findAny().isPresent())
                        throw Problem.refused(dir + " is not empty", "export into a new or empty folder");
                }
            }
        } catch (IOException e) {
            throw Problem.usage("cannot read " + dir + " (" + e.getMessage() + ")", null);
        }
        MeasureCatalogue cat = catalogue();
        return tx(c -> {
            List<MeasureValue> values = MeasureTables.values(c);
            List<MeasureValue> chosen = new ArrayList<>();
            if (source == Source.REPORTED) {
                chosen.addAll(values);
            } else {
                Map<String, String> awards = new HashMap<>();
                for (MeasureValue v : values)
                    awards.putIfAbsent(v.tfId() + "|" + v.grantee() + "|" + v.quarter(), v.award());
                for (Comparison k : compare(c, cat, values, tfId)) {
                    Measure m = cat.measure(k.measureId());
                    String award = awards.get(k.tfId() + "|" + m.grantee() + "|" + k.quarter());
                    if (award == null) continue;
                    chosen.add(new MeasureValue(
                            k.tfId(), m.grantee(), award, k.quarter(), m.id(), Disaggregation.TOTAL, k.computed()));
                }
            }
            chosen.removeIf(v -> (tfId != null && !v.tfId().equals(tfId))
                    || (q != null && !v.quarter().equals(q)));
            OwnerOnlyFiles.folder(dir);
            List<Path> files = GranteeLayout.write(dir, chosen, cat);
            AuditEvents.record(
                    c,
                    actor,
                    "measure_export",
                    null,
                    "source",
                    source.name().toLowerCase(java.util.Locale.ROOT),
                    "files",
                    files.size(),
                    "values",
                    chosen.size());
            return files;
        });
    }

    // ---------------------------------------------------------------- report

    /** The report's inputs, read in one transaction. */
    public MeasuresReport.Input reportInput() {
        MeasureCatalogue cat = catalogue();
        return tx(c -> {
            List<MeasureValue> values = MeasureTables.values(c);
            Map<String, Map<String, String>> features = new TreeMap<>();
            if (store.instrument().findForm("task_force").isPresent()) {
                for (String f : FEATURES) {
                    if (store.instrument().form("task_force").find(f).isPresent())
                        features.put(f, MeasureTables.feature(c, store, f));
                }
            }
            return new MeasuresReport.Input(
                    cat,
                    values,
                    Reconciler.of(cat).reconcile(values, MeasureTables.notes(c)),
                    compare(c, cat, values, null),
                    features,
                    study.folder().synthetic());
        });
    }

    /** Writes the performance-measures report (chapter and one report per task force) into {@code out}. */
    public MeasuresReport.Written report(Path out, int threshold, boolean pdf, String actor) {
        MeasuresReport.Input in = reportInput();
        if (in.values().isEmpty())
            throw Problem.refused(
                    "no performance measures are stored", "import them first: tfeval measures import FILE");
        MeasuresReport.Written w =
                MeasuresReport.of(in).withThreshold(threshold).withPdf(pdf).write(out);
        tx(c -> {
            AuditEvents.record(
                    c,
                    actor,
                    "measure_report",
                    null,
                    "task_forces",
                    w.taskForces().size());
            return null;
        });
        return w;
    }

    /** The task forces of the case-file instrument with their first funding year. */
    public Map<String, Integer> firstFundingYears() {
        return tx(c -> MeasureTables.firstFundingYears(c, store));
    }

    /** The coded case-file counts of every computable measure, as floors for the synthetic measures. */
    Map<MeasureValue.Key, Long> caseFileCounts(MeasureCatalogue cat) {
        return tx(c -> {
            Map<MeasureValue.Key, Long> out = new HashMap<>();
            for (Measure m : cat.computable()) {
                for (CaseRecord r : MeasureTables.caseRecords(c, store, m.computed(), null, null)) {
                    out.merge(
                            new MeasureValue.Key(
                                    r.tfId(), m.grantee(), m.id(), Disaggregation.TOTAL, FiscalQuarter.of(r.date())),
                            1L,
                            Long::sum);
                }
                // the breakdowns too: a category never below the coded records in it
                MeasureTables.caseCategories(c, store, m).forEach((k, n) -> out.merge(k, n, Long::sum));
            }
            return out;
        });
    }

    /**
     * Reported categories of computed measures' breakdowns (by task force and quarter) below the coded case-file
     * records in them: 0 when the reported breakdowns are consistent with the coded cases where they overlap.
     */
    public long breakdownsBelowCoded() {
        MeasureCatalogue cat = catalogue();
        return tx(c -> {
            Map<MeasureValue.Key, Long> reported = MeasureTables.byKey(c);
            long below = 0;
            for (Measure m : cat.computable())
                for (Map.Entry<MeasureValue.Key, Long> e :
                        MeasureTables.caseCategories(c, store, m).entrySet()) {
                    Long r = reported.get(e.getKey());
                    if (r != null && r < e.getValue()) below++;
                }
            return below;
        });
    }

    /** Distinct quarters with values, for listings. */
    public static TreeSet<FiscalQuarter> quarters(List<MeasureValue> values) {
        TreeSet<FiscalQuarter> out = new TreeSet<>();
        values.forEach(v -> out.add(v.quarter()));
        return out;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T tx(Work<T> work) {
        try {
            return store.tx(work::run);
        } catch (SQLException e) {
            throw Problem.internal("the database refused the request (SQL state " + e.getSQLState() + ")", e);
        } catch (IllegalStateException e) {
            throw new Problem.Refused(e.getMessage(), "give the changed catalogue a new version", e);
        }
    }
}

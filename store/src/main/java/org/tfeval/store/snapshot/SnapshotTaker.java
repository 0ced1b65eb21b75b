package org.tfeval.store.snapshot;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.postgresql.PGConnection;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.workflow.Problem;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.snapshot.DrawDesign;
import org.tfeval.snapshot.Manifest;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.snapshot.write.DatasetQuery;
import org.tfeval.snapshot.write.SnapshotWriter;
import org.tfeval.store.Store;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.measures.MeasureSnapshot;

/**
 * Freezes a store into a snapshot: each form is read in one consistent transaction (PostgreSQL
 * COPY of the dataset's {@link DatasetQuery}, ordered by key, derived variables computed from their
 * child records) and written in the snapshot format by the {@link SnapshotWriter}, with the performance measures
 * when {@link #withMeasures} is given and any are stored (read in the same transaction); a new snapshot
 * is recorded in the study's snapshot table and audit log. Immutable; configure by copy.
 */
public final class SnapshotTaker {
    private final Store store;
    private final SnapshotWriter writer;
    /** The performance-measure catalogue in force and its YAML, or null: measures are not frozen (issue 14). */
    private final MeasureCatalogue measureCatalogue;

    private final String measureCatalogueYaml;

    private SnapshotTaker(Store store, SnapshotWriter writer) {
        this(store, writer, null, null);
    }

    private SnapshotTaker(Store store, SnapshotWriter writer, MeasureCatalogue cat, String yaml) {
        this.store = store;
        this.writer = writer;
        this.measureCatalogue = cat;
        this.measureCatalogueYaml = yaml;
    }

    /**
     * Freezes the stored performance measures under this catalogue (its YAML frozen beside them) when any are
     * stored; a study without measures gets none and the ID it would have without them.
     */
    public SnapshotTaker withMeasures(MeasureCatalogue cat, String yaml) {
        if ((cat == null) != (yaml == null))
            throw new IllegalArgumentException("a measure catalogue is frozen with its YAML");
        return new SnapshotTaker(store, writer, cat, yaml);
    }

    public static SnapshotTaker of(Store store) {
        return new SnapshotTaker(store, SnapshotWriter.of(store.instrument()));
    }

    public SnapshotTaker withActor(String a) {
        return new SnapshotTaker(store, writer.withActor(a), measureCatalogue, measureCatalogueYaml);
    }

    /** Takes the snapshot despite validation errors; recorded in the manifest. */
    public SnapshotTaker withAllowErrors(boolean b) {
        return new SnapshotTaker(store, writer.withAllowErrors(b), measureCatalogue, measureCatalogueYaml);
    }

    /** Marks the data as synthetic in the manifest. */
    public SnapshotTaker withSynthetic(boolean b) {
        return new SnapshotTaker(store, writer.withSynthetic(b), measureCatalogue, measureCatalogueYaml);
    }

    public SnapshotTaker withVersion(String v) {
        return new SnapshotTaker(store, writer.withVersion(v), measureCatalogue, measureCatalogueYaml);
    }

    public SnapshotTaker withProgress(ProgressListener p) {
        return new SnapshotTaker(store, writer.withProgress(p), measureCatalogue, measureCatalogueYaml);
    }

    /**
     * Taking a snapshot was refused: here, because validation errors remain and they are not allowed;
     * the CLI also throws it for its own precondition (open data-quality queries) until the study layer owns that.
     */
    public static final class RefusedException extends Problem.Refused {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message, String hint) {
            super(message, hint, null);
        }
    }

    /** The validation summary a manifest records. */
    public static Manifest.Validation summary(ValidationReport validation) {
        return new Manifest.Validation(validation.errors(), validation.warnings(), validation.at());
    }

    /**
     * Takes a snapshot into {@code snapshots/<id>/}, given the validation of the current data.
     *
     * @throws RefusedException when validation found errors and they are not allowed
     */
    public Snapshot take(Path snapshots, ValidationReport validation) {
        return take(snapshots, validation, java.util.Map.of());
    }

    /** Takes a snapshot with files beside the datasets (the qualitative findings), hashed into its ID. */
    public Snapshot take(Path snapshots, ValidationReport validation, java.util.Map<String, byte[]> attachments) {
        if (!validation.passed() && !writer.allowErrors()) {
            throw new RefusedException(
                    "snapshot refused: validation found " + validation.errors() + " errors",
                    "fix them (tfeval validate) or pass --allow-errors, which is recorded in the manifest");
        }
        try (Connection pg = store.connect()) {
            pg.setAutoCommit(false);
            pg.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            // performance measures (issue 14), read in the same transaction as the forms
            // read first in the transaction: the design counts the coded cases the datasets hold
            DrawDesign design = drawDesign(pg, store.instrument());
            org.tfeval.snapshot.CodingPairs pairs = codingPairs(pg, store.instrument());
            SnapshotWriter designed = writer.withDrawDesign(design).withCodingPairs(pairs);
            SnapshotWriter w = measureCatalogue == null
                    ? designed
                    : MeasureSnapshot.read(pg, store, measureCatalogue, measureCatalogueYaml)
                            .map(m -> designed.withMeasures(m.source()))
                            .orElse(designed);
            SnapshotWriter.Written written = w.write(
                    snapshots,
                    summary(validation),
                    (dataset, csv) -> {
                        try (OutputStream out = Files.newOutputStream(csv)) {
                            return pg.unwrap(PGConnection.class)
                                    .getCopyAPI()
                                    .copyOut(
                                            "COPY (" + withoutWithdrawn(dataset)
                                                    + ") TO STDOUT WITH (FORMAT csv, HEADER false)",
                                            out);
                        }
                    },
                    attachments);
            pg.commit();
            if (written.created()) record(written.snapshot());
            return written.snapshot();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "snapshot failed (" + e.getSQLState() + "): "
                            + e.getMessage().split("\n")[0],
                    e);
        }
    }

    /**
     * Per task force, its latest recorded draw with frame size (V700 {@code sample_frame}), cases drawn, replacements
     * drawn, and how many sampled entries and replacements have a coded case (matched by the case form's TF_ID and
     * CASE_REF); draws recorded before V700 have no frame sizes and are left out.
     */
    static DrawDesign drawDesign(Connection c, org.tfeval.instrument.Instrument ins) throws SQLException {
        org.tfeval.instrument.Form caseForm = ins.forms().stream()
                .filter(f -> f.key().size() == 1
                        && f.find(CASE_REF).isPresent()
                        && f.find(SITE).isPresent())
                .findFirst()
                .orElse(null);
        String coded = "0";
        if (caseForm != null) {
            String t = new org.tfeval.store.schema.FormTable(ins, caseForm).table();
            String site = org.tfeval.store.schema.FormTable.column(SITE);
            String ref = org.tfeval.store.schema.FormTable.column(CASE_REF);
            coded = "(SELECT count(DISTINCT s.case_ref) FROM sample_case s WHERE s.draw_id = f.draw_id AND s.tf_id = "
                    + "f.tf_id AND s.role = ? AND EXISTS (SELECT 1 FROM " + t + " x WHERE x." + site
                    + " = s.tf_id AND x."
                    + ref + " = s.case_ref))";
        }
        String sql = "WITH latest AS (SELECT tf_id, max(draw_id) AS draw_id FROM sample_frame GROUP BY tf_id) "
                + "SELECT f.tf_id, f.draw_id, f.frame_size, f.sample_size, f.replacements_drawn, " + coded + ", "
                + coded + ", d.actor, d.at, d.seed, d.size_rule, d.method FROM sample_frame f JOIN latest l ON "
                + "l.tf_id = f.tf_id AND l.draw_id = f.draw_id JOIN sample_draw d ON d.id = f.draw_id ORDER BY f.tf_id";
        List<DrawDesign.Site> sites = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (caseForm != null) {
                ps.setString(1, "sample");
                ps.setString(2, "replacement");
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    sites.add(new DrawDesign.Site(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class)
                                    .withOffsetSameInstant(ZoneOffset.UTC)
                                    .toInstant()
                                    .toString(),
                            rs.getLong(10),
                            rs.getString(11),
                            rs.getString(12)));
            }
        }
        return new DrawDesign(sites);
    }

    /** The double-coded pairs of every case file whose two passes are complete (coders not named). */
    static org.tfeval.snapshot.CodingPairs codingPairs(Connection c, org.tfeval.instrument.Instrument ins)
            throws SQLException {
        org.tfeval.store.coding.CaseForms forms;
        try {
            forms = org.tfeval.store.coding.CaseForms.of(ins);
        } catch (IllegalArgumentException notCaseFiles) {
            return org.tfeval.snapshot.CodingPairs.NONE; // an instrument without case-file forms has no double coding
        }
        List<org.tfeval.snapshot.CodingPairs.Pair> out = new java.util.ArrayList<>();
        for (var p : org.tfeval.store.coding.Reconciliation.pairs(c, forms, null))
            out.add(new org.tfeval.snapshot.CodingPairs.Pair(
                    p.caseId(), p.tfId(), p.form(), p.variable(), p.first(), p.second()));
        return new org.tfeval.snapshot.CodingPairs(out);
    }

    /** The case form's case-list reference and task-force variables (as validate.SampleLinkCheck). */
    static final String CASE_REF = "CASE_REF";

    static final String SITE = "TF_ID";

    /** The variable that ties a form's records to an interview participant. */
    static final String PARTICIPANT_ID = "PARTICIPANT_ID";

    /**
     * The dataset's SELECT without the records of participants who withdrew beyond no-contact
     * ({@code protect_withdrawal}, migration V320): a snapshot taken after a withdrawal never holds
     * them, in the same key order.
     */
    static String withoutWithdrawn(DatasetQuery dataset) {
        boolean participantLevel =
                dataset.form().variables().stream().anyMatch(v -> v.name().equals(PARTICIPANT_ID));
        if (!participantLevel) return dataset.select();
        String pid = DatasetQuery.column(PARTICIPANT_ID);
        return "SELECT q.* FROM (" + dataset.select() + ") q WHERE NOT EXISTS (SELECT 1 FROM protect_withdrawal w"
                + " WHERE w.participant_id = q." + pid + " AND w.level <> 'no-contact') ORDER BY "
                + String.join(
                        ", ", dataset.keyColumns().stream().map(k -> "q." + k).toList());
    }

    private void record(Snapshot s) throws SQLException {
        store.tx(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO snapshot (id, created_at, actor, path, allow_errors, manifest) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, s.id());
                ps.setObject(2, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                ps.setString(3, writer.actor());
                ps.setString(4, s.dir().toString());
                ps.setBoolean(5, s.allowErrors());
                ps.setString(6, s.manifest().toJson());
                ps.executeUpdate();
            }
            return AuditLog.record(
                    c,
                    new AuditEntry(
                            writer.actor(),
                            "snapshot",
                            null,
                            s.allowErrors() ? "snapshot with validation errors allowed" : "snapshot",
                            "{\"snapshot\":\"" + s.id() + "\"}"));
        });
    }
}

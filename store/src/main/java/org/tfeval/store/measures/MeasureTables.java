package org.tfeval.store.measures;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.measures.CaseFileCount;
import org.tfeval.instrument.measures.Grantee;
import org.tfeval.instrument.measures.MeasureCatalogue;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.measures.Disaggregation;
import org.tfeval.measures.FiscalQuarter;
import org.tfeval.measures.MeasureValue;
import org.tfeval.measures.compare.CaseRecord;
import org.tfeval.measures.reconcile.Reconciler;
import org.tfeval.store.Store;
import org.tfeval.store.schema.FormTable;

/** Reads and writes the performance-measure tables (migration V500) on a caller's connection and transaction. */
public final class MeasureTables {
    private MeasureTables() {}

    /** What a load of values changed. */
    public record Loaded(long inserted, long unchanged, long revised) {}

    /**
     * Stores the catalogue version when it is new. A version stored with other content is refused: a changed
     * catalogue needs a new version.
     */
    public static boolean ensureCatalogue(Connection c, MeasureCatalogue cat, String source, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM measure_catalogue WHERE version = ?")) {
            ps.setString(1, cat.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getString(1).equals(cat.sha256()))
                        throw new IllegalStateException("measure catalogue version " + cat.version()
                                + " is stored with other content; a changed catalogue needs a new version");
                    return false;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO measure_catalogue (version, catalogue_id, sha256,"
                + " source, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, cat.version());
            ps.setString(2, cat.id());
            ps.setString(3, cat.sha256());
            ps.setString(4, source);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
        return true;
    }

    /** Catalogue versions stored, oldest first: version and number of values reported under it. */
    public static Map<String, Long> catalogueVersions(Connection c) throws SQLException {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT k.version, count(v.value) FROM measure_catalogue k"
                        + " LEFT JOIN measure_value v ON v.catalogue_version = k.version"
                        + " GROUP BY k.version, k.loaded_at ORDER BY k.loaded_at, k.version")) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
        }
        return out;
    }

    /** Records an import; returns its id. */
    public static long recordImport(
            Connection c, String fileName, String sha256, String version, long rows, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO measure_import (file_name, file_sha256,"
                + " catalogue_version, rows, inserted, unchanged, revised, imported_by, imported_at)"
                + " VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?) RETURNING id")) {
            ps.setString(1, fileName);
            ps.setString(2, sha256);
            ps.setString(3, version);
            ps.setLong(4, rows);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Loads values by COPY into a temporary table, then inserts the new ones; a value stored with another
     * number is replaced only when {@code revise} (its earlier number kept in the revision table).
     */
    public static Loaded load(Connection c, List<MeasureValue> values, long importId, String version, boolean revise)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE measure_load (tf_id text, system text, measure_id text, disaggregation text,"
                    + " period_start date, period_end date, award text, value bigint) ON COMMIT DROP");
        }
        copy(c, "measure_load", values);
        long revised = 0;
        if (revise) {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO measure_value_revision SELECT v.tf_id, v.system,"
                            + " v.measure_id, v.disaggregation, v.period_start, v.value, l.value, ? FROM measure_value v JOIN"
                            + " measure_load l USING (tf_id, system, measure_id, disaggregation, period_start)"
                            + " WHERE v.value <> l.value")) {
                ps.setLong(1, importId);
                revised = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE measure_value v SET value = l.value, award = l.award,"
                            + " period_end = l.period_end, catalogue_version = ?, import_id = ? FROM measure_load l"
                            + " WHERE (v.tf_id, v.system, v.measure_id, v.disaggregation, v.period_start)"
                            + " = (l.tf_id, l.system, l.measure_id, l.disaggregation, l.period_start) AND v.value <> l.value")) {
                ps.setString(1, version);
                ps.setLong(2, importId);
                ps.executeUpdate();
            }
        }
        long inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO measure_value (tf_id, system, measure_id,"
                + " disaggregation, period_start, period_end, award, value, catalogue_version, import_id)"
                + " SELECT tf_id, system, measure_id, disaggregation, period_start, period_end, award, value, ?, ?"
                + " FROM measure_load ON CONFLICT DO NOTHING")) {
            ps.setString(1, version);
            ps.setLong(2, importId);
            inserted = ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE measure_load");
        }
        Loaded l = new Loaded(inserted, values.size() - inserted - revised, revised);
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE measure_import SET inserted = ?, unchanged = ?, revised = ? WHERE id = ?")) {
            ps.setLong(1, l.inserted());
            ps.setLong(2, l.unchanged());
            ps.setLong(3, l.revised());
            ps.setLong(4, importId);
            ps.executeUpdate();
        }
        return l;
    }

    /** COPYs values into a table of the columns of {@code measure_load} (the bench's baseline uses it alone). */
    public static void copy(Connection c, String table, List<MeasureValue> values) throws SQLException {
        StringBuilder b = new StringBuilder(values.size() * 80);
        for (MeasureValue v : values) {
            b.append(v.tfId())
                    .append('\t')
                    .append(v.grantee().code())
                    .append('\t')
                    .append(v.measureId())
                    .append('\t')
                    .append(v.disaggregation().cell())
                    .append('\t')
                    .append(v.quarter().start())
                    .append('\t')
                    .append(v.quarter().end())
                    .append('\t')
                    .append(escape(v.award()))
                    .append('\t')
                    .append(v.value())
                    .append('\n');
        }
        try {
            c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "COPY " + SqlIdentifier.quote(table) + " (tf_id, system, measure_id, disaggregation,"
                                    + " period_start, period_end, award, value) FROM STDIN",
                            new StringReader(b.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot stream the values to the database", "58030", e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Every stored value. */
    public static List<MeasureValue> values(Connection c) throws SQLException {
        List<MeasureValue> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT tf_id, system, award, period_start, measure_id, disaggregation,"
                                + " value FROM measure_value ORDER BY tf_id, system, period_start, measure_id, disaggregation")) {
            while (rs.next()) {
                out.add(new MeasureValue(
                        rs.getString(1),
                        Grantee.ofCodeOrNull(rs.getString(2)),
                        rs.getString(3),
                        FiscalQuarter.of(rs.getDate(4).toLocalDate()),
                        rs.getString(5),
                        Disaggregation.parse(rs.getString(6)),
                        rs.getLong(7)));
            }
        }
        return out;
    }

    /** Every stored value by key, for the validation of the next import. */
    public static Map<MeasureValue.Key, Long> byKey(Connection c) throws SQLException {
        return values(c).stream()
                .collect(Collectors.toMap(MeasureValue::key, MeasureValue::value, (a, b) -> a, HashMap::new));
    }

    /** Records an explanation of a task force's gap in a quarter. */
    public static void note(
            Connection c, String tfId, String pairId, FiscalQuarter q, String explanation, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO measure_gap_note (tf_id, pair_id, period_start,"
                + " explanation, noted_by, noted_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, tfId);
            ps.setString(2, pairId);
            ps.setDate(3, Date.valueOf(q.start()));
            ps.setString(4, explanation);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** The newest explanation of every explained gap. */
    public static Map<Reconciler.NoteKey, String> notes(Connection c) throws SQLException {
        Map<Reconciler.NoteKey, String> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT ON (tf_id, pair_id, period_start) tf_id, pair_id,"
                        + " period_start, explanation FROM measure_gap_note"
                        + " ORDER BY tf_id, pair_id, period_start, noted_at DESC, id DESC")) {
            while (rs.next()) {
                out.put(
                        new Reconciler.NoteKey(
                                rs.getString(1),
                                rs.getString(2),
                                FiscalQuarter.of(rs.getDate(3).toLocalDate())),
                        rs.getString(4));
            }
        }
        return out;
    }

    /**
     * The coded case-file records a computed measure counts (all quarters, or one task force and quarter):
     * the form's records with the date set (not a missing code; the parent's date when the count is dated by
     * its parent form) and every condition met.
     */
    public static List<CaseRecord> caseRecords(
            Connection c, Store store, CaseFileCount count, String tfId, FiscalQuarter quarter) throws SQLException {
        List<CaseRecord> out = new ArrayList<>();
        query(
                c,
                store,
                count,
                tfId,
                quarter,
                null,
                rs -> out.add(new CaseRecord(
                        rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate())));
        return out;
    }

    /**
     * The counted records of a computed measure by task force, quarter and category of each breakdown: the
     * counts the coded case files give for the measure's disaggregations (every record in one category).
     */
    public static Map<MeasureValue.Key, Long> caseCategories(
            Connection c, Store store, org.tfeval.instrument.measures.Measure m) throws SQLException {
        Map<MeasureValue.Key, Long> out = new HashMap<>();
        CaseFileCount count = m.computed();
        for (Map.Entry<String, CaseFileCount.Breakdown> b : count.breakdowns().entrySet()) {
            query(c, store, count, null, null, b.getValue().variable(), rs -> {
                int code = rs.getInt(4);
                Integer v = rs.wasNull() ? null : code;
                out.merge(
                        new MeasureValue.Key(
                                rs.getString(1),
                                m.grantee(),
                                m.id(),
                                new Disaggregation(b.getKey(), b.getValue().category(v)),
                                FiscalQuarter.of(rs.getDate(3).toLocalDate())),
                        1L,
                        Long::sum);
            });
        }
        return out;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Task force, record ID, date (and one coded variable) of the records a computed measure counts. */
    private static void query(
            Connection c,
            Store store,
            CaseFileCount count,
            String tfId,
            FiscalQuarter quarter,
            String variable,
            Row row)
            throws SQLException {
        Form form = store.instrument().form(count.form());
        FormTable t = store.table(count.form());
        String key = "r." + FormTable.column(form.key().get(form.key().size() - 1));
        String from = t.table() + " r";
        String date = "r." + FormTable.column(count.dateVariable());
        if (count.dateForm() != null) {
            String link = form.variables().stream()
                    .filter(v -> count.dateForm().equals(v.parent()))
                    .findFirst()
                    .orElseThrow()
                    .name();
            from += " JOIN " + store.table(count.dateForm()).table() + " d ON d." + FormTable.column(link) + " = r."
                    + FormTable.column(link);
            date = "d." + FormTable.column(count.dateVariable());
        }
        StringBuilder sql = new StringBuilder("SELECT r." + FormTable.column("TF_ID") + ", " + key + ", " + date
                + (variable == null ? "" : ", r." + FormTable.column(variable))
                + " FROM " + from + " WHERE " + date + " IS NOT NULL");
        for (Map.Entry<String, List<Integer>> w : count.where().entrySet()) {
            sql.append(" AND r.")
                    .append(FormTable.column(w.getKey()))
                    .append(" IN (")
                    .append(w.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(')');
        }
        if (tfId != null)
            sql.append(" AND r.").append(FormTable.column("TF_ID")).append(" = ?");
        if (quarter != null) sql.append(" AND ").append(date).append(" BETWEEN ? AND ?");
        sql.append(" ORDER BY 1, 3, 2");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (tfId != null) ps.setString(i++, tfId);
            if (quarter != null) {
                ps.setDate(i++, Date.valueOf(quarter.start()));
                ps.setDate(i, Date.valueOf(quarter.end()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.accept(rs);
            }
        }
    }

    /** Task forces of the case-file instrument with a first funding year, by ID. */
    public static Map<String, Integer> firstFundingYears(Connection c, Store store) throws SQLException {
        Map<String, Integer> out = new java.util.TreeMap<>();
        if (store.instrument().findForm("task_force").isEmpty()) return out;
        FormTable t = store.table("task_force");
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + FormTable.column("TF_ID") + ", "
                        + FormTable.column("TF_FIRST_FY") + " FROM " + t.table())) {
            while (rs.next()) {
                int fy = rs.getInt(2);
                if (!rs.wasNull() && fy > 0) out.put(rs.getString(1), fy);
            }
        }
        return out;
    }

    /** One coded feature of every task force (code as text, missing codes left out), by ID. */
    public static Map<String, String> feature(Connection c, Store store, String variable) throws SQLException {
        Map<String, String> out = new java.util.TreeMap<>();
        FormTable t = store.table("task_force");
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + FormTable.column("TF_ID") + ", " + FormTable.column(variable)
                        + " FROM " + t.table())) {
            while (rs.next()) {
                Object v = rs.getObject(2);
                if (v != null && !(v instanceof Number n && n.intValue() < 0)) out.put(rs.getString(1), v.toString());
            }
        }
        return out;
    }
}

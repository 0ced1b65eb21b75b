package org.tfeval.store.validate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.Missingness;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.ValidationReport;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.store.Store;
import org.tfeval.store.ViolationLog;
import org.tfeval.store.schema.FormTable;

/** Validates every stored record and the links between forms. Immutable. */
public final class StudyValidator {
    /** Rows fetched per round trip. */
    static final int FETCH_SIZE = 5000;
    /** Violations of one SQL check kept in full. */
    static final int SQL_CHECK_LIMIT = 1000;

    private final Store store;
    private final ProgressListener progress;
    private final int limit;

    private StudyValidator(Store store, ProgressListener progress, int limit) {
        this.store = store;
        this.progress = progress;
        this.limit = limit;
    }

    public static StudyValidator of(Store store) {
        return new StudyValidator(store, ProgressListener.NONE, ViolationLog.DEFAULT_LIMIT);
    }

    public StudyValidator withProgress(ProgressListener p) {
        return new StudyValidator(store, p, limit);
    }

    public StudyValidator withReportLimit(int n) {
        return new StudyValidator(store, progress, n);
    }

    /** Runs every check. */
    public ValidationReport validate() {
        Instrument ins = store.instrument();
        ViolationLog log = new ViolationLog(limit);
        Map<String, Long> records = new LinkedHashMap<>();
        List<Missingness> missingness = new ArrayList<>();
        try {
            store.tx(c -> {
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one consistent view of every table
                long total = 0;
                for (Form f : ins.forms()) total += count(c, SqlIdentifier.quote(f.table()));
                long done = 0;
                for (Form f : ins.forms()) {
                    done = records(c, f, log, records, missingness, done, total);
                }
                for (Form f : ins.forms()) crossForm(c, f, log);
                SampleLinkCheck.check(c, ins, log, SQL_CHECK_LIMIT);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("validation could not read the store (" + e.getSQLState() + ")", e);
        }
        return new ValidationReport(
                Instant.now(),
                ins.id() + " " + ins.version(),
                records,
                log.errors(),
                log.warnings(),
                log.kept(),
                log.countsByCode(),
                missingness);
    }

    private long records(
            Connection c,
            Form f,
            ViolationLog log,
            Map<String, Long> records,
            List<Missingness> missingness,
            long done,
            long total)
            throws SQLException {
        FormTable table = new FormTable(store.instrument(), f);
        RecordValidator validator = new RecordValidator(store.instrument(), f);
        long n = 0;
        Map<String, Long> blanks = new HashMap<>();
        Map<String, Map<Integer, Long>> codes = new HashMap<>();
        try (Statement st = c.createStatement()) {
            st.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", table.columns()) + " FROM "
                    + table.table() + " ORDER BY " + String.join(", ", table.keyColumns()))) {
                Location at = new Location(f.name(), 0);
                while (rs.next()) {
                    Map<String, Object> values = table.read(rs);
                    validator.validate(values, at, log);
                    for (Variable v : f.variables()) {
                        Object value = values.get(v.name());
                        if (value == null) blanks.merge(v.name(), 1L, Long::sum);
                        else if (value instanceof Missing m)
                            codes.computeIfAbsent(v.name(), k -> new TreeMap<>())
                                    .merge(m.code(), 1L, Long::sum);
                    }
                    n++;
                    if (n % FETCH_SIZE == 0) progress.progress("validate", done + n, total);
                }
            }
        }
        records.put(f.name(), n);
        for (Variable v : f.variables()) {
            missingness.add(new Missingness(
                    f.name(), v.name(), n, blanks.getOrDefault(v.name(), 0L), codes.getOrDefault(v.name(), Map.of())));
        }
        progress.progress("validate", done + n, total);
        return done + n;
    }

    private void crossForm(Connection c, Form f, ViolationLog log) throws SQLException {
        Instrument ins = store.instrument();
        FormTable table = new FormTable(ins, f);
        String key = "concat_ws('/', "
                + String.join(
                        ", ", table.keyColumns().stream().map(k -> "p." + k).toList()) + ")";
        List<Variable> derived =
                f.variables().stream().filter(Variable::isDerived).toList();
        if (!derived.isEmpty()) {
            StringBuilder cols = new StringBuilder();
            for (Variable v : derived)
                cols.append(", p.")
                        .append(FormTable.column(v.name()))
                        .append(", ")
                        .append(table.derivedValue(v));
            try (Statement st = c.createStatement()) {
                st.setFetchSize(FETCH_SIZE);
                long[] reported = new long[derived.size()];
                try (ResultSet rs = st.executeQuery("SELECT " + key + cols + " FROM " + table.table() + " p"
                        + table.derivedJoins("p") + " ORDER BY 1")) {
                    while (rs.next()) {
                        for (int i = 0; i < derived.size(); i++) {
                            long stored = rs.getLong(2 + 2 * i);
                            if (rs.wasNull() || stored < 0) continue;
                            long expected = rs.getLong(3 + 2 * i);
                            if (rs.wasNull() || expected == stored || reported[i]++ >= SQL_CHECK_LIMIT) continue;
                            Variable v = derived.get(i);
                            log.accept(new Violation(
                                    f.name(),
                                    0,
                                    rs.getString(1),
                                    v.name(),
                                    Long.toString(stored),
                                    "derived_mismatch",
                                    "is " + stored + " but the " + v.derived().form() + " records give " + expected,
                                    Severity.ERROR));
                        }
                    }
                }
            }
        }
        var linkVar = f.parentLink();
        if (linkVar.isPresent()) {
            Form parent = ins.form(linkVar.get().parent());
            String lc = FormTable.column(linkVar.get().name());
            String ck = "concat_ws('/', "
                    + String.join(
                            ", ", table.keyColumns().stream().map(k -> "s." + k).toList()) + ")";
            for (Variable v : f.variables()) {
                if (v.inherit() == null) continue;
                String vc = FormTable.column(v.name());
                query(
                        c,
                        "SELECT " + ck + ", s." + lc + " FROM " + table.table() + " s JOIN "
                                + SqlIdentifier.quote(parent.table()) + " p ON p." + lc + " = s." + lc + " WHERE s."
                                + vc + " IS DISTINCT FROM p." + vc + " ORDER BY 1 LIMIT " + SQL_CHECK_LIMIT,
                        rs -> log.accept(new Violation(
                                f.name(),
                                0,
                                rs.getString(1),
                                v.name(),
                                null,
                                "inherited_mismatch",
                                "differs from the value recorded for " + parent.name() + " " + rs.getString(2),
                                Severity.ERROR)));
            }
            FormTable pt = new FormTable(ins, parent);
            for (Rule r : ins.rulesOf(f)) {
                if (!(r instanceof Rule.DateOrder d)) continue;
                for (int i = 1; i < d.dates().size(); i++) {
                    String a = d.dates().get(i - 1);
                    String b = d.dates().get(i);
                    if (!a.contains(".") && !b.contains(".")) continue;
                    String ea = dateSql(a, table, pt, parent);
                    String eb = dateSql(b, table, pt, parent);
                    query(
                            c,
                            "SELECT " + ck + " FROM " + table.table() + " s JOIN " + SqlIdentifier.quote(parent.table())
                                    + " p ON p." + lc + " = s." + lc + " WHERE " + ea + " > " + eb
                                    + " ORDER BY 1 LIMIT " + SQL_CHECK_LIMIT,
                            rs -> log.accept(new Violation(
                                    f.name(),
                                    0,
                                    rs.getString(1),
                                    a.substring(a.indexOf('.') + 1),
                                    null,
                                    "rule:" + d.id(),
                                    d.message() + " (" + a + " is after " + b + ")",
                                    d.severity())));
                }
            }
            if (f.key().size() > 1) return; // repeated events (offense 1, 2, ...) may legitimately be identical
            List<String> nonKey = new ArrayList<>(table.columns());
            nonKey.removeAll(table.keyColumns());
            nonKey.remove(lc);
            nonKey.add(0, lc);
            query(
                    c,
                    "SELECT " + lc + ", count(*) FROM " + table.table() + " GROUP BY " + String.join(", ", nonKey)
                            + " HAVING count(*) > 1 ORDER BY 1 LIMIT " + SQL_CHECK_LIMIT,
                    rs -> log.accept(new Violation(
                            f.name(),
                            0,
                            rs.getString(1),
                            null,
                            null,
                            "possible_duplicate",
                            rs.getLong(2) + " " + f.name() + " records of " + parent.name() + " " + rs.getString(1)
                                    + " have identical values: check they are not the same person entered twice",
                            Severity.WARNING)));
        }
    }

    private static String dateSql(String ref, FormTable own, FormTable parentTable, Form parent) {
        int dot = ref.indexOf('.');
        if (dot < 0) return "s." + FormTable.column(ref);
        if (!ref.substring(0, dot).equals(parent.name())) {
            throw new IllegalStateException(
                    "date " + ref + " must belong to the form itself or its parent " + parent.name());
        }
        return "p." + FormTable.column(ref.substring(dot + 1));
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler h) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) h.handle(rs);
        }
    }
}

package org.tfeval.store.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Severity;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.validation.ImportResult;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.ContentHash;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.store.Store;
import org.tfeval.store.ViolationLog;
import org.tfeval.store.audit.AuditEntry;
import org.tfeval.store.audit.AuditEvent;
import org.tfeval.store.audit.AuditLog;
import org.tfeval.store.schema.FormTable;

/**
 * Imports a CSV or XLSX file into a form's table in one transaction: rows are validated as they
 * stream into a staging table, then checked together (duplicate IDs, links to parent records,
 * values repeated from the parent), and only when there is no error merged into the table,
 * idempotently on the key, with every inserted or changed record in the audit log.
 * Immutable; configure by copy.
 */
public final class Importer {
    /** Bytes buffered before they are sent to COPY. */
    static final int COPY_CHUNK = 1 << 16;
    /** Violations of one SQL check kept in full. */
    static final int SQL_CHECK_LIMIT = 1000;
    /** Session memory for the staging table, so a large file is staged without spilling to disk. */
    static final String STAGING_BUFFERS = "512MB";

    private final Store store;
    private final String actor;
    private final String reason;
    private final ProgressListener progress;
    private final int limit;
    private final StagedCheck rule;

    private Importer(Store store, String actor, String reason, ProgressListener progress, int limit, StagedCheck rule) {
        this.store = store;
        this.actor = actor;
        this.reason = reason;
        this.progress = progress;
        this.limit = limit;
        this.rule = rule;
    }

    /**
     * A rule of the layer above the store, checked in the import's transaction after the rows are
     * staged and checked together, before anything is stored: it reads the temporary table
     * {@code staging} (the form's columns and {@code _row}, the 1-based data row) and returns
     * violations with file, row and rule; any error refuses the whole file.
     */
    @FunctionalInterface
    public interface StagedCheck {
        List<Violation> check(Connection c, String fileName) throws SQLException;
    }

    public static Importer of(Store store) {
        return new Importer(
                store,
                System.getProperty("user.name", "unknown"),
                "import",
                ProgressListener.NONE,
                ViolationLog.DEFAULT_LIMIT,
                null);
    }

    public Importer withActor(String who) {
        return new Importer(store, who, reason, progress, limit, rule);
    }

    public Importer withReason(String why) {
        return new Importer(store, actor, why, progress, limit, rule);
    }

    public Importer withProgress(ProgressListener p) {
        return new Importer(store, actor, reason, p, limit, rule);
    }

    /** Violations reported in full (all are counted). */
    public Importer withReportLimit(int n) {
        return new Importer(store, actor, reason, progress, n, rule);
    }

    /** The importer with a rule of the layer above checked on the staged rows (see {@link StagedCheck}). */
    public Importer withCheck(StagedCheck check) {
        return new Importer(store, actor, reason, progress, limit, check);
    }

    /** Imports a file into a form; nothing is stored when any error is found. */
    public ImportResult importFile(String formName, Path file) {
        Form form = store.instrument().form(formName);
        FormTable table = new FormTable(store.instrument(), form);
        String fileName = file.getFileName().toString();
        if (!Files.isRegularFile(file)) throw new ImportException(file + ": no such file");
        String sha256 = ContentHash.sha256(file);
        ViolationLog log = new ViolationLog(limit);
        try (TabularSource source = TabularSource.open(file)) {
            ImportResult r = store.tx(c -> {
                long rows = stage(c, form, table, source, fileName, log);
                if (log.errors() == 0) checkTogether(c, form, table, fileName, log);
                if (log.errors() == 0 && rule != null) rule.check(c, fileName).forEach(log::accept);
                if (log.errors() > 0) {
                    c.rollback(); // nothing is stored; the empty transaction then commits
                    return new ImportResult(
                            formName,
                            fileName,
                            sha256,
                            rows,
                            0,
                            0,
                            0,
                            log.errors(),
                            log.warnings(),
                            log.kept(),
                            log.countsByCode(),
                            0);
                }
                progress.progress("merge " + fileName, 0, 1);
                return merge(c, form, table, fileName, sha256, rows, log);
            });
            if (r.errors() == 0) progress.progress("merge " + fileName, 1, 1);
            return r;
        } catch (CsvSource.EncodingProblem e) {
            log.accept(new Violation(fileName, 0, null, null, null, "encoding", e.getMessage(), Severity.ERROR));
            return new ImportResult(
                    formName,
                    fileName,
                    sha256,
                    0,
                    0,
                    0,
                    0,
                    log.errors(),
                    log.warnings(),
                    log.kept(),
                    log.countsByCode(),
                    0);
        } catch (IOException e) {
            throw new ImportException(fileName + ": cannot read (" + e.getMessage() + ")", e);
        } catch (SQLException e) {
            throw new ImportException(fileName + ": the database refused the import (" + e.getSQLState() + ")", e);
        }
    }

    private long stage(
            Connection c, Form form, FormTable table, TabularSource source, String fileName, ViolationLog log)
            throws SQLException, IOException {
        List<String> header = source.header();
        if (header == null) {
            log.accept(new Violation(
                    fileName,
                    0,
                    null,
                    null,
                    null,
                    "empty_file",
                    "the file is empty: expected a header row with the " + form.name()
                            + " variables and at least one data row",
                    Severity.ERROR));
            return 0;
        }
        List<Variable> columns = mapHeader(form, header, fileName, log);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL temp_buffers = '" + STAGING_BUFFERS + "'");
            st.execute("CREATE TEMP TABLE staging (LIKE " + table.table() + ", _row bigint) ON COMMIT DROP");
            for (String k : table.keyColumns()) st.execute("ALTER TABLE staging ALTER COLUMN " + k + " DROP NOT NULL");
        }
        RecordValidator validator = new RecordValidator(store.instrument(), form);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY staging FROM STDIN");
        StringBuilder buffer = new StringBuilder(COPY_CHUNK * 2);
        long rows = 0;
        try {
            TabularSource.Row row;
            Map<String, String> cells = new HashMap<>();
            while ((row = source.next()) != null) {
                rows++;
                cells.clear();
                List<String> values = row.cells();
                if (values.size() != header.size()) {
                    // a short row would blank the columns it lacks; a long one has shifted columns
                    log.accept(new Violation(
                            fileName,
                            row.number(),
                            null,
                            null,
                            null,
                            values.size() > header.size() ? "too_many_cells" : "too_few_cells",
                            "has " + values.size() + " cells but the header has " + header.size()
                                    + "; nothing is stored (a missing cell is never taken as blank)",
                            Severity.ERROR));
                }
                for (int i = 0; i < columns.size(); i++) {
                    Variable v = columns.get(i);
                    if (v != null && i < values.size())
                        cells.put(
                                v.name(),
                                v.type().isCharacter() ? Exporter.unneutralised(values.get(i)) : values.get(i));
                }
                Map<String, Object> typed = validator.parse(cells, new Location(fileName, row.number()), log);
                table.appendCopyLine(buffer, typed, row.number());
                if (buffer.length() >= COPY_CHUNK) {
                    flush(copy, buffer);
                    progress.progress("import " + fileName, source.position(), source.size());
                }
            }
            flush(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) copy.cancelCopy();
        }
        progress.progress("import " + fileName, Math.max(source.size(), 0), source.size());
        if (rows == 0) {
            log.accept(new Violation(
                    fileName,
                    0,
                    null,
                    null,
                    null,
                    "no_rows",
                    // a warning: a study need not collect every strand (a case-file-only study has no interviews)
                    "the file has a header but no data rows; nothing was stored",
                    Severity.WARNING));
        }
        return rows;
    }

    /** A header cell that can be quoted: it looks like a variable name. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    /**
     * Maps header cells to variables, reporting unknown, repeated and missing columns. Every
     * variable of the form must have a column: a missing column would blank what is stored. A
     * header cell is quoted only when it looks like a variable name, and a first row that names no
     * variable at all is reported once as a missing header (it is likely a data row, and may hold
     * narrative text).
     */
    private static List<Variable> mapHeader(Form form, List<String> header, String fileName, ViolationLog log) {
        List<Variable> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String h : header) {
            String name = h.strip().toUpperCase(Locale.ROOT);
            if (form.find(name).isPresent()) seen.putIfAbsent(name, -1);
        }
        if (seen.isEmpty()) {
            log.accept(new Violation(
                    fileName,
                    0,
                    null,
                    null,
                    null,
                    "no_header",
                    "the first row names no variable of the " + form.name()
                            + " form; the file needs a header row with the variable names (is it missing?)",
                    Severity.ERROR));
            for (int i = 0; i < header.size(); i++) out.add(null);
            return out;
        }
        seen.clear();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).strip();
            String name = cell.toUpperCase(Locale.ROOT);
            Variable v = form.find(name).orElse(null);
            if (v == null) {
                log.accept(new Violation(
                        fileName,
                        0,
                        null,
                        NAME.matcher(cell).matches() ? cell : null,
                        null,
                        "unknown_column",
                        "column " + (i + 1) + " is not a variable of the " + form.name() + " form",
                        Severity.ERROR));
            } else if (seen.put(name, i) != null) {
                log.accept(new Violation(
                        fileName,
                        0,
                        null,
                        name,
                        null,
                        "repeated_column",
                        "the column appears twice in the header",
                        Severity.ERROR));
                v = null;
            }
            out.add(v);
        }
        for (Variable v : form.variables()) {
            if (!seen.containsKey(v.name())) {
                log.accept(new Violation(
                        fileName,
                        0,
                        null,
                        v.name(),
                        null,
                        "missing_column",
                        v.required()
                                ? "the required column is missing from the header"
                                : "the column is missing from the header; every variable needs its column (leave"
                                        + " cells blank where there is no value), so that stored values are never"
                                        + " blanked",
                        Severity.ERROR));
            }
        }
        return out;
    }

    /** Checks that need all rows: duplicate keys, links to parents, values repeated from the parent. */
    private void checkTogether(Connection c, Form form, FormTable table, String fileName, ViolationLog log)
            throws SQLException {
        String keys = String.join(", ", table.keyColumns());
        query(
                c,
                "SELECT concat_ws('/', " + keys
                        + "), array_to_string((array_agg(_row ORDER BY _row))[1:10], ', '), count(*) FROM staging "
                        + "GROUP BY " + keys + " HAVING count(*) > 1 ORDER BY min(_row) LIMIT " + SQL_CHECK_LIMIT,
                rs -> {
                    log.accept(new Violation(
                            fileName,
                            0,
                            rs.getString(1),
                            form.key().get(form.key().size() - 1),
                            null,
                            "duplicate_id",
                            "the ID appears " + rs.getLong(3) + " times in the file (rows " + rs.getString(2) + ")",
                            Severity.ERROR));
                });
        var link = form.parentLink();
        if (link.isEmpty()) return;
        Variable lv = link.get();
        Form parent = store.instrument().form(lv.parent());
        String lc = FormTable.column(lv.name());
        String on = String.join(
                " AND ",
                table.keyColumns().stream().map(k -> "t." + k + " = s." + k).toList());
        query(
                c,
                "SELECT s._row, concat_ws('/', "
                        + String.join(
                                ", ",
                                table.keyColumns().stream().map(k -> "s." + k).toList())
                        + ") FROM staging s JOIN " + table.table() + " t ON " + on + " WHERE s." + lc
                        + " IS DISTINCT FROM t." + lc + " ORDER BY s._row LIMIT " + SQL_CHECK_LIMIT,
                rs -> {
                    log.accept(new Violation(
                            fileName,
                            rs.getLong(1),
                            rs.getString(2),
                            lv.name(),
                            null,
                            "link_changed",
                            "the record is stored under another "
                                    + parent.label().toLowerCase(Locale.ROOT)
                                    + "; an import never moves a record (use: tfeval move --form " + form.name()
                                    + " --id KEY --to-parent ID --reason TEXT, a privileged, audited step)",
                            Severity.ERROR));
                });
        query(
                c,
                "SELECT s._row, s." + lc + " FROM staging s WHERE s." + lc
                        + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + parent.table() + " p WHERE p." + lc + " = s."
                        + lc + ") ORDER BY s._row LIMIT " + SQL_CHECK_LIMIT,
                rs -> {
                    log.accept(new Violation(
                            fileName,
                            rs.getLong(1),
                            null,
                            lv.name(),
                            rs.getString(2),
                            "broken_link",
                            "no " + parent.label().toLowerCase(Locale.ROOT) + " record has this ID; import the "
                                    + parent.name() + " file first",
                            Severity.ERROR));
                });
        for (Variable v : form.variables()) {
            if (v.inherit() == null) continue;
            String vc = FormTable.column(v.name());
            query(
                    c,
                    "SELECT s._row, s." + lc + " FROM staging s JOIN " + parent.table() + " p ON p." + lc + " = s." + lc
                            + " WHERE s." + vc + " IS DISTINCT FROM p." + vc + " ORDER BY s._row LIMIT "
                            + SQL_CHECK_LIMIT,
                    rs -> {
                        log.accept(new Violation(
                                fileName,
                                rs.getLong(1),
                                null,
                                v.name(),
                                null,
                                "inherited_mismatch",
                                "differs from the value recorded for " + parent.name() + " " + rs.getString(2),
                                Severity.ERROR));
                    });
        }
    }

    private ImportResult merge(
            Connection c, Form form, FormTable table, String fileName, String sha256, long rows, ViolationLog log)
            throws SQLException {
        String keys = String.join(", ", table.keyColumns());
        List<String> cols = table.columns();
        String tCols = "(" + String.join(", ", cols.stream().map(x -> "t." + x).toList()) + ")";
        String sCols = "(" + String.join(", ", cols.stream().map(x -> "s." + x).toList()) + ")";
        String on = String.join(
                " AND ",
                table.keyColumns().stream().map(k -> "t." + k + " = s." + k).toList());
        String keyExpr = "concat_ws('/', "
                + String.join(
                        ", ", table.keyColumns().stream().map(k -> "s." + k).toList()) + ")";
        long[] counts = new long[2]; // inserted, updated
        AuditEvent event = AuditLog.record(c, new AuditEntry(actor, "import", form.name(), reason, "{}"), audit -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(
                        "INSERT INTO audit_change (event_seq, ord, record_key, op, old_value, new_value) SELECT "
                                + audit.event()
                                + ", row_number() OVER (ORDER BY s._row), " + keyExpr + ", CASE WHEN t."
                                + table.keyColumns().get(0)
                                + " IS NULL THEN 'I' ELSE 'U' END, CASE WHEN t."
                                + table.keyColumns().get(0) + " IS NULL THEN NULL ELSE to_json(t) END, "
                                + "to_json(s) FROM staging s LEFT JOIN " + table.table() + " t ON " + on
                                + " WHERE t." + table.keyColumns().get(0) + " IS NULL OR " + tCols
                                + " IS DISTINCT FROM " + sCols);
                try (ResultSet rs = st.executeQuery(
                        "SELECT count(*) FILTER (WHERE op = 'I'), count(*) FILTER (WHERE op = 'U') FROM audit_change "
                                + "WHERE event_seq = " + audit.event())) {
                    rs.next();
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                }
                String colList = String.join(", ", cols);
                String set = String.join(
                        ", ", cols.stream().map(x -> x + " = EXCLUDED." + x).toList());
                String excluded = "("
                        + String.join(
                                ", ", cols.stream().map(x -> "EXCLUDED." + x).toList()) + ")";
                String current = "("
                        + String.join(
                                ", ",
                                cols.stream().map(x -> table.table() + "." + x).toList()) + ")";
                st.executeUpdate("INSERT INTO " + table.table() + " (" + colList + ") SELECT " + colList
                        + " FROM staging ORDER BY _row " + "ON CONFLICT (" + keys + ") DO UPDATE SET " + set + " WHERE "
                        + current + " IS DISTINCT FROM " + excluded);
            }
            var tree = new java.util.LinkedHashMap<String, Object>();
            tree.put("file", fileName);
            tree.put("sha256", sha256);
            tree.put("rows", rows);
            tree.put("inserted", counts[0]);
            tree.put("updated", counts[1]);
            audit.detail(org.tfeval.store.validate.ReportWriter.compactJson(tree));
        });
        long inserted = counts[0];
        long updated = counts[1];
        return new ImportResult(
                form.name(),
                fileName,
                sha256,
                rows,
                inserted,
                updated,
                rows - inserted - updated,
                0,
                log.warnings(),
                log.kept(),
                log.countsByCode(),
                event.seq());
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        if (buffer.isEmpty()) return;
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) handler.handle(rs);
        }
    }
}

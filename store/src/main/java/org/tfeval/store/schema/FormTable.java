package org.tfeval.store.schema;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Missing;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.snapshot.write.DatasetQuery;

/**
 * The SQL table of a form. Every variable has a value column; numeric variables keep missing codes
 * in the value, character variables keep them as their text ({@code "-9"}), and dates keep them in
 * a companion column {@code <var>__mc} (the date itself is then NULL).
 */
public final class FormTable {
    /** Suffix of the companion column holding a date's missing code. */
    public static final String MISSING_SUFFIX = DatasetQuery.MISSING_SUFFIX;

    private final Instrument instrument;
    private final Form form;

    public FormTable(Instrument instrument, Form form) {
        this.instrument = instrument;
        this.form = form;
    }

    public Form form() {
        return form;
    }

    /** The table, quoted for SQL ({@link SqlIdentifier#quote}). */
    public String table() {
        return SqlIdentifier.quote(tableName());
    }

    /** The table's name as the catalog holds it (not quoted). */
    public String tableName() {
        return form.table();
    }

    /** Column of a variable, quoted for SQL. */
    public static String column(String variable) {
        return SqlIdentifier.quote(columnName(variable));
    }

    /** Column name of a variable as the catalog and {@code to_json} hold it (not quoted). */
    public static String columnName(String variable) {
        return DatasetQuery.columnName(variable);
    }

    /** Column of a date variable's missing code, quoted for SQL. */
    public static String missingColumn(String variable) {
        return SqlIdentifier.quote(columnName(variable) + MISSING_SUFFIX);
    }

    /** All data columns in order (values, with companions after their date). */
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        for (Variable v : form.variables()) {
            out.add(column(v.name()));
            if (v.type() == VariableType.DATE) out.add(missingColumn(v.name()));
        }
        return out;
    }

    /** Key columns. */
    public List<String> keyColumns() {
        return form.key().stream().map(FormTable::column).toList();
    }

    /** Column definitions (name as the catalog holds it, not quoted, and SQL type), in {@link #columns()} order. */
    public Map<String, String> columnTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Variable v : form.variables()) {
            out.put(columnName(v.name()), v.type().sqlType());
            if (v.type() == VariableType.DATE) out.put(columnName(v.name()) + MISSING_SUFFIX, "smallint");
        }
        return out;
    }

    /** CREATE TABLE with primary key and a foreign key to the parent form. */
    public String createSql() {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(table()).append(" (\n");
        columnTypes()
                .forEach((c, t) -> b.append("    ")
                        .append(SqlIdentifier.quote(c))
                        .append(' ')
                        .append(t)
                        .append(",\n"));
        b.append("    PRIMARY KEY (").append(String.join(", ", keyColumns())).append(')');
        form.parentLink()
                .ifPresent(link -> b.append(",\n    FOREIGN KEY (")
                        .append(column(link.name()))
                        .append(") REFERENCES ")
                        .append(SqlIdentifier.quote(
                                instrument.form(link.parent()).table()))
                        .append(" (")
                        .append(column(link.name()))
                        .append(')'));
        b.append("\n)");
        return b.toString();
    }

    /** Index statements for the link to the parent (PostgreSQL does not index foreign keys by itself). */
    public List<String> indexSql() {
        return form.parentLink()
                .map(link -> List.of(
                        "CREATE INDEX " + SqlIdentifier.quote(tableName() + "_" + columnName(link.name()) + "_idx")
                                + " ON " + table() + " (" + column(link.name()) + ")"))
                .orElse(List.of());
    }

    /**
     * LEFT JOINs that aggregate each child form once (GROUP BY the link), giving the values the
     * derived variables of this form should have for the row aliased {@code p}; see {@link #derivedValue}.
     * The snapshot's {@link DatasetQuery} is the one translator; the store's validation runs the same SQL.
     */
    public String derivedJoins(String p) {
        return new DatasetQuery(instrument, form).derivedJoins(p);
    }

    /** The value a derived variable should have, over {@link #derivedJoins}; see {@link DatasetQuery#derivedValue}. */
    public String derivedValue(Variable v) {
        return new DatasetQuery(instrument, form).derivedValue(v);
    }

    /**
     * Reads the current row of a result set into typed values. The query must select exactly
     * {@link #columns()}, in order: values are read by position.
     */
    public Map<String, Object> read(ResultSet rs) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        int i = 1;
        for (Variable v : form.variables()) {
            int at = i++;
            Object value = switch (v.type()) {
                case CODE, INTEGER -> {
                    long n = rs.getLong(at);
                    yield rs.wasNull() ? null : instrument.isMissingCode(n) ? new Missing((int) n) : (Object) n;
                }
                case DECIMAL -> {
                    BigDecimal d = rs.getBigDecimal(at);
                    yield d == null
                            ? null
                            : d.signum() < 0 && d.scale() <= 0 && instrument.isMissingCode(d.longValue())
                                    ? new Missing(d.intValue())
                                    : d;
                }
                case DATE -> {
                    Date d = rs.getDate(at);
                    int mc = rs.getInt(i++);
                    boolean noCode = rs.wasNull();
                    yield d != null ? d.toLocalDate() : noCode ? null : new Missing(mc);
                }
                default -> {
                    String s = rs.getString(at);
                    yield s != null && v.type() != VariableType.ID && isMissingText(s)
                            ? new Missing(Integer.parseInt(s))
                            : s;
                }
            };
            out.put(v.name(), value);
        }
        return out;
    }

    /** Formats a typed value in the import format ({@code ""} for blank). */
    public static String format(Variable v, Object value) {
        if (value == null) return "";
        if (value instanceof Missing m) return Integer.toString(m.code());
        return v.type().format(value);
    }

    /** The cells of a record in the import format. */
    public Map<String, String> cells(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Variable v : form.variables()) out.put(v.name(), format(v, values.get(v.name())));
        return out;
    }

    /** Appends a record as one line of PostgreSQL COPY text format, in {@link #columns()} order. */
    public void appendCopyLine(StringBuilder b, Map<String, Object> values, long row) {
        for (Variable v : form.variables()) {
            Object value = values.get(v.name());
            if (v.type() == VariableType.DATE) {
                if (value instanceof LocalDate d) {
                    b.append(d).append("\t\\N\t");
                } else if (value instanceof Missing m) {
                    b.append("\\N\t").append(m.code()).append('\t');
                } else {
                    b.append("\\N\t\\N\t");
                }
            } else if (value == null) {
                b.append("\\N\t");
            } else if (value instanceof Missing m) {
                b.append(m.code()).append('\t');
            } else if (v.type().isCharacter()) {
                escape(b, (String) value);
                b.append('\t');
            } else {
                b.append(v.type().format(value)).append('\t');
            }
        }
        b.append(row).append('\n');
    }

    private boolean isMissingText(String s) {
        if (s.length() < 2 || s.length() > 3 || s.charAt(0) != '-') return false;
        try {
            return instrument.isMissingCode(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}

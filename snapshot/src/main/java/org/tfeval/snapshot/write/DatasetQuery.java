package org.tfeval.snapshot.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tfeval.instrument.Derivation;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.expression.Expression;
import org.tfeval.instrument.sql.SqlIdentifier;

/**
 * The one translator from the instrument to the SQL that gives a form's dataset: its columns in
 * snapshot order, derived variables computed from their child records, rows ordered by key. The SQL
 * is valid in PostgreSQL (the store) and DuckDB ({@link CsvStudy}) alike, over tables laid out the
 * same way: one table per form ({@link Form#table()}), a lower-case column per variable, numeric
 * missing codes in the value, character ones as their text, and a date's missing code in a
 * companion column ({@value #MISSING_SUFFIX}).
 */
public final class DatasetQuery {
    /** Suffix of the companion column holding a date's missing code. */
    public static final String MISSING_SUFFIX = "__mc";
    /** Code written for a derived value that cannot be computed because its inputs are missing. */
    public static final int DERIVED_UNKNOWN = -9;

    private final Instrument instrument;
    private final Form form;

    public DatasetQuery(Instrument instrument, Form form) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.form = Objects.requireNonNull(form, "form");
    }

    /**
     * A column of the dataset as the snapshot stores it.
     *
     * @param name the column name in the Parquet file (the variable's name; {@code NAME__MC} for a date's missing code)
     * @param type its DuckDB type
     */
    public record Column(String name, String type) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public Form form() {
        return form;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The table of the form, quoted for SQL. */
    public String table() {
        return SqlIdentifier.quote(form.table());
    }

    /** Table column of a variable, quoted for SQL. */
    public static String column(String variable) {
        return SqlIdentifier.quote(columnName(variable));
    }

    /** Column name of a variable as the catalog holds it (not quoted). */
    public static String columnName(String variable) {
        return variable.toLowerCase(Locale.ROOT);
    }

    /** Table column of a date variable's missing code, quoted for SQL. */
    public static String missingColumn(String variable) {
        return SqlIdentifier.quote(columnName(variable) + MISSING_SUFFIX);
    }

    /** Key columns of the table, in key order. */
    public List<String> keyColumns() {
        return form.key().stream().map(DatasetQuery::column).toList();
    }

    /** The dataset's columns, in order: every variable, a date followed by its missing code. */
    public List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (Variable v : form.variables()) {
            out.add(new Column(v.name(), type(v.type())));
            if (v.type() == VariableType.DATE)
                out.add(new Column(v.name() + MISSING_SUFFIX.toUpperCase(Locale.ROOT), "SMALLINT"));
        }
        return out;
    }

    /** The DuckDB type a variable's values have in a snapshot (and in {@link CsvStudy}'s tables). */
    public static String type(VariableType t) {
        return switch (t) {
            case CODE, INTEGER -> "INTEGER";
            case DECIMAL -> "DOUBLE";
            case DATE -> "DATE";
            default -> "VARCHAR";
        };
    }

    /**
     * The SELECT of the dataset, in {@link #columns()} order (under the table's column names), derived
     * variables computed ({@value #DERIVED_UNKNOWN} when unknown), ordered by key.
     */
    public String select() {
        List<String> select = new ArrayList<>();
        for (Variable v : form.variables()) {
            String c = column(v.name());
            select.add(v.isDerived() ? "COALESCE(" + derivedValue(v) + ", " + DERIVED_UNKNOWN + ") AS " + c : "p." + c);
            if (v.type() == VariableType.DATE) select.add("p." + missingColumn(v.name()));
        }
        return "SELECT " + String.join(", ", select) + " FROM " + table() + " p" + derivedJoins("p") + " ORDER BY "
                + String.join(", ", keyColumns().stream().map(k -> "p." + k).toList());
    }

    /**
     * LEFT JOINs that aggregate each child form once (GROUP BY the link), giving the values the
     * derived variables of this form should have for the row aliased {@code p}; see {@link #derivedValue}.
     */
    public String derivedJoins(String p) {
        Map<String, List<Variable>> byChild = new LinkedHashMap<>();
        for (Variable v : form.variables()) {
            if (v.derived() != null)
                byChild.computeIfAbsent(v.derived().form(), k -> new ArrayList<>())
                        .add(v);
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Variable>> e : byChild.entrySet()) {
            DatasetQuery child = new DatasetQuery(instrument, instrument.form(e.getKey()));
            String link = column(child.form()
                    .parentLink()
                    .orElseThrow(() -> new IllegalStateException(
                            "form " + e.getKey() + " has no parent link for the derived variables of " + form.name()))
                    .name());
            b.append(" LEFT JOIN (SELECT c.").append(link).append(" AS k");
            for (Variable v : e.getValue()) {
                b.append(", ");
                if (v.derived().kind() == Derivation.Kind.COUNT) {
                    b.append("count(*)");
                } else {
                    String w = v.derived().where().toSql(name -> child.sqlColumn("c", name));
                    b.append("CASE WHEN bool_or(")
                            .append(w)
                            .append(") THEN 1 WHEN bool_or((")
                            .append(w)
                            .append(") IS NULL) THEN NULL ELSE 0 END");
                }
                b.append(" AS ").append(column(v.name()));
            }
            b.append(" FROM ")
                    .append(child.table())
                    .append(" c GROUP BY c.")
                    .append(link)
                    .append(") ")
                    .append(alias(e.getKey()))
                    .append(" ON ")
                    .append(alias(e.getKey()))
                    .append(".k = ")
                    .append(p)
                    .append('.')
                    .append(link);
        }
        return b.toString();
    }

    /**
     * The value a derived variable should have, over {@link #derivedJoins}: the count of child
     * records, or 1/0 whether any child satisfies the condition; NULL when that is unknown because
     * of missing values.
     */
    public String derivedValue(Variable v) {
        if (v.derived() == null) throw new IllegalArgumentException(v.name() + " is not derived");
        String a = alias(v.derived().form());
        return "(CASE WHEN " + a + ".k IS NULL THEN 0 ELSE " + a + "." + column(v.name()) + " END)";
    }

    private static String alias(String childForm) {
        return SqlIdentifier.quote("agg_" + childForm);
    }

    /**
     * How a variable of this form appears in conditions: a value that is NULL when blank or missing,
     * and a predicate for "not applicable".
     *
     * @param alias table alias
     */
    public Expression.SqlColumn sqlColumn(String alias, String variable) {
        Variable v = form.variable(variable);
        String c = alias + "." + column(variable);
        String na = switch (v.type()) {
            case DATE ->
                alias + "." + missingColumn(variable) + " IS NOT DISTINCT FROM " + MissingCode.NOT_APPLICABLE.code();
            case CODE, INTEGER, DECIMAL -> c + " IS NOT DISTINCT FROM " + MissingCode.NOT_APPLICABLE.code();
            default -> c + " IS NOT DISTINCT FROM '" + MissingCode.NOT_APPLICABLE.code() + "'";
        };
        return new Expression.SqlColumn(knownValueSql(alias, variable), na);
    }

    /** SQL expression of a variable's value that is NULL when blank or any missing code. */
    public String knownValueSql(String alias, String variable) {
        Variable v = form.variable(variable);
        String c = alias + "." + column(variable);
        String codes = instrument.missingCodes().stream()
                .map(m -> Integer.toString(m.code()))
                .reduce((a, b) -> a + "," + b)
                .orElse("-9");
        if (v.type().isNumeric()) return "(CASE WHEN " + c + " IN (" + codes + ") THEN NULL ELSE " + c + " END)";
        if (v.type().isCharacter())
            return "(CASE WHEN " + c + " IN ('" + codes.replace(",", "','") + "') THEN NULL ELSE " + c + " END)";
        return c;
    }
}

package org.tfeval.release.tables;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.DisclosureRole;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.ReleaseLevel;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.snapshot.Snapshot;
import org.tfeval.stats.disclosure.ComplementarySuppression;
import org.tfeval.stats.disclosure.CountTable;
import org.tfeval.stats.disclosure.Suppression;

/**
 * Safe aggregate tables of a snapshot: for every public code variable of the case and of the forms
 * below it, the count of records per category (one row for all missing codes) by the column variable
 * (the case's code variable every child form repeats: the type of trafficking), with row, column and
 * grand totals, rows and columns without records left out; counts from 1 to k - 1 withheld, and further cells and totals withheld until no
 * withheld count can be worked out from what is published ({@link ComplementarySuppression}).
 */
public final class AggregateTables {
    /** The mark of a withheld count in the CSV files. */
    public static final String WITHHELD = "S";
    /** The folder of the tables in a package. */
    public static final String FOLDER = "tables";
    /** The row of the missing codes. */
    static final String MISSING_ROW = "Missing, unknown or not applicable";

    private AggregateTables() {}

    /**
     * A table: counts[row][column] with its labels and what is withheld.
     *
     * @param file the CSV file name
     * @param form the form counted
     * @param variable the row variable
     * @param column the column variable
     * @param rows row labels
     * @param columns column labels
     * @param suppression the counts and what is withheld
     */
    public record Table(
            String file,
            String form,
            String variable,
            String column,
            List<String> rows,
            List<String> columns,
            Suppression suppression) {
        public Table {
            Objects.requireNonNull(file, "file");
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            Objects.requireNonNull(suppression, "suppression");
        }

        /** The table as CSV: withheld counts as {@value #WITHHELD}. */
        public String csv() {
            CountTable t = suppression.table();
            StringBuilder b = new StringBuilder();
            b.append(csvCell(variable + " \\ " + column));
            columns.forEach(c -> b.append(',').append(csvCell(c)));
            b.append(",Total\n");
            for (int r = 0; r < t.rows(); r++) {
                b.append(csvCell(rows.get(r)));
                for (int c = 0; c < t.columns(); c++) {
                    b.append(',').append(suppression.cell(r, c) ? WITHHELD : Long.toString(t.cell(r, c)));
                }
                b.append(',')
                        .append(suppression.rowTotals()[r] ? WITHHELD : Long.toString(t.rowTotal(r)))
                        .append('\n');
            }
            b.append("Total");
            for (int c = 0; c < t.columns(); c++) {
                b.append(',').append(suppression.columnTotals()[c] ? WITHHELD : Long.toString(t.columnTotal(c)));
            }
            b.append(',')
                    .append(suppression.grandTotal() ? WITHHELD : Long.toString(t.grandTotal()))
                    .append('\n');
            return b.toString();
        }
    }

    /** The tables of a snapshot at minimum cell size k. */
    public static List<Table> of(Snapshot snapshot, int k) throws SQLException {
        Instrument ins = snapshot.instrument();
        Form unit = ins.forms().stream()
                .max(java.util.Comparator.comparingInt(
                                (Form f) -> ins.childrenOf(f).size())
                        .thenComparing(f -> -ins.forms().indexOf(f)))
                .orElseThrow();
        List<Form> forms = new ArrayList<>(List.of(unit));
        forms.addAll(ins.childrenOf(unit));
        Optional<Variable> column = unit.variables().stream()
                .filter(v -> v.type() == VariableType.CODE && v.release().includedIn(ReleaseLevel.PUBLIC))
                .filter(v -> ins.childrenOf(unit).stream()
                        .allMatch(c -> c.find(v.name())
                                .map(x -> unit.name().equals(x.inherit()))
                                .orElse(false)))
                .findFirst();
        ComplementarySuppression rule = ComplementarySuppression.of(k);
        List<Table> out = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = duck.createStatement()) {
                st.execute("SET threads TO 1");
            }
            for (Form f : forms) {
                for (Variable v : f.variables()) {
                    if (v.type() != VariableType.CODE
                            || v.valueLabels().isEmpty()
                            || !v.release().includedIn(ReleaseLevel.PUBLIC)
                            || v.disclosure() == DisclosureRole.DIRECT
                            || v.inherit() != null
                            || column.map(c -> c.name().equals(v.name())).orElse(false)) {
                        continue;
                    }
                    out.add(table(duck, snapshot, f, v, column.orElse(null), rule));
                }
            }
        }
        return out;
    }

    private static Table table(
            Connection duck, Snapshot snapshot, Form f, Variable v, Variable column, ComplementarySuppression rule)
            throws SQLException {
        List<Long> rowCodes = new ArrayList<>(v.valueLabels().keySet());
        List<String> rows = new ArrayList<>();
        rowCodes.forEach(c -> rows.add(v.valueLabels().get(c)));
        rows.add(MISSING_ROW);
        List<Long> colCodes = column == null
                ? List.of(0L)
                : new ArrayList<>(column.valueLabels().keySet());
        List<String> cols = new ArrayList<>();
        if (column == null) {
            cols.add("All");
        } else {
            colCodes.forEach(c -> cols.add(column.valueLabels().get(c)));
        }
        long[][] cells = new long[rows.size()][cols.size() + (column == null ? 0 : 1)];
        if (column != null) {
            cols.add(MISSING_ROW);
        }
        String parquet = snapshot.dataset(f.name()).toString().replace("'", "''");
        String colSql = column == null ? "0" : "CAST(" + quote(column.name()) + " AS BIGINT)";
        String sql = "SELECT CAST(" + quote(v.name()) + " AS BIGINT), " + colSql + ", count(*) FROM read_parquet('"
                + parquet + "') GROUP BY 1, 2";
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long x = rs.getLong(1);
                boolean xNull = rs.wasNull();
                long y = rs.getLong(2);
                boolean yNull = rs.wasNull();
                int r = xNull || !rowCodes.contains(x) ? rows.size() - 1 : rowCodes.indexOf(x);
                int c = column == null ? 0 : yNull || !colCodes.contains(y) ? cols.size() - 1 : colCodes.indexOf(y);
                cells[r][c] += rs.getLong(3);
            }
        }
        // rows and columns without any record are left out: a zero total would give away the cells withheld in it
        List<Integer> keepRows = new ArrayList<>();
        List<Integer> keepCols = new ArrayList<>();
        for (int r = 0; r < cells.length; r++) {
            long sum = 0;
            for (long x : cells[r]) {
                sum += x;
            }
            if (sum > 0) {
                keepRows.add(r);
            }
        }
        for (int c = 0; c < cols.size(); c++) {
            long sum = 0;
            for (long[] row : cells) {
                sum += row[c];
            }
            if (sum > 0) {
                keepCols.add(c);
            }
        }
        long[][] kept = new long[keepRows.size()][keepCols.size()];
        for (int r = 0; r < keepRows.size(); r++) {
            for (int c = 0; c < keepCols.size(); c++) {
                kept[r][c] = cells[keepRows.get(r)][keepCols.get(c)];
            }
        }
        List<String> rowLabels = keepRows.stream().map(rows::get).toList();
        List<String> colLabels = keepCols.stream().map(cols::get).toList();
        CountTable t = new CountTable(kept, new boolean[kept.length], true, true);
        String file = f.name() + "_" + v.name().toLowerCase(Locale.ROOT)
                + (column == null ? "" : "_by_" + column.name().toLowerCase(Locale.ROOT)) + ".csv";
        return new Table(file, f.name(), v.name(), column == null ? "all" : column.name(), rows, cols, rule.apply(t));
    }

    /** Writes the tables and an index into {@code dir}; returns the files written, index first. */
    public static List<String> write(List<Table> tables, Path dir, int k) throws IOException {
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        StringBuilder index = new StringBuilder("file,form,variable,by,withheld_counts\n");
        Map<String, String> written = new LinkedHashMap<>();
        for (Table t : tables) {
            Files.writeString(dir.resolve(t.file()), t.csv(), StandardCharsets.UTF_8);
            written.put(t.file(), t.variable());
            index.append(t.file())
                    .append(',')
                    .append(t.form())
                    .append(',')
                    .append(t.variable())
                    .append(',')
                    .append(t.column())
                    .append(',')
                    .append(t.suppression().count())
                    .append('\n');
        }
        Files.writeString(dir.resolve("index.csv"), index.toString(), StandardCharsets.UTF_8);
        out.add("index.csv");
        out.addAll(written.keySet());
        Files.writeString(
                dir.resolve("README.txt"),
                String.format(
                        Locale.ROOT,
                        "Frequency tables: records per category by %s, with totals.%n"
                                + "Counts from 1 to %d are withheld (%s), and further counts and totals are withheld%n"
                                + "so that no withheld count can be worked out from the published ones.%n",
                        tables.isEmpty() ? "type" : tables.get(0).column(),
                        k - 1,
                        WITHHELD),
                StandardCharsets.UTF_8);
        out.add("README.txt");
        return out;
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

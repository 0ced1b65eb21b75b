package org.tfeval.study.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.store.schema.FormTable;

/**
 * A form's records limited to some task forces: the task-force variable is found on the form or,
 * through the parent links, on the nearest ancestor (an offense belongs to its suspect's task
 * force). Immutable.
 */
final class ScopedExport {
    /** Rows fetched per round trip. */
    static final int FETCH_SIZE = 2000;

    private final Instrument instrument;
    private final String taskForceVariable;

    ScopedExport(Instrument instrument, String taskForceVariable) {
        this.instrument = instrument;
        this.taskForceVariable = taskForceVariable;
    }

    /** The SELECT of a form's columns, with one array parameter: the task forces (or, when {@code all}, none). */
    String sql(Form form, boolean all) {
        FormTable t = new FormTable(instrument, form);
        StringBuilder joins = new StringBuilder();
        Form f = form;
        String alias = "r0";
        int i = 0;
        while (f.find(taskForceVariable).isEmpty()) {
            Variable link = f.parentLink()
                    .orElseThrow(
                            () -> new IllegalStateException("form " + form.name() + " has no path to the task force"));
            Form parent = instrument.form(link.parent());
            String next = "r" + (++i);
            joins.append(" JOIN ")
                    .append(SqlIdentifier.quote(parent.table()))
                    .append(' ')
                    .append(next)
                    .append(" ON ")
                    .append(next)
                    .append('.')
                    .append(FormTable.column(link.name()))
                    .append(" = ")
                    .append(alias)
                    .append('.')
                    .append(FormTable.column(link.name()));
            alias = next;
            f = parent;
        }
        StringBuilder cols = new StringBuilder();
        for (String c : t.columns())
            cols.append(cols.isEmpty() ? "" : ", ").append("r0.").append(c);
        return "SELECT " + cols + " FROM " + t.table() + " r0" + joins
                + (all ? "" : " WHERE " + alias + "." + FormTable.column(taskForceVariable) + " = ANY (?)")
                + " ORDER BY "
                + String.join(", ", t.keyColumns().stream().map(k -> "r0." + k).toList());
    }

    /** Writes the CSV (header of variable names, then rows in the import format); returns the row count. */
    long write(Connection c, Form form, Collection<String> taskForces, Writer out) throws SQLException {
        FormTable t = new FormTable(instrument, form);
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement(sql(form, taskForces == null))) {
            if (taskForces != null) ps.setArray(1, c.createArrayOf("text", taskForces.toArray()));
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery();
                    CSVPrinter p = new CSVPrinter(
                            out,
                            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
                p.printRecord(form.variables().stream().map(Variable::name).toList());
                while (rs.next()) {
                    p.printRecord(t.cells(t.read(rs)).values());
                    n++;
                }
                p.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
        return n;
    }
}

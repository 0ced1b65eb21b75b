package org.tfeval.release.pipeline;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.MissingCode;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.snapshot.Snapshot;

/**
 * Treats the values the processing checks find invalid before disclosure control sees them, as an
 * archive's data processing does: an undocumented code, a number outside the variable's valid range
 * and a date outside the study's date range are never passed on, so an age of 370 cannot land in an
 * age band and an undocumented code in no labelled category. Each is set to the variable's "unknown"
 * missing code ({@link MissingCode#UNKNOWN}), or "not recorded" when the variable does not accept
 * "unknown", or left blank (system missing) when it accepts neither. Corrections from the source
 * records are made in the study database (audited edits) and reach a release through a new snapshot;
 * what is still invalid in the snapshot is treated here and listed in the processing log.
 *
 * <p>The snapshot itself is never changed: the treated data are written as a copy in the release's
 * private work folder.
 */
final class ValueTreatment {

    /** The violation codes of the record validator that are treated, and how they are named in the log. */
    private static final Map<String, String> TREATED = Map.of(
            "undocumented_code", "undocumented code",
            "out_of_range", "out of range",
            "date_out_of_range", "date out of the study's range");

    private ValueTreatment() {}

    /** What was done to the invalid values of a variable. */
    enum Action {
        /** Replaced by a reserved missing code the variable accepts. */
        SET_TO_MISSING_CODE,
        /** Left blank: the variable accepts no suitable missing code. */
        SET_TO_SYSTEM_MISSING;

        String describe(Optional<MissingCode> code, Instrument ins) {
            return switch (this) {
                case SET_TO_MISSING_CODE ->
                    "set to missing code " + code.orElseThrow().code() + " (" + ins.missingLabel(code.orElseThrow())
                            + ")";
                case SET_TO_SYSTEM_MISSING -> "set to system missing (blank; no missing code accepted)";
            };
        }
    }

    /**
     * The treated snapshot (the same id and manifest, its data in {@code work}) and what was treated.
     */
    record Result(Snapshot snapshot, List<ProcessingLog.Treatment> treated) {
        Result {
            Objects.requireNonNull(snapshot, "snapshot");
            treated = List.copyOf(treated);
        }
    }

    /** Treats every invalid value of the snapshot, writing the treated copy into {@code work}. */
    static Result apply(Snapshot snapshot, Path work, ProgressListener progress) throws IOException, SQLException {
        Instrument ins = snapshot.instrument();
        Path dir = Files.createDirectories(work.resolve("treated"));
        Files.copy(snapshot.dir().resolve(Snapshot.INSTRUMENT), dir.resolve(Snapshot.INSTRUMENT));
        Snapshot treated = new Snapshot(snapshot.id(), dir, snapshot.manifest());
        List<ProcessingLog.Treatment> out = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            st.execute("SET threads TO 2");
            int i = 0;
            for (Form f : ins.forms()) {
                progress.progress("treat invalid values", i++, ins.forms().size());
                String table = quote("t_" + f.name());
                st.execute("CREATE TABLE " + table + " AS SELECT * FROM read_parquet("
                        + literal(snapshot.dataset(f.name()).toString()) + ")");
                out.addAll(treat(duck, st, ins, f, table));
                Path target = treated.dataset(f.name());
                Files.createDirectories(target.getParent());
                st.execute("COPY " + table + " TO " + literal(target.toString()) + " (FORMAT parquet)");
                st.execute("DROP TABLE " + table);
            }
            progress.progress(
                    "treat invalid values", ins.forms().size(), ins.forms().size());
        }
        return new Result(treated, out);
    }

    private static List<ProcessingLog.Treatment> treat(
            Connection duck, Statement st, Instrument ins, Form f, String table) throws SQLException {
        RecordValidator validator = new RecordValidator(ins, f);
        // variable -> finding -> row ids
        Map<String, Map<String, List<Long>>> found = new LinkedHashMap<>();
        java.util.Set<String> columns = new java.util.HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT rowid AS _rid, * FROM " + table + " ORDER BY rowid")) {
            Map<String, Integer> index = new HashMap<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                index.put(rs.getMetaData().getColumnName(c), c);
            }
            columns.addAll(index.keySet());
            Map<String, String> cells = new HashMap<>();
            while (rs.next()) {
                long rid = rs.getLong(1);
                cells.clear();
                for (Variable v : f.variables()) {
                    cells.put(v.name(), ProcessingLog.text(rs, v, index));
                }
                validator.parse(cells, new Location(f.name(), rid + 1), violation -> {
                    String finding = TREATED.get(violation.code());
                    if (finding != null && violation.variable() != null) {
                        found.computeIfAbsent(violation.variable(), x -> new LinkedHashMap<>())
                                .computeIfAbsent(finding, x -> new ArrayList<>())
                                .add(rid);
                    }
                });
            }
        }
        List<ProcessingLog.Treatment> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Long>>> byVariable : found.entrySet()) {
            Variable v = f.variable(byVariable.getKey());
            boolean codeColumn = v.type() != VariableType.DATE || columns.contains(v.name() + "__MC");
            Optional<MissingCode> code = codeColumn ? replacement(v) : Optional.empty();
            Action action = code.isPresent() ? Action.SET_TO_MISSING_CODE : Action.SET_TO_SYSTEM_MISSING;
            for (Map.Entry<String, List<Long>> e : byVariable.getValue().entrySet()) {
                setMissing(duck, table, v, code, e.getValue());
                out.add(new ProcessingLog.Treatment(
                        f.name(),
                        v.name(),
                        e.getKey(),
                        action.describe(code, ins),
                        e.getValue().size()));
            }
        }
        return out;
    }

    /** "Unknown" when the variable accepts it, else "not recorded", else none. */
    static Optional<MissingCode> replacement(Variable v) {
        for (MissingCode c : List.of(MissingCode.UNKNOWN, MissingCode.NOT_RECORDED)) {
            if (v.missingCodes().contains(c.code())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static void setMissing(
            Connection duck, String table, Variable v, Optional<MissingCode> code, List<Long> rowIds)
            throws SQLException {
        String set;
        if (v.type() == VariableType.DATE) {
            set = quote(v.name()) + " = NULL"
                    + code.map(c -> ", " + quote(v.name() + "__MC") + " = " + c.code())
                            .orElse("");
        } else {
            set = quote(v.name()) + " = "
                    + code.map(c -> Integer.toString(c.code())).orElse("NULL");
        }
        try (PreparedStatement ps = duck.prepareStatement("UPDATE " + table + " SET " + set + " WHERE rowid = ?")) {
            for (long rid : rowIds) {
                ps.setLong(1, rid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}

package org.tfeval.release.pipeline;

import static org.tfeval.instrument.sql.SqlIdentifier.quote;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tfeval.instrument.Form;
import org.tfeval.instrument.Instrument;
import org.tfeval.instrument.Rule;
import org.tfeval.instrument.Variable;
import org.tfeval.instrument.VariableType;
import org.tfeval.instrument.sql.SqlIdentifier;
import org.tfeval.instrument.validation.Location;
import org.tfeval.instrument.validation.RecordValidator;
import org.tfeval.instrument.validation.Violation;
import org.tfeval.instrument.workflow.ProgressListener;
import org.tfeval.snapshot.Snapshot;

/**
 * The checks run on a snapshot's data before disclosure control, with their results, as an
 * archive's processing notes list them: integrity of the snapshot files, record counts, unique keys,
 * links to parent records, undocumented codes, out-of-range values, formats and missing codes, skip
 * logic, and the instrument's consistency rules (within a record and across records). Counts only:
 * the log is part of the package and names no record and no value.
 *
 * @param snapshotId the snapshot checked
 * @param checks the checks in the order run
 * @param treatments what was done to the invalid values the checks found, before disclosure control
 */
public record ProcessingLog(String snapshotId, List<Check> checks, List<Treatment> treatments) {

    public ProcessingLog {
        Objects.requireNonNull(snapshotId, "snapshotId");
        checks = List.copyOf(checks);
        treatments = List.copyOf(treatments);
    }

    /** The log with the treatments of invalid values. */
    public ProcessingLog withTreatments(List<Treatment> value) {
        return new ProcessingLog(snapshotId, checks, value);
    }

    /**
     * What was done to the invalid values of one variable with one kind of finding: an archive's
     * processing note, by count (no record and no value named).
     *
     * @param form the dataset
     * @param variable the variable
     * @param finding what was wrong ({@code undocumented code}, {@code out of range}, ...)
     * @param action what was done, in words ({@code set to missing code -8 (Unknown)})
     * @param records records treated, at least 1
     */
    public record Treatment(String form, String variable, String finding, String action, long records) {
        public Treatment {
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(action, "action");
            if (records < 1) {
                throw new IllegalArgumentException("a treatment covers at least one record, not " + records);
            }
        }
    }

    /**
     * One check and what it found.
     *
     * @param name short name
     * @param description what was checked
     * @param checked records (or files) checked
     * @param unit what {@code checked} counts: {@code records} or {@code files}
     * @param findings records with a problem, by form and variable or rule; empty when the check passed
     */
    public record Check(String name, String description, long checked, String unit, Map<String, Long> findings) {
        public Check {
            findings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(findings));
        }

        /** Records with a problem. */
        public long problems() {
            return findings.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Runs every check on the snapshot. */
    public static ProcessingLog run(Snapshot snapshot, ProgressListener progress) throws SQLException {
        Instrument ins = snapshot.instrument();
        List<Check> checks = new ArrayList<>();
        List<String> changed = snapshot.verify();
        Map<String, Long> integrity = new LinkedHashMap<>();
        changed.forEach(f -> integrity.put(f, 1L));
        checks.add(new Check(
                "Snapshot integrity",
                "every file's SHA-256 equals the one in the snapshot manifest",
                snapshot.manifest().files().size(),
                "files",
                integrity));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = duck.createStatement()) {
            st.execute("SET threads TO 2");
            for (Form f : ins.forms()) {
                st.execute("CREATE VIEW " + view(f) + " AS SELECT * FROM read_parquet('"
                        + snapshot.dataset(f.name()).toString().replace("'", "''") + "')");
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            long records = 0;
            for (Form f : ins.forms()) {
                long n = queryLong(st, "SELECT count(*) FROM " + view(f));
                records += n;
                long expected = snapshot.rows().getOrDefault(f.name(), -1L);
                if (n != expected) {
                    counts.put(f.name(), Math.abs(n - expected));
                }
            }
            checks.add(new Check(
                    "Record counts",
                    "rows of each dataset equal the counts in the snapshot manifest",
                    records,
                    "records",
                    counts));

            Map<String, Long> keys = new LinkedHashMap<>();
            Map<String, Long> links = new LinkedHashMap<>();
            long linked = 0;
            for (Form f : ins.forms()) {
                String key = String.join(
                        ", ", f.key().stream().map(SqlIdentifier::quote).toList());
                long dup = queryLong(
                        st,
                        "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM " + view(f) + " GROUP BY " + key
                                + ") WHERE n > 1");
                if (dup > 0) {
                    keys.put(f.name(), dup);
                }
                var link = f.parentLink();
                if (link.isPresent()) {
                    Form parent = ins.form(link.get().parent());
                    linked += queryLong(st, "SELECT count(*) FROM " + view(f));
                    long orphans = queryLong(
                            st,
                            "SELECT count(*) FROM " + view(f) + " c WHERE NOT EXISTS (SELECT 1 FROM " + view(parent)
                                    + " p WHERE p." + quote(parent.key().get(0)) + " = c."
                                    + quote(link.get().name()) + ")");
                    if (orphans > 0) {
                        links.put(f.name() + "." + link.get().name(), orphans);
                    }
                }
            }
            checks.add(new Check("Unique keys", "no two records of a dataset share a key", records, "records", keys));
            checks.add(new Check(
                    "Links to parent records",
                    "every link (case to task force, victim and suspect to case, offense to "
                            + "suspect) names an existing record",
                    linked,
                    "records",
                    links));

            Map<String, Map<String, Long>> byCheck = new LinkedHashMap<>();
            for (String c : List.of(
                    "Undocumented codes",
                    "Out-of-range values",
                    "Formats and missing codes",
                    "Skip logic",
                    "Consistency rules")) {
                byCheck.put(c, new TreeMap<>());
            }
            int i = 0;
            for (Form f : ins.forms()) {
                progress.progress("processing checks", i++, ins.forms().size());
                recordChecks(st, ins, f, byCheck);
            }
            progress.progress(
                    "processing checks", ins.forms().size(), ins.forms().size());
            crossRecordRules(st, ins, byCheck.get("Consistency rules"));
            checks.add(new Check(
                    "Undocumented codes",
                    "every coded value is one of the variable's documented codes or an allowed missing code",
                    records,
                    "records",
                    byCheck.get("Undocumented codes")));
            checks.add(new Check(
                    "Out-of-range values",
                    "numbers within the variable's valid range, dates within the study's date range",
                    records,
                    "records",
                    byCheck.get("Out-of-range values")));
            checks.add(new Check(
                    "Formats and missing codes",
                    "identifiers and strings in their required form and length, required values "
                            + "present, missing codes allowed for the variable",
                    records,
                    "records",
                    byCheck.get("Formats and missing codes")));
            checks.add(new Check(
                    "Skip logic",
                    "a variable that does not apply holds -7 (not applicable), one that applies does not",
                    records,
                    "records",
                    byCheck.get("Skip logic")));
            checks.add(new Check(
                    "Consistency rules",
                    "the instrument's rules: dates in order (within a record and against the parent "
                            + "record) and conditional requirements",
                    records,
                    "records",
                    byCheck.get("Consistency rules")));
            checks.add(new Check(
                    "Derived values",
                    "derived case variables (N_VICTIMS, ANY_ARREST, ...) equal the aggregate of the linked "
                            + "records: the snapshot computes them from those records",
                    queryLong(
                            st,
                            "SELECT count(*) FROM "
                                    + view(ins.forms().stream()
                                            .filter(f -> f.variables().stream().anyMatch(Variable::isDerived))
                                            .findFirst()
                                            .orElse(ins.forms().get(0)))),
                    "records",
                    Map.of()));
        }
        return new ProcessingLog(snapshot.id(), checks, List.of());
    }

    /** Runs the instrument's single-record validation over every record of a form, counting violations by kind. */
    private static void recordChecks(Statement st, Instrument ins, Form f, Map<String, Map<String, Long>> byCheck)
            throws SQLException {
        RecordValidator validator = new RecordValidator(ins, f);
        List<Variable> vars = f.variables();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + view(f))) {
            Map<String, Integer> columns = new HashMap<>();
            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                columns.put(rs.getMetaData().getColumnName(c), c);
            }
            long row = 0;
            Map<String, String> cells = new HashMap<>();
            while (rs.next()) {
                row++;
                cells.clear();
                for (Variable v : vars) {
                    cells.put(v.name(), text(rs, v, columns));
                }
                validator.parse(cells, new Location(f.name(), row), violation -> count(byCheck, f, violation));
            }
        }
    }

    private static void count(Map<String, Map<String, Long>> byCheck, Form f, Violation v) {
        String code = v.code();
        String check = switch (code) {
            case "undocumented_code" -> "Undocumented codes";
            case "out_of_range", "date_out_of_range" -> "Out-of-range values";
            case "skip_not_applicable", "skip_applicable" -> "Skip logic";
            default -> code.startsWith("rule:") ? "Consistency rules" : "Formats and missing codes";
        };
        String where = f.name() + "."
                + (code.startsWith("rule:")
                        ? code.substring(5) + (v.isError() ? "" : " (warning)")
                        : (v.variable() == null ? "" : v.variable())
                                + (check.equals("Formats and missing codes") ? " (" + code + ")" : ""));
        byCheck.get(check).merge(where, 1L, Long::sum);
    }

    /** Date-order rules that compare a record with its parent record. */
    private static void crossRecordRules(Statement st, Instrument ins, Map<String, Long> out) throws SQLException {
        for (Rule r : ins.rules()) {
            if (!(r instanceof Rule.DateOrder d) || d.dates().stream().noneMatch(x -> x.contains("."))) {
                continue;
            }
            Form f = ins.form(d.form());
            var link = f.parentLink();
            if (link.isEmpty()) {
                continue;
            }
            Form parent = ins.form(link.get().parent());
            for (int i = 0; i + 1 < d.dates().size(); i++) {
                String a = column(d.dates().get(i));
                String b = column(d.dates().get(i + 1));
                long n = queryLong(
                        st,
                        "SELECT count(*) FROM " + view(f) + " c JOIN " + view(parent) + " p ON p."
                                + quote(parent.key().get(0)) + " = c."
                                + quote(link.get().name()) + " WHERE " + a + " > " + b);
                if (n > 0) {
                    out.merge(
                            f.name() + "." + d.id()
                                    + (d.severity() == org.tfeval.instrument.Severity.ERROR ? "" : " (warning)"),
                            n,
                            Long::sum);
                }
            }
        }
    }

    private static String column(String date) {
        int dot = date.indexOf('.');
        return dot < 0 ? "c." + quote(date) : "p." + quote(date.substring(dot + 1));
    }

    /** A cell as the import format writes it, for the record validator. */
    static String text(ResultSet rs, Variable v, Map<String, Integer> columns) throws SQLException {
        Integer c = columns.get(v.name());
        if (c == null) {
            return "";
        }
        if (v.type() == VariableType.DATE) {
            LocalDate d = rs.getObject(c, LocalDate.class);
            if (d != null) {
                return d.toString();
            }
            Integer mc = columns.get(v.name() + "__MC");
            if (mc == null) {
                return "";
            }
            int code = rs.getInt(mc);
            return rs.wasNull() ? "" : Integer.toString(code);
        }
        Object o = rs.getObject(c);
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
            return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
        }
        return o.toString();
    }

    /** The log as the package's plain-text processing notes. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("PROCESSING LOG\n\nSnapshot ").append(snapshotId).append("\n\n");
        b.append(
                "Checks run on the snapshot data before disclosure control. Counts of records only: no value and no\n");
        b.append("record is named here.\n\n");
        int i = 1;
        for (Check c : checks) {
            b.append(String.format(Locale.ROOT, "%2d. %s: %s.%n", i++, c.name(), c.description()));
            b.append(String.format(
                    Locale.ROOT,
                    "    %,d %s checked. Result: %s%n",
                    c.checked(),
                    c.unit(),
                    c.findings().isEmpty()
                            ? "passed."
                            : String.format(
                                    Locale.ROOT, "%,d %s.", c.problems(), c.problems() == 1 ? "problem" : "problems")));
            c.findings().forEach((where, n) -> b.append(String.format(Locale.ROOT, "      %-60s %,10d%n", where, n)));
            b.append('\n');
        }
        b.append("TREATMENT OF INVALID VALUES\n\n");
        b.append(
                        "Undocumented codes, out-of-range numbers and dates outside the study's range are not released as they\n")
                .append(
                        "are: before disclosure control each is set to a missing code (or left blank when the variable accepts\n")
                .append(
                        "none), so no invalid value lands in a labelled category or a band. Corrections from the source records\n")
                .append("are made in the study database and reach a later snapshot.\n\n");
        if (treatments.isEmpty()) {
            b.append("    No value needed treatment.\n");
        }
        for (Treatment t : treatments) {
            b.append(String.format(
                    Locale.ROOT,
                    "    %-30s %-32s %,8d %s: %s%n",
                    t.form() + "." + t.variable(),
                    t.finding(),
                    t.records(),
                    t.records() == 1 ? "record" : "records",
                    t.action()));
        }
        return b.toString();
    }

    private static String view(Form f) {
        return quote("log_" + f.name());
    }

    private static long queryLong(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
